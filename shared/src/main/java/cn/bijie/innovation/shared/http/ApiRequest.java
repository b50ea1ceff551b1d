package cn.bijie.innovation.shared.http;

import cn.bijie.innovation.shared.errors.Unauthenticated;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.identity.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an API Gateway HTTP API (payload 2.0) event that handlers use. Read straight from the event's JSON
 * tree: cheaper at cold start than binding the whole event class, and the only place that knows the event's shape.
 */
public record ApiRequest(
        String routeKey,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Map<String, String> headers,
        String body,
        Caller caller,
        String requestId) {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public static ApiRequest fromEvent(JsonNode event) {
        String body = event.path("body").isTextual() ? event.path("body").asText() : null;
        if (body != null && event.path("isBase64Encoded").asBoolean(false)) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new HashMap<>();
        event.path("headers").fields().forEachRemaining(
                e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        JsonNode claimsNode = event.path("requestContext").path("authorizer").path("jwt").path("claims");
        Caller caller = null;
        if (claimsNode.isObject() && claimsNode.size() > 0) {
            Map<String, String> claims = new HashMap<>();
            claimsNode.fields().forEachRemaining(e -> claims.put(e.getKey(),
                    e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            caller = Caller.fromClaims(claims);
        }
        return new ApiRequest(
                event.path("routeKey").asText(),
                strings(event.path("pathParameters")),
                strings(event.path("queryStringParameters")),
                headers,
                body,
                caller,
                event.path("requestContext").path("requestId").asText(""));
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** The verified caller; a route behind the JWT authorizer always has one, but never trust that blindly. */
    public Caller requireCaller() {
        if (caller == null || caller.sub() == null) {
            throw new Unauthenticated("需要有效的登录令牌 (a valid bearer token is required)");
        }
        return caller;
    }

    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isEmpty()) {
            throw ValidationFailed.field(name, "缺少路径参数 (missing path parameter)");
        }
        return value;
    }

    /** The request's {@code Idempotency-Key}, scoped to the caller and this request, or null; malformed: a 400. */
    public IdempotencyKey idempotencyKey() {
        String key = header(IDEMPOTENCY_KEY);
        if (key == null) {
            return null;
        }
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw ValidationFailed.field(IDEMPOTENCY_KEY, "须为 1–128 个可打印字符 (1 to 128 printable characters)");
        }
        return IdempotencyKey.of(requireCaller().sub(), key, routeKey + "\n" + new TreeMap<>(pathParameters) + "\n"
                + (body == null ? "" : body));
    }

    /**
     * Refuses (400) a query parameter the route does not offer: a list must not quietly ignore a filter the client
     * believes it applied.
     */
    public ApiRequest offeringOnly(String... offered) {
        java.util.Set<String> known = java.util.Set.of(offered);
        for (String name : new java.util.TreeSet<>(queryParameters.keySet())) {
            if (!known.contains(name)) {
                throw ValidationFailed.field(name, "此列表不提供该筛选条件 (this list offers no such filter)");
            }
        }
        return this;
    }

    public String query(String name) {
        String value = queryParameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
