package cn.bijie.innovation.local.http;

import cn.bijie.innovation.local.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * API Gateway HTTP API payload format 2.0: the event a function receives for a real HTTP request, and how its answer
 * becomes HTTP. Events made in code (priming, tests, the bench) come from {@code shared}'s {@code ApiEvent} in the same
 * shape; the runner cannot use that builder, because {@code shared}'s tests depend on the runner.
 */
final class ApiGatewayEvents {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

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
        ObjectNode event = Json.object();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", request.rawPath());
        event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());

        List<String> cookies = new ArrayList<>();
        ObjectNode headers = event.objectNode();
        request.headers().forEach((name, values) -> {
            if (name.equals("cookie")) {
                // payload 2.0 moves cookies out of the headers into their own array
                values.forEach(v -> splitCookies(v, cookies));
            } else {
                headers.put(name, String.join(",", values));
            }
        });
        if (!headers.has("x-forwarded-for")) {
            headers.put("x-forwarded-for", request.sourceIp());
        }
        if (!headers.has("x-forwarded-port")) {
            headers.put("x-forwarded-port", String.valueOf(request.localPort()));
        }
        if (!headers.has("x-forwarded-proto")) {
            headers.put("x-forwarded-proto", "http");
        }
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        event.set("headers", headers);

        Map<String, String> query = queryParameters(request.rawQuery());
        if (!query.isEmpty()) {
            query.forEach(event.putObject("queryStringParameters")::put);
        }

        String host = request.header("host") == null ? "localhost" : request.header("host");
        String domain = host.replaceFirst(":\\d+$", "");
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", "local");
        if (claims != null) {
            ObjectNode jwt = context.putObject("authorizer").putObject("jwt");
            claimsAsStrings(claims).forEach(jwt.putObject("claims")::put);
            jwt.putNull("scopes");
        }
        context.put("domainName", domain);
        context.put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", request.rawPath());
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", request.header("user-agent") == null ? "" : request.header("user-agent"));
        context.put("requestId", requestId);
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(request.received()));
        context.put("timeEpoch", request.received().toEpochMilli());

        if (!match.pathParameters().isEmpty()) {
            match.pathParameters().forEach(event.putObject("pathParameters")::put);
        }
        boolean base64 = false;
        if (request.body().length > 0) {
            String text = utf8(request.body());
            base64 = text == null;
            event.put("body", base64 ? Base64.getEncoder().encodeToString(request.body()) : text);
        }
        event.put("isBase64Encoded", base64);
        return event;
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

    /** Decoded query parameters; a name given twice gets its values joined by ",". */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    private static void splitCookies(String header, List<String> cookies) {
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) {
                cookies.add(cookie.trim());
            }
        }
    }

    /** The bytes as text if they are valid UTF-8, else null (the body then travels base64-encoded). */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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
