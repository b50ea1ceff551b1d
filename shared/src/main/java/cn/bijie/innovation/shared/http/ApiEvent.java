package cn.bijie.innovation.shared.http;

import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An API Gateway HTTP API (payload 2.0) event made in code, shaped as the JWT authorizer hands it over: the requests a
 * handler serves to itself before a SnapStart snapshot ({@code Priming}), and tooling that drives handlers directly.
 */
public final class ApiEvent {
    private final String routeKey;
    private final Map<String, String> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> claims = new LinkedHashMap<>();
    private String body;

    private ApiEvent(String routeKey) {
        this.routeKey = routeKey;
    }

    /** An event for {@code routeKey}, e.g. {@code "GET /organizations/{uscc}"}. */
    public static ApiEvent of(String routeKey) {
        return new ApiEvent(routeKey);
    }

    public ApiEvent path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public ApiEvent query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public ApiEvent header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    /** A verified caller: {@code sub}, its groups, and for an applicant the organisation it acts for. */
    public ApiEvent caller(String sub, String uscc, Role... roles) {
        claims.put("sub", sub);
        claims.put("cognito:groups", java.util.Arrays.stream(roles).map(Role::group)
                .collect(Collectors.joining(" ", "[", "]")));
        if (uscc != null) {
            claims.put("custom:uscc", uscc);
        }
        return this;
    }

    public ApiEvent body(String json) {
        this.body = json;
        return this;
    }

    public ObjectNode toJson() {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        String path = routeKey.substring(routeKey.indexOf(' ') + 1);
        for (Map.Entry<String, String> parameter : pathParameters.entrySet()) {
            path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
        }
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")));
        ObjectNode headerNode = event.putObject("headers");
        headerNode.put("content-type", "application/json");
        headers.forEach(headerNode::put);
        if (!query.isEmpty()) {
            query.forEach(event.putObject("queryStringParameters")::put);
        }
        if (!pathParameters.isEmpty()) {
            pathParameters.forEach(event.putObject("pathParameters")::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "synthetic-" + System.nanoTime());
        context.put("routeKey", routeKey);
        context.putObject("http").put("method", method).put("path", path);
        if (!claims.isEmpty()) {
            claims.forEach(context.putObject("authorizer").putObject("jwt").putObject("claims")::put);
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    @Override
    public String toString() {
        return Json.write(toJson());
    }
}
