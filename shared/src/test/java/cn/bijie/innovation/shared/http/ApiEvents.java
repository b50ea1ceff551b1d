package cn.bijie.innovation.shared.http;

import cn.bijie.innovation.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** API Gateway HTTP API (payload 2.0) events as the JWT authorizer hands them over, and handler answers, for tests. */
public final class ApiEvents {
    private ApiEvents() {}

    /** The verified claims of a caller ({@code cognito:groups} in the {@code [a b]} form API Gateway uses). */
    public static Map<String, String> claims(Caller caller) {
        StringBuilder groups = new StringBuilder("[");
        caller.roles().forEach(r -> groups.append(groups.length() > 1 ? " " : "").append(r.group()));
        Map<String, String> claims = new java.util.LinkedHashMap<>();
        claims.put("sub", caller.sub());
        claims.put("cognito:groups", groups.append("]").toString());
        if (caller.uscc() != null) {
            claims.put("custom:uscc", caller.uscc());
        }
        return claims;
    }

    /**
     * An event for {@code routeKey} (e.g. {@code POST /certifications/{certificationId}/revocation}); {@code path} fills
     * the path parameters, {@code caller} null makes it anonymous.
     */
    public static ObjectNode event(String routeKey, Map<String, String> path, Map<String, String> query,
            Caller caller, String body, Map<String, String> headers) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        String rawPath = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (var p : path.entrySet()) {
            rawPath = rawPath.replace("{" + p.getKey() + "}", p.getValue());
        }
        event.put("rawPath", rawPath);
        event.set("pathParameters", Json.MAPPER.valueToTree(path));
        if (!query.isEmpty()) {
            event.set("queryStringParameters", Json.MAPPER.valueToTree(query));
        }
        event.set("headers", Json.MAPPER.valueToTree(headers));
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", routeKey);
        if (caller != null) {
            context.putObject("authorizer").putObject("jwt").set("claims", Json.MAPPER.valueToTree(claims(caller)));
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /** The handler's answer: {@code statusCode}, {@code headers}, and {@code body} parsed as JSON where it is JSON. */
    public record Answer(int status, JsonNode headers, String body) {
        public JsonNode json() {
            return Json.tree(body);
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }
    }

    /** Runs a stream handler's {@code handleRequest} on one event. */
    public static Answer call(StreamHandler handler, JsonNode event) {
        JsonNode response = Json.tree(invoke(handler, Json.write(event)));
        return new Answer(response.path("statusCode").asInt(), response.path("headers"),
                response.path("body").asText());
    }

    /** The raw JSON a handler writes for the raw JSON event. */
    public static String invoke(StreamHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handle(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** {@code RequestStreamHandler::handleRequest} without the Lambda context. */
    @FunctionalInterface
    public interface StreamHandler {
        void handle(java.io.InputStream in, java.io.OutputStream out) throws IOException;
    }
}
