package cn.bijie.innovation.shared.http;

import cn.bijie.innovation.shared.errors.DomainException;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.PayloadTooLarge;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.log.Metrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The edge every HTTP function shares: event JSON in, route by {@code routeKey}, domain failures to the error shape of
 * API.md, response JSON out. A handler only declares its routes.
 */
public final class HttpApi {
    /** The answer's status in the request's log line: apart from any record's {@code status}. */
    static final String HTTP_STATUS = "httpStatus";
    /** API.md: a body over 64 KiB is rejected before it is parsed. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Map<String, Route> routes;

    public HttpApi(Map<String, Route> routes) {
        this.routes = Map.copyOf(routes);
    }

    public void serve(InputStream in, OutputStream out) throws IOException {
        JsonNode event = Json.MAPPER.readTree(in);
        ApiResponse response = handle(event);
        Json.MAPPER.writeValue(out, Map.of(
                "statusCode", response.statusCode(),
                "headers", response.headers(),
                "body", response.body(),
                "isBase64Encoded", false));
    }

    public ApiResponse handle(JsonNode event) {
        String requestId = event.path("requestContext").path("requestId").asText("");
        String routeKey = event.path("routeKey").asText();
        try {
            JsonNode body = event.path("body");
            if (body.isTextual() && body.asText().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
                throw new PayloadTooLarge("请求体超过 64 KiB (the body is larger than 64 KiB)");
            }
            Route route = routes.get(routeKey);
            if (route == null) {
                throw new NotFound("没有这个接口 (no such route): " + routeKey);
            }
            ApiResponse response = route.handle(ApiRequest.fromEvent(event));
            Log.info("request", Map.of("requestId", requestId, "route", routeKey, HTTP_STATUS, response.statusCode()));
            return response;
        } catch (DomainException e) {
            Log.info("request", Map.of("requestId", requestId, "route", routeKey, HTTP_STATUS, e.status(),
                    "code", e.code()));
            return ApiResponse.error(e);
        } catch (SdkClientException | SdkServiceException e) {
            if (e instanceof SdkServiceException service && service.statusCode() < 500 && !service.isThrottlingException()) {
                return internal(requestId, routeKey, e);
            }
            Log.error("dependency unavailable", Map.of("requestId", requestId, "route", routeKey,
                    "exception", e.getClass().getSimpleName()));
            Metrics.count(Metrics.HTTP_5XX, 1);
            return ApiResponse.error(503, "UNAVAILABLE",
                    "服务暂时不可用，请稍后重试 (a dependency is unavailable; nothing was changed, retry later)", List.of());
        } catch (RuntimeException e) {
            return internal(requestId, routeKey, e);
        }
    }

    private static ApiResponse internal(String requestId, String routeKey, Exception e) {
        Log.error("unexpected failure", Map.of("requestId", requestId, "route", routeKey,
                "exception", e.getClass().getName(), "message", String.valueOf(e.getMessage())));
        Metrics.count(Metrics.HTTP_5XX, 1);
        return ApiResponse.error(500, "INTERNAL", "服务器内部错误 (internal error), requestId " + requestId, List.of());
    }
}
