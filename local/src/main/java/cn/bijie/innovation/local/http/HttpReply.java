package cn.bijie.innovation.local.http;

import cn.bijie.innovation.local.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP response to write: status, headers (a name may repeat), body bytes. */
public record HttpReply(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    public static HttpReply json(int status, Object body) {
        return new HttpReply(status, List.of(Map.entry("Content-Type", "application/json; charset=utf-8")), Json.bytes(body));
    }

    /** The project's error shape from API.md: {"error":{"code","message","details":[]}}. */
    public static HttpReply error(int status, String code, String message, List<Map<String, String>> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        return json(status, Map.of("error", error));
    }

    /** API Gateway's own answers (no route, integration failure) use its {"message": …} shape, not the project's. */
    static HttpReply gatewayMessage(int status, String message) {
        return json(status, Map.of("message", message));
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
