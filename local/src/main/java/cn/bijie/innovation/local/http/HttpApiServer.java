package cn.bijie.innovation.local.http;

import cn.bijie.innovation.local.auth.LocalJwt;
import cn.bijie.innovation.local.function.FunctionRegistry;
import cn.bijie.innovation.local.function.LoadedFunction;
import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.local.support.Log;
import cn.bijie.innovation.local.template.StackContext;
import cn.bijie.innovation.local.web.WebConsole;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP API on the JDK's HTTP server: the runner's own endpoints first (in the order given), then the template's
 * routes behind the JWT check, each request as a payload 2.0 event to its function, one log line per request.
 */
public final class HttpApiServer {
    private static final String UNAUTHENTICATED_MESSAGE = "需要有效的登录令牌 (a valid bearer token is required)";

    private final RouteTable routes;
    private final FunctionRegistry functions;
    private final LocalJwt jwt;
    private final List<Endpoint> endpoints;
    private final StackContext stack;
    private final HttpServer server;
    private final ExecutorService pool;
    private volatile WebConsole console;

    public HttpApiServer(String host, int port, RouteTable routes, FunctionRegistry functions, LocalJwt jwt, List<Endpoint> endpoints,
                  StackContext stack) throws IOException {
        this.routes = routes;
        this.functions = functions;
        this.jwt = jwt;
        this.endpoints = List.copyOf(endpoints);
        this.stack = stack;
        // Without TCP_NODELAY a small response waits ~40 ms for the client's delayed ACK (Nagle): the runner would add
        // that to every request it serves. The JDK server reads this property once, when its first server is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(32, r -> new Thread(r, "http-" + threads.incrementAndGet()));
        server.createContext("/", this::handle);
        server.setExecutor(pool);
    }

    /** Serve the web console beside the API (and accept the API under its {@code /api} prefix). */
    public void serveConsole(WebConsole console) {
        this.console = console;
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String target = "-";
        HttpReply reply;
        IncomingRequest request = null;
        try {
            request = read(exchange);
            Optional<WebConsole.Reply> page = console == null ? Optional.empty()
                    : console.handle(request.method(), request.rawPath());
            if (console != null) {
                request = withPath(request, WebConsole.apiPath(request.rawPath()));
            }
            Optional<HttpReply> own = Optional.empty();
            for (int i = 0; page.isEmpty() && i < endpoints.size() && own.isEmpty(); i++) {
                own = endpoints.get(i).handle(request);
            }
            if (page.isPresent()) {
                target = "web";
                reply = new HttpReply(page.get().status(), page.get().headers(), page.get().body());
            } else if (own.isPresent()) {
                target = "local";
                reply = own.get();
            } else {
                Optional<RouteTable.Match> match = routes.match(request.method(), request.rawPath());
                if (match.isEmpty()) {
                    reply = HttpReply.gatewayMessage(404, "Not Found");
                } else {
                    target = match.get().route().logicalId();
                    reply = api(request, match.get());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = HttpReply.gatewayMessage(503, "Service Unavailable");
        } catch (RuntimeException | IOException e) {
            Log.error("request failed inside the runner", e);
            reply = HttpReply.gatewayMessage(500, "Internal Server Error");
        }
        write(exchange, request, reply);
        Log.info("%s %s → %s %d %d ms", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), target,
                reply.status(), (System.nanoTime() - started) / 1_000_000);
    }

    private HttpReply api(IncomingRequest request, RouteTable.Match match) {
        RouteTable.Route route = match.route();
        Map<String, Object> claims = null;
        Optional<String> token = LocalJwt.bearer(request.header("authorization"));
        if (token.isPresent()) {
            try {
                claims = jwt.verify(token.get());
            } catch (LocalJwt.Rejected rejected) {
                if (route.requiresAuth()) {
                    Log.info("401 for %s: %s", route.routeKey(), rejected.getMessage());
                    return unauthenticated();
                }
            }
        } else if (route.requiresAuth()) {
            return unauthenticated();
        }
        LoadedFunction function = functions.get(route.logicalId());
        if (function == null) {
            return HttpReply.gatewayMessage(503, "Service Unavailable");
        }
        String requestId = requestId();
        byte[] event = Json.bytes(ApiGatewayEvents.request(request, match, claims, requestId, stack.accountId()));
        try {
            HttpReply reply = ApiGatewayEvents.response(function.invoke(event));
            List<Map.Entry<String, String>> headers = new ArrayList<>(reply.headers());
            headers.add(Map.entry("apigw-requestid", requestId));
            return new HttpReply(reply.status(), headers, reply.body());
        } catch (LoadedFunction.InvocationFailed e) {
            Log.error(e.getMessage(), e.getCause() == null ? e : e.getCause()); // the trace stays here, never in the body
            return HttpReply.gatewayMessage(500, "Internal Server Error");
        } catch (ApiGatewayEvents.InvalidResponse e) {
            Log.error(route.logicalId() + ": " + e.getMessage(), e);
            return HttpReply.gatewayMessage(500, "Internal Server Error");
        }
    }

    private static HttpReply unauthenticated() {
        HttpReply error = HttpReply.error(401, "UNAUTHENTICATED", UNAUTHENTICATED_MESSAGE, List.of());
        List<Map.Entry<String, String>> headers = new ArrayList<>(error.headers());
        headers.add(Map.entry("WWW-Authenticate", "Bearer"));
        return new HttpReply(401, headers, error.body());
    }

    /** API Gateway's request ids look like "JKJaXmPLvHcESHA="; any unique short token does locally. */
    private static String requestId() {
        UUID id = UUID.randomUUID();
        return java.util.Base64.getEncoder().encodeToString(
                java.nio.ByteBuffer.allocate(10).putLong(id.getMostSignificantBits()).putShort((short) id.getLeastSignificantBits()).array());
    }

    private static IncomingRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new IncomingRequest(exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(), exchange.getProtocol(),
                headers, body, exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getLocalAddress().getPort(), Instant.now());
    }

    private static IncomingRequest withPath(IncomingRequest r, String rawPath) {
        return new IncomingRequest(r.method(), rawPath, r.rawQuery(), r.protocol(), r.headers(), r.body(), r.sourceIp(),
                r.localPort(), r.received());
    }

    private static void write(HttpExchange exchange, IncomingRequest request, HttpReply reply) throws IOException {
        try {
            reply.headers().forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
            boolean noBody = reply.body().length == 0 || reply.status() == 204 || reply.status() == 304
                    || (request != null && request.method().equals("HEAD"));
            exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } finally {
            exchange.close();
        }
    }
}
