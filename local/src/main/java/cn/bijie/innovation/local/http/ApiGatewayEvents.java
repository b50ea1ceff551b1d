package cn.bijie.innovation.local.http;

import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.shared.http.ApiEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * API Gateway HTTP API payload format 2.0: the event a function receives for a real HTTP request (built by
 * {@code shared}'s {@link ApiEvent}, the project's one builder of such events), and how its answer becomes HTTP.
 */
final class ApiGatewayEvents {
    /** The function's answer is not something API Gateway could turn into a response (→ 500). */
    static final class InvalidResponse extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidResponse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ApiGatewayEvents() {}

    /**
     * @param claims verified JWT claims, or null for a request without (valid) token on a public route
     */
    static ObjectNode request(IncomingRequest request, RouteTable.Match match, Map<String, Object> claims, String requestId,
                              String accountId) {
        // what API Gateway adds as the proxy in front of the function, unless a proxy before it did
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.putIfAbsent("x-forwarded-for", List.of(request.sourceIp()));
        headers.putIfAbsent("x-forwarded-port", List.of(String.valueOf(request.localPort())));
        headers.putIfAbsent("x-forwarded-proto", List.of("http"));
        ApiEvent event = ApiEvent.received(match.route().routeKey(), request.method(), request.rawPath(), request.rawQuery(),
                        headers, request.body(), requestId)
                .arrived(accountId, "local", request.header("host") == null ? "localhost" : request.header("host"),
                        request.sourceIp(), request.protocol(), request.received());
        match.pathParameters().forEach(event::path);
        if (claims != null) {
            event.verified(claimsAsStrings(claims));
        }
        return event.toJson();
    }

    /**
     * Claims as the JWT authorizer hands them over: every value a string, arrays as Go prints them ("[staff finance]").
     */
    static Map<String, String> claimsAsStrings(Map<String, Object> claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value != null) {
                strings.put(name, goString(value));
            }
        });
        return strings;
    }

    private static String goString(Object value) {
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(element -> parts.add(goString(element)));
            return "[" + String.join(" ", parts) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(map).forEach((k, v) -> parts.add(k + ":" + goString(v)));
            return "map[" + String.join(" ", parts) + "]";
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) && Math.abs(number) < 1e15 ? String.valueOf((long) number) : String.valueOf(number);
        }
        return String.valueOf(value);
    }

    /**
     * The function's output as HTTP. With a statusCode it is a response object; any other valid JSON is the body of a
     * 200 (the payload 2.0 rule).
     */
    static HttpReply response(byte[] output) throws InvalidResponse {
        JsonNode json;
        try {
            json = Json.parse(output);
        } catch (IOException e) {
            throw new InvalidResponse("the function's output is not JSON", e);
        }
        if (json == null || json.isMissingNode()) {
            throw new InvalidResponse("the function wrote no output", null);
        }
        if (!json.isObject() || !json.has("statusCode")) {
            return new HttpReply(200, List.of(Map.entry("Content-Type", "application/json")), Json.bytes(json));
        }
        int status = json.get("statusCode").asInt(-1);
        if (status < 100 || status > 599) {
            throw new InvalidResponse("statusCode " + json.get("statusCode") + " is not an HTTP status", null);
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        JsonNode single = json.path("headers");
        for (Map.Entry<String, JsonNode> header : single.properties()) {
            headers.add(Map.entry(header.getKey(), header.getValue().asText()));
        }
        for (Map.Entry<String, JsonNode> header : json.path("multiValueHeaders").properties()) {
            if (single.has(header.getKey())) {
                continue; // given both ways: the single value already went out
            }
            header.getValue().forEach(value -> headers.add(Map.entry(header.getKey(), value.asText())));
        }
        json.path("cookies").forEach(cookie -> headers.add(Map.entry("Set-Cookie", cookie.asText())));
        JsonNode bodyNode = json.get("body");
        byte[] body;
        if (bodyNode == null || bodyNode.isNull()) {
            body = new byte[0];
        } else {
            String text = bodyNode.isTextual() ? bodyNode.asText() : Json.text(bodyNode);
            try {
                body = json.path("isBase64Encoded").asBoolean(false)
                        ? Base64.getDecoder().decode(text)
                        : text.getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InvalidResponse("isBase64Encoded is true but the body is not base64", e);
            }
        }
        return new HttpReply(status, headers, body);
    }
}
