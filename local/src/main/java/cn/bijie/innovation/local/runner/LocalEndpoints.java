package cn.bijie.innovation.local.runner;

import cn.bijie.innovation.local.auth.LocalJwt;
import cn.bijie.innovation.local.auth.TokenRequest;
import cn.bijie.innovation.local.function.FunctionRegistry;
import cn.bijie.innovation.local.function.LoadedFunction;
import cn.bijie.innovation.local.http.Endpoint;
import cn.bijie.innovation.local.http.HttpReply;
import cn.bijie.innovation.local.http.IncomingRequest;
import cn.bijie.innovation.local.http.RouteTable;
import cn.bijie.innovation.local.notification.BucketNotifications;
import cn.bijie.innovation.local.schedule.ScheduleRunner;
import cn.bijie.innovation.local.schedule.ScheduledEvents;
import cn.bijie.innovation.local.stream.StreamPollers;
import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.local.support.Log;
import cn.bijie.innovation.local.template.StackContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** The routes only the local runner has (never in template.yaml): tokens, schedules on demand, health, stream drain. */
final class LocalEndpoints implements Endpoint {
    private static final String SCHEDULES = "/local/schedules/";

    private final LocalJwt jwt;
    private final FunctionRegistry functions;
    private final BooleanSupplier emulatorReachable;
    private final StackContext stack;
    private volatile ScheduleRunner schedules;
    private volatile StreamPollers streams;
    private volatile BucketNotifications notifications;

    LocalEndpoints(LocalJwt jwt, FunctionRegistry functions, BooleanSupplier emulatorReachable, StackContext stack) {
        this.jwt = jwt;
        this.functions = functions;
        this.emulatorReachable = emulatorReachable;
        this.stack = stack;
    }

    /** Pollers and schedules exist only once the functions are loaded; the server answers health before that. */
    void attach(ScheduleRunner schedules, StreamPollers streams) {
        this.schedules = schedules;
        this.streams = streams;
    }

    void attach(BucketNotifications notifications) {
        this.notifications = notifications;
    }

    /** The reply for a local route, or empty when the request is not one (it then goes to the API's routes). */
    @Override
    public Optional<HttpReply> handle(IncomingRequest request) throws InterruptedException {
        String path = request.rawPath();
        String method = request.method();
        if (method.equals("POST") && path.equals("/local/token")) {
            return Optional.of(token(request.body()));
        }
        if (method.equals("GET") && path.equals("/local/health")) {
            return Optional.of(health());
        }
        if (method.equals("POST") && path.equals("/local/streams/drain")) {
            return Optional.of(drain());
        }
        if (method.equals("POST") && path.equals("/local/notifications/drain")) {
            return Optional.of(drainNotifications());
        }
        if (method.equals("POST") && path.startsWith(SCHEDULES) && path.length() > SCHEDULES.length()
                && path.indexOf('/', SCHEDULES.length()) < 0) {
            return Optional.of(schedule(path.substring(SCHEDULES.length()), request.body()));
        }
        return Optional.empty();
    }

    private HttpReply token(byte[] body) {
        try {
            TokenRequest t = TokenRequest.parse(body);
            return HttpReply.json(200, Map.of("token", jwt.issue(t.sub(), t.groups(), t.uscc(), t.email(), t.expiresInSeconds())));
        } catch (TokenRequest.Invalid e) {
            return HttpReply.error(400, "VALIDATION_FAILED", "请求内容无效 (the token request is invalid)", e.details);
        }
    }

    private HttpReply health() {
        boolean loaded = functions.complete();
        boolean emulator = emulatorReachable.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", loaded && emulator ? "ok" : !emulator ? "emulator unreachable" : "starting");
        body.put("functions", functions.logicalIds());
        return HttpReply.json(loaded && emulator ? 200 : 503, body);
    }

    private HttpReply drain() throws InterruptedException {
        StreamPollers pollers = streams;
        if (pollers == null) {
            return HttpReply.json(503, Map.of("message", "the runner is still starting"));
        }
        StreamPollers.DrainResult result = pollers.drain(Duration.ofSeconds(30));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivered", result.delivered());
        body.put("failed", result.failed());
        body.put("filtered", result.filtered());
        body.put("drained", result.drained());
        if (!result.drained()) {
            body.put("message", "stream records were still pending after 30 s (a batch being retried?)");
        }
        return HttpReply.json(result.drained() ? 200 : 503, body);
    }

    /**
     * Waits (≤ 50 s: within a client's request timeout) until every S3 event of an object uploaded so far has been
     * delivered, with its retries.
     */
    private HttpReply drainNotifications() throws InterruptedException {
        BucketNotifications s3 = notifications;
        if (s3 == null) {
            return HttpReply.json(503, Map.of("message", "the runner is still starting"));
        }
        BucketNotifications.DrainResult result = s3.drain(Duration.ofSeconds(50));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivered", result.delivered());
        body.put("failed", result.failed());
        body.put("drained", result.drained());
        return HttpReply.json(result.drained() ? 200 : 503, body);
    }

    private HttpReply schedule(String logicalId, byte[] body) {
        LoadedFunction function = functions.get(RouteTable.decode(logicalId));
        if (function == null || schedules == null) {
            return HttpReply.error(404, "NOT_FOUND", "没有这个函数 (no function " + logicalId + " is loaded)", List.of());
        }
        Instant time = Instant.now();
        if (body.length > 0 && !new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            try {
                JsonNode json = Json.parse(body);
                JsonNode given = json == null ? null : json.get("time");
                if (json == null || !json.isObject() || (given != null && !given.isTextual())) {
                    return badSchedule("body must be {\"time\": \"2026-12-01T01:00:00Z\"} or empty");
                }
                if (given != null) {
                    time = Instant.parse(given.asText());
                }
            } catch (IOException | DateTimeParseException e) {
                return badSchedule("time must be an ISO-8601 instant such as 2026-12-01T01:00:00Z");
            }
        }
        byte[] event = Json.bytes(ScheduledEvents.event(time, stack.region(), schedules.resourcesOf(function.logicalId())));
        try {
            byte[] output = function.invoke(event);
            return new HttpReply(200, List.of(Map.entry("Content-Type", "application/json")),
                    output.length == 0 ? "null".getBytes(java.nio.charset.StandardCharsets.UTF_8) : output);
        } catch (LoadedFunction.InvocationFailed e) {
            Log.error(e.getMessage(), e.getCause() == null ? e : e.getCause());
            return HttpReply.error(500, "INTERNAL", "函数执行失败 (the function failed: " + e.getMessage() + ")", List.of());
        }
    }

    private static HttpReply badSchedule(String problem) {
        return HttpReply.error(400, "VALIDATION_FAILED", "请求内容无效 (the schedule request is invalid)",
                List.of(Map.of("field", "time", "problem", problem)));
    }
}
