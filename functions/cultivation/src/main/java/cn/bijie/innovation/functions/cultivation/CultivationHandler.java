package cn.bijie.innovation.functions.cultivation;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.aws.Mailers;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.cultivation.CoachingInput;
import cn.bijie.innovation.shared.cultivation.CultivationCatalogue;
import cn.bijie.innovation.shared.cultivation.CultivationService;
import cn.bijie.innovation.shared.cultivation.PoolInput;
import cn.bijie.innovation.shared.cultivation.ReadinessInput;
import cn.bijie.innovation.shared.cultivation.Statistics;
import cn.bijie.innovation.shared.cultivation.WindowInput;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiRequest;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.log.Metrics;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoCultivationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoIndicatorStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.store.dynamodb.CultivationStreamImages;
import cn.bijie.innovation.shared.store.dynamodb.StreamBatch;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cultivation of 三(一): the reserve pool, coaching, readiness, statistics and the forecast over HTTP; and, from
 * the table's stream, each recorded recognition counted once (and a pool enterprise's conversion), and the pool
 * mailed once per application window opened.
 */
public final class CultivationHandler implements RequestStreamHandler {
    private final CultivationService cultivation;
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public CultivationHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public CultivationHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private CultivationHandler(Config config) {
        this(config, new AwsClients(config));
    }

    private CultivationHandler(Config config, AwsClients clients) {
        this(clients.dynamoDb(), config.table(), new PageToken(PageTokenSecret.of(config)),
                Mailers.of(config, clients.sesV2()));
    }

    private CultivationHandler(DynamoDbClient dynamo, String table, PageToken tokens, Mailer mailer) {
        this(wire(dynamo, table, tokens, mailer, Clock.systemUTC()));
        // SnapStart: the reads run once, the writes fail validation, a stream record of another type is ignored
        Priming.register(api,
                ApiEvent.of("GET /cultivation/statistics").caller("priming", null, Role.STAFF),
                ApiEvent.of("GET /cultivation/forecast").caller("priming", null, Role.STAFF),
                ApiEvent.of("POST /cultivation/pool").caller("priming", null, Role.STAFF).body("{}"),
                ApiEvent.of("GET /organizations/{uscc}/cultivation").path("uscc", Priming.NO_SUCH_USCC)
                        .caller("priming", null, Role.STAFF));
        Priming.register("write path", () -> new TableWriter(dynamo).primeWritePath(table));
        Priming.register("stream record", () -> StreamBatch.prime(this::handle));
    }

    public static CultivationService wire(DynamoDbClient dynamo, String table, PageToken tokens, Mailer mailer,
            Clock clock) {
        return new CultivationService(new DynamoCultivationStore(dynamo, table, clock),
                new DynamoOrganizationStore(dynamo, table), new DynamoIndicatorStore(dynamo, table), Policy.active(),
                CultivationCatalogue.active(), tokens, mailer, clock);
    }

    /** SES where it exists; the SMTP relay where the template says so (MAIL_TRANSPORT), as the reminder run. */
    public CultivationHandler(CultivationService cultivation) {
        this.cultivation = cultivation;
        this.api = new HttpApi(Map.of(
                "POST /cultivation/windows", request -> {
                    Caller caller = request.requireCaller();
                    WindowInput input = Json.read(request.body(), WindowInput.class);
                    return Answers.respond(201, request.idempotencyKey(), () -> cultivation.openWindow(caller, input));
                },
                "POST /cultivation/pool", request -> {
                    Caller caller = request.requireCaller();
                    PoolInput input = Json.read(request.body(), PoolInput.class);
                    return Answers.respond(201, request.idempotencyKey(), () -> cultivation.addToPool(caller, input));
                },
                "GET /cultivation/pool", request -> ApiResponse.json(200, cultivation.pool(request
                        .offeringOnly("intake", "limit", "nextToken").requireCaller(), request.query("intake"),
                        request.query("limit"), request.query("nextToken"))),
                "POST /organizations/{uscc}/coaching", request -> {
                    Caller caller = request.requireCaller();
                    CoachingInput input = Json.read(request.body(), CoachingInput.class);
                    return Answers.respond(201, request.idempotencyKey(), () -> cultivation.recordCoaching(caller,
                            request.path("uscc"), input));
                },
                "PUT /organizations/{uscc}/readiness", request -> ApiResponse.json(200, cultivation.setReadiness(
                        request.requireCaller(), request.path("uscc"),
                        Json.read(request.body(), ReadinessInput.class))),
                "GET /organizations/{uscc}/cultivation", request -> ApiResponse.json(200, cultivation.get(
                        request.requireCaller(), request.path("uscc"))),
                "GET /cultivation/statistics", this::statistics,
                "GET /cultivation/forecast", request -> ApiResponse.json(200, Map.of("items", cultivation.forecast(
                        request.offeringOnly("period").requireCaller(), request.query("period"))))));
    }

    private ApiResponse statistics(ApiRequest request) {
        Statistics statistics = cultivation.statistics(request.offeringOnly("format").requireCaller());
        String format = request.query("format");
        if (format == null || "json".equals(format)) {
            return ApiResponse.json(200, statistics);
        }
        if ("csv".equals(format)) {
            return ApiResponse.raw(200, "text/csv; charset=utf-8", statistics.csv()).withHeader(
                    "content-disposition", "attachment; filename=\"cultivation-" + statistics.year() + ".csv\"");
        }
        throw ValidationFailed.field("format", "须为 json 或 csv (json or csv)");
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        byte[] bytes = in.readAllBytes();
        JsonNode event = Json.MAPPER.readTree(bytes);
        if (!event.has("Records")) {
            api.serve(new ByteArrayInputStream(bytes), out);
            return;
        }
        StreamBatch.handle(new ByteArrayInputStream(bytes), out, this::handle);
    }

    /** A certification recorded ACTIVE is counted (and may convert); one that stops being ACTIVE leaves the kinds. */
    private void handle(StreamBatch.Change change) {
        String eventName = change.eventName();
        Map<String, AttributeValue> now = change.newImage();
        Map<String, AttributeValue> was = change.oldImage();
        CultivationStreamImages.recorded(eventName, now).ifPresent(recognition -> Log.info("recognition", Map.of(
                "certificationId", recognition.certificationId(), "outcome", cultivation.recognised(recognition))));
        CultivationStreamImages.deactivated(eventName, was, now).ifPresent(cultivation::deactivated);
        CultivationStreamImages.windowOpened(eventName, now).ifPresent(window -> {
            CultivationService.WindowMails mails = cultivation.windowOpened(window);
            Log.info("window mails", Map.of("windowId", window.windowId(), "sent", mails.sent(),
                    "sentBefore", mails.sentBefore(), "failed", mails.failed()));
            Metrics.count(Metrics.REMINDER_MAILS_FAILED, mails.failed());
        });
    }
}
