package cn.bijie.innovation.functions.certifications;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.certification.CertificationInput;
import cn.bijie.innovation.shared.certification.CertificationService;
import cn.bijie.innovation.shared.certification.ClassificationInput;
import cn.bijie.innovation.shared.certification.DecisionInput;
import cn.bijie.innovation.shared.certification.MergeInput;
import cn.bijie.innovation.shared.certification.PlatformMerges;
import cn.bijie.innovation.shared.certification.RevocationInput;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoCertificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoPlatformMergeStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoSubsidyStore;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Staff decisions on applications, certification records and their revocation. */
public final class RecordCertificationHandler implements RequestStreamHandler {
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public RecordCertificationHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public RecordCertificationHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private RecordCertificationHandler(Config config) {
        this(new AwsClients(config).dynamoDb(), config.table(), new PageToken(PageTokenSecret.of(config)));
    }

    private RecordCertificationHandler(DynamoDbClient dynamo, String table, PageToken pageTokens) {
        this(wire(dynamo, table, pageTokens), merges(dynamo, table));
        // SnapStart: nothing is written: the GET reads an id no record has, the list is of an organisation that does
        // not exist, the POSTs' empty bodies fail validation, the transaction's condition cannot hold
        Priming.register(api,
                ApiEvent.of("GET /certifications/{certificationId}").path("certificationId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("GET /certifications").query("uscc", Priming.NO_SUCH_USCC)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("POST /certifications/{certificationId}/classification")
                        .path("certificationId", Priming.NO_SUCH_ID).caller("priming", null, Role.STAFF).body("{}"),
                ApiEvent.of("GET /organizations/{uscc}/platforms").path("uscc", Priming.NO_SUCH_USCC)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("POST /certifications").caller("priming", null, Role.STAFF).body("{}"),
                ApiEvent.of("POST /organizations/{uscc}/platforms/{platformId}/merge")
                        .path("uscc", Priming.NO_SUCH_USCC).path("platformId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF).body("{}"),
                ApiEvent.of("POST /applications/{applicationId}/decision").path("applicationId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF).body("{}"),
                ApiEvent.of("POST /certifications/{certificationId}/revocation")
                        .path("certificationId", Priming.NO_SUCH_ID).caller("priming", null, Role.STAFF).body("{}"));
        Priming.register("write path", () -> new TableWriter(dynamo).primeWritePath(table));
    }

    public RecordCertificationHandler(CertificationService certifications, PlatformMerges merges) {
        this.api = new HttpApi(Map.of(
                "POST /applications/{applicationId}/decision", request -> {
                    Caller caller = request.requireCaller();
                    DecisionInput input = Json.read(request.body(), DecisionInput.class);
                    return Answers.respond(200, request.idempotencyKey(), () -> certifications.decide(caller,
                            request.path("applicationId"), input));
                },
                "POST /certifications", request -> {
                    Caller caller = request.requireCaller();
                    CertificationInput input = Json.read(request.body(), CertificationInput.class);
                    return Answers.respond(201, request.idempotencyKey(), () -> certifications.record(caller, input));
                },
                "GET /certifications", request -> ApiResponse.json(200, certifications.list(request
                        .offeringOnly("uscc", "kind", "status", "expiringBefore", "limit", "nextToken")
                        .requireCaller(), request.query("uscc"), request.query("kind"),
                        request.query("status"), request.query("expiringBefore"), request.query("limit"),
                        request.query("nextToken"))),
                "GET /certifications/{certificationId}", request -> ApiResponse.json(200, certifications.get(
                        request.requireCaller(), request.path("certificationId"))),
                "POST /certifications/{certificationId}/classification", request -> {
                    Caller caller = request.requireCaller();
                    ClassificationInput input = Json.read(request.body(), ClassificationInput.class);
                    return Answers.respond(200, request.idempotencyKey(), () -> certifications.reclassify(caller,
                            request.path("certificationId"), input));
                },
                "GET /organizations/{uscc}/platforms", request -> ApiResponse.json(200, certifications.platforms(
                        request.requireCaller(), request.path("uscc"))),
                "POST /organizations/{uscc}/platforms/{platformId}/merge", request -> {
                    Caller caller = request.requireCaller();
                    MergeInput input = Json.read(request.body(), MergeInput.class);
                    return Answers.respond(200, request.idempotencyKey(), () -> merges.merge(caller,
                            request.path("uscc"), request.path("platformId"), input));
                },
                "POST /certifications/{certificationId}/revocation", request -> {
                    Caller caller = request.requireCaller();
                    RevocationInput input = Json.read(request.body(), RevocationInput.class);
                    return Answers.respond(200, request.idempotencyKey(), () -> certifications.revoke(caller,
                            request.path("certificationId"), input));
                }));
    }

    public static CertificationService wire(DynamoDbClient dynamo, String table, PageToken pageTokens) {
        Policy policy = Policy.active();
        Clock clock = Clock.systemUTC();
        return new CertificationService(new DynamoCertificationStore(dynamo, table, policy, clock),
                new DynamoSubsidyStore(dynamo, table, policy), policy,
                pageTokens, clock);
    }

    public static PlatformMerges merges(DynamoDbClient dynamo, String table) {
        Policy policy = Policy.active();
        return new PlatformMerges(new DynamoCertificationStore(dynamo, table, policy, Clock.systemUTC()),
                new DynamoSubsidyStore(dynamo, table, policy), new DynamoPlatformMergeStore(dynamo, table, policy),
                policy, Clock.systemUTC());
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        api.serve(in, out);
    }
}
