package cn.bijie.innovation.shared.testing;

import cn.bijie.innovation.shared.json.Json;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** API Gateway HTTP API (payload 2.0) events for in-process handler tests, shaped as the authorizer hands them over. */
public final class ApiEvents {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    private ApiEvents() {}

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
    public static String event(String routeKey, Claims claims, String body, String... pathValues) {
        return event(routeKey, claims, body, Map.of(), Map.of(), pathValues);
    }

    public static String event(String routeKey, Claims claims, String body, Map<String, String> query,
            Map<String, String> headers, String... pathValues) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String template = routeKey.substring(routeKey.indexOf(' ') + 1);
        Map<String, String> pathParameters = new LinkedHashMap<>();
        Matcher matcher = PARAM.matcher(template);
        StringBuilder path = new StringBuilder();
        int i = 0;
        while (matcher.find()) {
            String value = pathValues[i++];
            pathParameters.put(matcher.group(1), value);
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);

        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path.toString());
        event.put("rawQueryString", "");
        ObjectNode headerNode = event.putObject("headers");
        headerNode.put("content-type", "application/json");
        headers.forEach((k, v) -> headerNode.put(k.toLowerCase(java.util.Locale.ROOT), v));
        if (!query.isEmpty()) {
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        if (!pathParameters.isEmpty()) {
            ObjectNode p = event.putObject("pathParameters");
            pathParameters.forEach(p::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "test-" + System.nanoTime());
        context.put("routeKey", routeKey);
        context.putObject("http").put("method", method).put("path", path.toString());
        if (claims != null) {
            ObjectNode c = context.putObject("authorizer").putObject("jwt").putObject("claims");
            c.put("sub", claims.sub());
            c.put("cognito:groups", claims.groups());
            if (claims.uscc() != null) {
                c.put("custom:uscc", claims.uscc());
            }
            if (claims.email() != null) {
                c.put("email", claims.email());
            }
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return Json.write(event);
    }

    /** Status and parsed JSON body of a handler's answer. */
    public record Answer(int status, JsonNode body, String rawBody, JsonNode headers) {
        public String errorCode() {
            return body.path("error").path("code").asText(null);
        }
    }

    public static Answer invoke(RequestStreamHandler handler, String event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            JsonNode response = Json.MAPPER.readTree(out.toByteArray());
            String raw = response.path("body").asText();
            JsonNode body = raw.isEmpty() || !(raw.startsWith("{") || raw.startsWith("["))
                    ? Json.MAPPER.nullNode() : Json.MAPPER.readTree(raw);
            return new Answer(response.path("statusCode").asInt(), body, raw, response.path("headers"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
