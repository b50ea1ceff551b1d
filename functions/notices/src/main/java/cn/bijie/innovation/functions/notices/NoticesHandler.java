package cn.bijie.innovation.functions.notices;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.calendar.WorkingDays;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiRequest;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.ledger.LedgerService;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.notice.CloseSummary;
import cn.bijie.innovation.shared.notice.NoticeInput;
import cn.bijie.innovation.shared.notice.NoticeService;
import cn.bijie.innovation.shared.notice.ObjectionDecisionInput;
import cn.bijie.innovation.shared.notice.ObjectionInput;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.reminder.ScheduledTime;
import cn.bijie.innovation.shared.report.ProgressReports;
import cn.bijie.innovation.shared.store.dynamodb.DynamoIndicatorStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoLedgerStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoNoticeStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoPolicyParameterStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoReportStore;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * 公示 and the money's oversight, one code base in three roles (template.yaml): {@code NoticesFunction} (staff's notice
 * routes and the daily close, on its schedule), {@code PublicNoticesFunction} (the public notices and objections: it
 * may write only in notice partitions) and {@code LedgerFunction} (the ledger, the forecast and the progress report:
 * reads only). An event with a {@code routeKey} is an HTTP request; any other is the schedule's.
 */
public final class NoticesHandler implements RequestStreamHandler {
    /** The header this handler sets from the event's {@code requestContext.http.sourceIp}, overwriting any sent. */
    static final String SOURCE_HEADER = "x-bijie-source-ip";
    private static final Pattern ADDRESS = Pattern.compile("^[0-9A-Fa-f.:]{2,45}$");

    private final NoticeService notices;
    private final ProgressReports reports;
    private final HttpApi api;
    private final Clock clock;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public NoticesHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public NoticesHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private NoticesHandler(Config config) {
        this(new AwsClients(config).dynamoDb(), config.table(), new PageToken(PageTokenSecret.of(config)));
    }

    private NoticesHandler(DynamoDbClient dynamo, String table, PageToken tokens) {
        this(new NoticeService(new DynamoNoticeStore(dynamo, table, Policy.active()), Policy.active(),
                        WorkingDays.china(), tokens, Clock.systemUTC()),
                new LedgerService(new DynamoLedgerStore(dynamo, table), new DynamoPolicyParameterStore(dynamo, table),
                        Policy.active(), Clock.systemUTC()),
                new ProgressReports(Policy.active(), new DynamoIndicatorStore(dynamo, table),
                        new DynamoReportStore(dynamo, table), new DynamoLedgerStore(dynamo, table),
                        Clock.systemUTC()),
                Clock.systemUTC());
        // SnapStart: reads of ids nothing has, lists, the ledger; the writes' empty bodies fail validation; the
        // transaction's condition cannot hold: nothing is written
        Priming.register(api,
                ApiEvent.of("GET /public/notices"),
                ApiEvent.of("GET /public/notices/{noticeId}").path("noticeId", Priming.NO_SUCH_ID),
                ApiEvent.of("POST /public/notices/{noticeId}/objections").path("noticeId", Priming.NO_SUCH_ID)
                        .body("{}"),
                ApiEvent.of("GET /notices").caller("priming", null, Role.STAFF),
                ApiEvent.of("POST /notices").caller("priming", null, Role.STAFF).body("{}"),
                ApiEvent.of("GET /ledger").caller("priming", null, Role.FINANCE));
        Priming.register("write path", () -> new TableWriter(dynamo).primeWritePath(table));
    }

    public NoticesHandler(NoticeService notices, LedgerService ledger, ProgressReports reports, Clock clock) {
        this.notices = notices;
        this.reports = reports;
        this.clock = clock;
        this.api = new HttpApi(Map.ofEntries(
                Map.entry("POST /notices", request -> {
                    Caller caller = request.requireCaller();
                    NoticeInput input = Json.read(request.body(), NoticeInput.class);
                    return Answers.respond(201, request.idempotencyKey(), () -> notices.open(caller, input));
                }),
                Map.entry("GET /notices", request -> ApiResponse.json(200, notices.list(request
                        .offeringOnly("status", "limit", "nextToken").requireCaller(), request.query("status"),
                        request.query("limit"), request.query("nextToken")))),
                Map.entry("GET /notices/{noticeId}", request -> ApiResponse.json(200,
                        notices.get(request.requireCaller(), request.path("noticeId")))),
                Map.entry("POST /notices/{noticeId}/objections/{objectionId}/decision", request -> {
                    Caller caller = request.requireCaller();
                    ObjectionDecisionInput input = Json.read(request.body(), ObjectionDecisionInput.class);
                    return Answers.respond(200, request.idempotencyKey(), () -> notices.decide(caller,
                            request.path("noticeId"), request.path("objectionId"), input));
                }),
                Map.entry("GET /public/notices", request -> ApiResponse.json(200, notices.publicList(
                        request.offeringOnly("status", "limit", "nextToken").query("status"),
                        request.query("limit"), request.query("nextToken")))),
                Map.entry("GET /public/notices/{noticeId}", request -> ApiResponse.json(200,
                        notices.publicGet(request.path("noticeId")))),
                Map.entry("POST /public/notices/{noticeId}/objections", request -> {
                    ObjectionInput input = Json.read(request.body(), ObjectionInput.class);
                    String source = request.header(SOURCE_HEADER);
                    return Answers.respond(201, null, () -> notices.lodge(request.path("noticeId"), input,
                            source == null ? "unknown" : source));
                }),
                Map.entry("GET /ledger", request -> {
                    Caller caller = request.offeringOnly("format").requireCaller();
                    return switch (format(request)) {
                        case "csv" -> ApiResponse.raw(200, "text/csv; charset=utf-8", ledger.csv(caller))
                                .withHeader("content-disposition", "attachment; filename=\"ledger.csv\"");
                        default -> ApiResponse.json(200, ledger.ledger(caller));
                    };
                }),
                Map.entry("GET /ledger/forecast", request -> ApiResponse.json(200,
                        ledger.forecast(request.offeringOnly().requireCaller()))),
                Map.entry("GET /reports/progress", request -> {
                    Caller caller = request.offeringOnly("period", "at", "previous", "format").requireCaller();
                    var report = reports.report(caller, request.query("period"), request.query("at"),
                            request.query("previous"));
                    String format = request.query("format");
                    if (format == null || "json".equals(format)) {
                        return ApiResponse.json(200, report);
                    }
                    if ("csv".equals(format)) {
                        return ApiResponse.raw(200, "text/csv; charset=utf-8", reports.csv(report)).withHeader(
                                "content-disposition", "attachment; filename=\"progress-" + report.period() + ".csv\"");
                    }
                    if ("html".equals(format)) {
                        return ApiResponse.raw(200, "text/html; charset=utf-8", reports.html(report))
                                .withHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
                    }
                    throw ValidationFailed.field("format", "须为 json、csv 或 html (json, csv or html)");
                })));
    }

    private static String format(ApiRequest request) {
        String format = request.query("format");
        if (format == null || "json".equals(format) || "csv".equals(format)) {
            return format == null ? "json" : format;
        }
        throw ValidationFailed.field("format", "须为 json 或 csv (json or csv)");
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        JsonNode event = Json.MAPPER.readTree(in);
        if (event != null && event.has("routeKey")) {
            // the rate limit's source is the address API Gateway saw, never a header the caller sent
            String ip = event.path("requestContext").path("http").path("sourceIp").asText("");
            ObjectNode headers = event.path("headers").isObject() ? (ObjectNode) event.get("headers")
                    : ((ObjectNode) event).putObject("headers");
            headers.remove(SOURCE_HEADER);
            headers.put(SOURCE_HEADER, ADDRESS.matcher(ip).matches() ? ip : "unknown");
            ApiResponse response = api.handle(event);
            Json.MAPPER.writeValue(out, Map.of("statusCode", response.statusCode(), "headers", response.headers(),
                    "body", response.body(), "isBase64Encoded", false));
            return;
        }
        Instant now = now(event);
        CloseSummary summary = notices.closeEnded(now);
        reports.snapshot(now);
        Log.info("notices closed", Map.of("date", summary.date(), "closed", summary.closed().size(),
                "awaitingPayment", summary.awaitingPayment(), "held", summary.held(),
                "waitingForDecisions", summary.waitingForDecisions().size()));
        Json.MAPPER.writeValue(out, summary);
    }

    /** The schedule's time (as the reminder run: far from the clock only with {@code "overrideClock": true}). */
    Instant now(JsonNode event) {
        return ScheduledTime.ofEvent(event, clock.instant());
    }
}
