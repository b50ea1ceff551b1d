package cn.bijie.innovation.shared.testing;

import cn.bijie.innovation.shared.http.ApiEvent;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test shorthands over {@link ApiEvent}: the {@code events/*.json} samples, and one-line events by route and caller. */
public final class ApiEvents {
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private ApiEvents() {}

    /** The sample {@code events/<file>} (the samples are the fixtures), to change and invoke. */
    public static ApiEvent sample(String file) {
        try {
            return ApiEvent.parse(Files.readString(ProjectRoot.path().resolve("events").resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A verified caller's claims, groups in API Gateway's {@code [a b]} form. */
    public record Claims(String sub, String groups, String uscc, String email) {
        public static Claims applicant(String uscc) {
            return new Claims("applicant-" + uscc, "[applicant]", uscc, "applicant@example.com");
        }

        public static Claims of(String role) {
            return new Claims(role + "-1", "[" + role + "]", null, role + "@example.com");
        }
    }

    /**
     * An event for {@code routeKey} (e.g. {@code "GET /organizations/{uscc}"}) with the path parameters filled in
     * order, e.g. {@code event("GET /organizations/{uscc}", claims, null, "91520500MA6DKQ5X35")}.
     */
    public static ApiEvent event(String routeKey, Claims claims, String body, String... pathValues) {
        return event(routeKey, claims, body, Map.of(), Map.of(), pathValues);
    }

    public static ApiEvent event(String routeKey, Claims claims, String body, Map<String, String> query,
            Map<String, String> headers, String... pathValues) {
        ApiEvent event = ApiEvent.of(routeKey).body(body);
        Matcher names = PARAMETER.matcher(routeKey);
        for (int i = 0; names.find(); i++) {
            event.path(names.group(1), pathValues[i]);
        }
        query.forEach(event::query);
        headers.forEach(event::header);
        if (claims != null) {
            event.claim("sub", claims.sub()).claim("cognito:groups", claims.groups()).claim("custom:uscc", claims.uscc())
                    .claim("email", claims.email());
        }
        return event;
    }

    public static ApiEvent.Answer invoke(RequestStreamHandler handler, ApiEvent event) {
        return event.invoke(handler);
    }

    /** Runs {@code handler} on an event exactly as written, e.g. a sample file read whole. */
    public static ApiEvent.Answer invoke(RequestStreamHandler handler, String event) {
        return ApiEvent.invoke(handler, event);
    }
}
