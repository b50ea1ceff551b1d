package cn.bijie.innovation.shared.http;

/** One route of the HTTP API, e.g. {@code GET /organizations/{uscc}}. */
@FunctionalInterface
public interface Route {
    ApiResponse handle(ApiRequest request);
}
