package cn.bijie.innovation.shared.testing;

import cn.bijie.innovation.shared.json.Json;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.UUID;

/**
 * An API Gateway HTTP API (payload 2.0) event for calling a handler in-process, as Lambda would: start from one of
 * the project's {@code events/*.json} samples (they are the fixtures), then change the caller, path, query, headers
 * or body. {@link #invoke} runs a handler on it and reads the response.
 */
public final class ApiEvent {
    private final ObjectNode event;

    private ApiEvent(ObjectNode event) {
        this.event = event;
    }

    /** The sample {@code events/<file>}. */
    public static ApiEvent sample(String file) {
        try {
            return new ApiEvent((ObjectNode) Json.MAPPER.readTree(
                    Files.readString(ProjectRoot.path().resolve("events").resolve(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caller's verified claims; {@code uscc} may be null. Groups in API Gateway's {@code [a b]} form. */
    public ApiEvent as(String sub, String uscc, String... groups) {
        ObjectNode claims = event.with("requestContext").with("authorizer").with("jwt").putObject("claims");
        claims.put("sub", sub);
        claims.put("cognito:groups", "[" + String.join(" ", groups) + "]");
        if (uscc != null) {
            claims.put("custom:uscc", uscc);
        }
        claims.put("email", sub + "@example.com");
        return this;
    }

    /** Another route key, e.g. one the function does not serve. */
    public ApiEvent route(String routeKey) {
        event.put("routeKey", routeKey);
        return this;
    }

    public ApiEvent path(String name, String value) {
        event.with("pathParameters").put(name, value);
        return this;
    }

    /** Sets a query parameter, or removes it for null. */
    public ApiEvent query(String name, String value) {
        if (value == null) {
            event.with("queryStringParameters").remove(name);
        } else {
            event.with("queryStringParameters").put(name, value);
        }
        return this;
    }

    /** Sets a header, or removes it for null. */
    public ApiEvent header(String name, String value) {
        if (value == null) {
            event.with("headers").remove(name);
        } else {
            event.with("headers").put(name, value);
        }
        return this;
    }

    /** No verified caller at all (what a route behind the authorizer never sees, and must still refuse). */
    public ApiEvent anonymous() {
        event.with("requestContext").remove("authorizer");
        return this;
    }

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
        ObjectNode body = (ObjectNode) Json.tree(event.path("body").asText());
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

    public String json() {
        event.with("requestContext").put("requestId", UUID.randomUUID().toString());
        return event.toString();
    }

    public ApiEvent copy() {
        return new ApiEvent(event.deepCopy());
    }

    /** Runs {@code handler} on this event as Lambda would (bytes in, bytes out). */
    public ApiEvents.Answer invoke(RequestStreamHandler handler) {
        return ApiEvents.invoke(handler, json());
    }
}
