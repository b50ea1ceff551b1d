package cn.bijie.innovation.shared.http;

import cn.bijie.innovation.shared.errors.DomainException;
import cn.bijie.innovation.shared.errors.FieldProblem;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An HTTP API (payload 2.0) response. */
public record ApiResponse(int statusCode, Map<String, String> headers, String body) {
    private static final String JSON = "application/json; charset=utf-8";

    public static ApiResponse json(int status, Object body) {
        return raw(status, JSON, Json.write(body));
    }

    /** A body that is JSON already, e.g. a stored idempotent response. */
    public static ApiResponse rawJson(int status, String json) {
        return raw(status, JSON, json);
    }

    /** The response of a committed write: the first one, also when this request replayed it. */
    public static ApiResponse of(Committed committed) {
        ApiResponse response = rawJson(committed.status(), committed.bodyJson());
        return committed.replayed() ? response.withHeader("idempotent-replayed", "true") : response;
    }

    public static ApiResponse raw(int status, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("cache-control", "no-store");
        return new ApiResponse(status, headers, body);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(statusCode, copy, body);
    }

    public static ApiResponse error(DomainException e) {
        return error(e.status(), e.code(), e.getMessage(), e.details());
    }

    public static ApiResponse error(int status, String code, String message, List<FieldProblem> details) {
        return json(status, Map.of("error", new ErrorBody(code, message, details)));
    }

    public record ErrorBody(String code, String message, List<FieldProblem> details) {}
}
