package cn.bijie.innovation.shared.http;

import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An API Gateway HTTP API (payload 2.0) event made in code, shaped as the JWT authorizer hands it over: the requests a
 * handler serves to itself before a SnapStart snapshot ({@code Priming}), the bench's requests, and the tests' (which
 * start from the {@code events/*.json} samples). The one builder of such events in the project; the local runner, which
 * cannot depend on this module, translates real HTTP requests into the same shape.
 */
public final class ApiEvent {
    private final ObjectNode event;

    private ApiEvent(ObjectNode event) {
        this.event = event;
    }

    /** An event for {@code routeKey}, e.g. {@code "GET /organizations/{uscc}"}; no caller, no body. */
    public static ApiEvent of(String routeKey) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.putObject("headers").put("content-type", "application/json");
        event.putObject("requestContext").put("routeKey", routeKey);
        event.put("isBase64Encoded", false);
        return new ApiEvent(event);
    }

    /** An event given as JSON (a sample from {@code events/}), to change and send again. */
    public static ApiEvent parse(String json) {
        JsonNode tree = Json.tree(json);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("an API event is a JSON object");
        }
        return new ApiEvent(object);
    }

    /** Another route key, e.g. one the function does not serve. */
    public ApiEvent route(String routeKey) {
        event.put("routeKey", routeKey);
        event.with("requestContext").put("routeKey", routeKey);
        return this;
    }

    public ApiEvent path(String name, String value) {
        event.with("pathParameters").put(name, value);
        return this;
    }

    /** Sets a query parameter, or removes it for null. */
    public ApiEvent query(String name, String value) {
        return set(event.with("queryStringParameters"), name, value);
    }

    /** Sets a header (names are lower case, as API Gateway passes them), or removes it for null. */
    public ApiEvent header(String name, String value) {
        return set(event.with("headers"), name.toLowerCase(Locale.ROOT), value);
    }

    /** A verified caller: {@code sub}, its roles, and for an applicant the organisation it acts for. */
    public ApiEvent caller(String sub, String uscc, Role... roles) {
        return claims(sub, uscc, Arrays.stream(roles).map(Role::group).toList());
    }

    /**
     * A verified caller with its groups as the token carries them (unknown ones too) and an e-mail claim; {@code uscc}
     * may be null.
     */
    public ApiEvent as(String sub, String uscc, String... groups) {
        return claims(sub, uscc, List.of(groups)).claim("email", sub + "@example.com");
    }

    /** One claim of the verified caller set (null removes it), e.g. a forged or missing {@code custom:uscc}. */
    public ApiEvent claim(String name, String value) {
        return set(event.with("requestContext").with("authorizer").with("jwt").with("claims"), name, value);
    }

    /** No verified caller at all (what a route behind the authorizer never sees, and must still refuse). */
    public ApiEvent anonymous() {
        event.with("requestContext").remove("authorizer");
        return this;
    }

    /** The body, or none for null. */
    public ApiEvent body(String body) {
        if (body == null) {
            event.remove("body");
        } else {
            event.put("body", body);
        }
        return this;
    }

    /** The body with one field replaced (a JSON value, e.g. {@code "\"x\""} or {@code "12"}), or removed for null. */
    public ApiEvent bodyField(String field, String jsonValue) {
        ObjectNode body = (ObjectNode) bodyTree();
        if (jsonValue == null) {
            body.remove(field);
        } else {
            body.set(field, Json.tree(jsonValue));
        }
        return body(body.toString());
    }

    public JsonNode bodyTree() {
        return Json.tree(event.path("body").asText());
    }

    public ApiEvent copy() {
        return new ApiEvent(event.deepCopy());
    }

    /**
     * The event as a handler receives it: the raw path, query string and {@code requestContext.http} follow the route
     * key, path parameters and query parameters; a fresh request id each time.
     */
    public ObjectNode toJson() {
        ObjectNode json = event.deepCopy();
        String routeKey = json.path("routeKey").asText();
        int space = routeKey.indexOf(' ');
        if (space > 0) {
            String path = fill(routeKey.substring(space + 1), json.path("pathParameters"));
            json.put("rawPath", path);
            json.with("requestContext").putObject("http").put("method", routeKey.substring(0, space)).put("path", path);
        }
        List<String> query = new ArrayList<>();
        json.path("queryStringParameters").fields().forEachRemaining(e -> query.add(
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue().asText(), StandardCharsets.UTF_8)));
        json.put("rawQueryString", String.join("&", query));
        json.with("requestContext").put("requestId", UUID.randomUUID().toString());
        return json;
    }

    @Override
    public String toString() {
        return Json.write(toJson());
    }

    /** Runs {@code handler} on this event in this JVM as Lambda would (bytes in, bytes out) and reads its answer. */
    public Answer invoke(RequestStreamHandler handler) {
        return invoke(handler, toString());
    }

    /** Runs {@code handler} on an event given as JSON, exactly as written (a sample file, say). */
    public static Answer invoke(RequestStreamHandler handler, String event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            JsonNode response = Json.MAPPER.readTree(out.toByteArray());
            String raw = response.path("body").asText();
            JsonNode body = raw.startsWith("{") || raw.startsWith("[") ? Json.tree(raw) : Json.MAPPER.nullNode();
            return new Answer(response.path("statusCode").asInt(), body, raw, response.path("headers"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A handler's answer: status, the body parsed when it is JSON (else a null node), the raw body, the headers. */
    public record Answer(int status, JsonNode body, String rawBody, JsonNode headers) {
        /** The error shape's {@code error.code}, or null. */
        public String errorCode() {
            return body.path("error").path("code").asText(null);
        }
    }

    private ApiEvent claims(String sub, String uscc, List<String> groups) {
        ObjectNode claims = event.with("requestContext").with("authorizer").with("jwt").putObject("claims");
        claims.put("sub", sub);
        claims.put("cognito:groups", "[" + String.join(" ", groups) + "]"); // as the authorizer prints arrays
        if (uscc != null) {
            claims.put("custom:uscc", uscc);
        }
        return this;
    }

    private ApiEvent set(ObjectNode section, String name, String value) {
        if (value == null) {
            section.remove(name);
        } else {
            section.put(name, value);
        }
        return this;
    }

    /** The route's path with its parameters ({@code {name}}, greedy {@code {name+}}) filled in; unknown ones stay. */
    private static String fill(String template, JsonNode parameters) {
        String path = template;
        for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> parameter = it.next();
            String value = parameter.getValue().asText();
            path = path.replace("{" + parameter.getKey() + "}", value).replace("{" + parameter.getKey() + "+}", value);
        }
        return path;
    }
}
