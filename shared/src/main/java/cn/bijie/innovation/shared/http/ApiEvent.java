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
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An API Gateway HTTP API (payload 2.0) event made in code, shaped as the JWT authorizer hands it over: the requests a
 * handler serves to itself before a SnapStart snapshot ({@code Priming}), the bench's requests, and the tests' (which
 * start from the {@code events/*.json} samples), and the local runner's for the HTTP requests it receives
 * ({@link #received}). The one builder of such events in the project.
 */
public final class ApiEvent {
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final ObjectNode event;
    /** Path, query and request id as given ({@link #received}), not derived from the route and its parameters. */
    private final boolean asReceived;

    private ApiEvent(ObjectNode event, boolean asReceived) {
        this.event = event;
        this.asReceived = asReceived;
    }

    private ApiEvent(ObjectNode event) {
        this(event, false);
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

    /**
     * A request as it arrived over HTTP, for the route it matched, as API Gateway passes it on: path and query string as
     * sent, the query parameters decoded from it (a name given twice gets its values joined by ","), the headers (names
     * lower case, a header's values joined by ","), cookies moved out of the headers into their own list, and the body
     * as text, or base64-encoded when it is not UTF-8. {@link #toJson} keeps path, query and request id as given.
     */
    public static ApiEvent received(String routeKey, String method, String rawPath, String rawQuery,
                                    Map<String, List<String>> headers, byte[] body, String requestId) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        List<String> cookies = new ArrayList<>();
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach((name, values) -> {
            if (name.equals("cookie")) {
                values.forEach(value -> splitCookies(value, cookies));
            } else {
                headerNode.put(name, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        Map<String, String> query = queryParameters(rawQuery);
        if (!query.isEmpty()) {
            query.forEach(event.putObject("queryStringParameters")::put);
        }
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", requestId);
        context.put("routeKey", routeKey);
        context.putObject("http").put("method", method).put("path", rawPath);
        String text = body.length == 0 ? null : utf8(body);
        if (body.length > 0) {
            event.put("body", text == null ? Base64.getEncoder().encodeToString(body) : text);
        }
        event.put("isBase64Encoded", body.length > 0 && text == null);
        return new ApiEvent(event, true);
    }

    /**
     * Where and when the request arrived: the API (account, id, the domain it was called on, its stage
     * {@code $default}), the client (address, protocol, user agent from its header) and the time.
     */
    public ApiEvent arrived(String accountId, String apiId, String host, String sourceIp, String protocol, Instant time) {
        String domain = host.replaceFirst(":\\d+$", "");
        ObjectNode context = event.with("requestContext");
        context.put("accountId", accountId);
        context.put("apiId", apiId);
        context.put("domainName", domain);
        context.put("domainPrefix", domain.contains(".") ? domain.substring(0, domain.indexOf('.')) : domain);
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(time));
        context.put("timeEpoch", time.toEpochMilli());
        context.with("http").put("protocol", protocol).put("sourceIp", sourceIp)
                .put("userAgent", event.path("headers").path("user-agent").asText(""));
        return this;
    }

    /** Verified claims as the JWT authorizer hands them over: every value a string, and no scopes (an ID token). */
    public ApiEvent verified(Map<String, String> claims) {
        ObjectNode jwt = event.with("requestContext").with("authorizer").putObject("jwt");
        claims.forEach(jwt.putObject("claims")::put);
        jwt.putNull("scopes");
        return this;
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
        return new ApiEvent(event.deepCopy(), asReceived);
    }

    /**
     * The event as a handler receives it: the raw path, query string and {@code requestContext.http} follow the route
     * key, path parameters and query parameters; a fresh request id each time (a {@link #received} request keeps them).
     */
    public ObjectNode toJson() {
        ObjectNode json = event.deepCopy();
        if (asReceived) {
            return json;
        }
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

    /** Decoded query parameters; a name given twice gets its values joined by ",". */
    private static Map<String, String> queryParameters(String rawQuery) {
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

    /** The bytes as text if they are valid UTF-8, else null. */
    private static String utf8(byte[] bytes) {
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
