package cn.bijie.innovation.local.client;

import cn.bijie.innovation.local.support.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests to a running local runner over HTTP, as a client sends them: the end-to-end tests and the bench use it, so
 * a request is built in one place.
 */
public final class RunnerClient {
    private final URI base;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param timeout how long one request may take */
    public RunnerClient(URI base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /** Where the runner listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return base;
    }

    /**
     * {@code method path} with a JSON {@code body} (or none for null), a bearer {@code token} (or none for null) and
     * further headers as name, value pairs.
     */
    public HttpResponse<String> send(String method, String path, String token, String body, String... headerPairs)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headerPairs.length; i += 2) {
            request.header(headerPairs[i], headerPairs[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A bearer token from {@code POST /local/token}; {@code uscc} and {@code email} may be null. */
    public String token(String sub, List<String> groups, String uscc, String email) throws IOException, InterruptedException {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("groups", groups);
        if (uscc != null) {
            claims.put("uscc", uscc);
        }
        if (email != null) {
            claims.put("email", email);
        }
        HttpResponse<String> response = send("POST", "/local/token", null, Json.text(claims));
        if (response.statusCode() != 200) {
            throw new IOException("POST /local/token: " + response.statusCode() + " " + response.body());
        }
        return Json.MAPPER.readTree(response.body()).path("token").asText();
    }

    /** Whether the runner answers {@code GET /local/health} with 200 (every function loaded, the emulator answering). */
    public boolean healthy() throws InterruptedException {
        try {
            return send("GET", "/local/health", null, null).statusCode() == 200;
        } catch (IOException notListening) {
            return false;
        }
    }
}
