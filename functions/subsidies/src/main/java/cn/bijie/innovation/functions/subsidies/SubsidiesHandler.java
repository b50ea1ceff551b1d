package cn.bijie.innovation.functions.subsidies;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.aws.AwsClients;
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
import cn.bijie.innovation.shared.policy.ParameterChange;
import cn.bijie.innovation.shared.policy.ParameterInput;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyService;
import cn.bijie.innovation.shared.store.dynamodb.DynamoPolicyParameterStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoSubsidyStore;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import cn.bijie.innovation.shared.subsidy.DisbursementInput;
import cn.bijie.innovation.shared.subsidy.RecoveryInput;
import cn.bijie.innovation.shared.subsidy.SubsidyService;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Subsidy reads and disbursement; the policy (public) and its open parameters (proposed, then approved). */
public final class SubsidiesHandler implements RequestStreamHandler {
    /** The policy changes rarely (a parameter now and then): a public page may cache it briefly. */
    static final String POLICY_CACHE = "public, max-age=60";

    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public SubsidiesHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public SubsidiesHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private SubsidiesHandler(Config config) {
        this(new AwsClients(config).dynamoDb(), config.table(), new PageToken(PageTokenSecret.of(config)));
    }

    private SubsidiesHandler(DynamoDbClient dynamo, String table, PageToken pageTokens) {
        this(new SubsidyService(new DynamoSubsidyStore(dynamo, table, Policy.active()), pageTokens,
                        Clock.systemUTC()),
                new PolicyService(Policy.active(), new DynamoPolicyParameterStore(dynamo, table), Clock.systemUTC()));
        // SnapStart: GET /policy is a pure read; the other GET reads an id no subsidy has, the list is of an
        // organisation that does not exist, the writes' empty bodies fail validation, the transaction's condition
        // cannot hold: nothing is written
        String parameter = Policy.active().parameters().stream().map(Policy.Parameter::name).findFirst().orElse("none");
        Priming.register(api,
                ApiEvent.of("GET /policy"),
                ApiEvent.of("GET /subsidies/{subsidyId}").path("subsidyId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("GET /subsidies").query("uscc", Priming.NO_SUCH_USCC).caller("priming", null, Role.STAFF),
                ApiEvent.of("POST /subsidies/{subsidyId}/disbursement").path("subsidyId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.FINANCE).body("{}"),
                ApiEvent.of("POST /subsidies/{subsidyId}/recovery").path("subsidyId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.FINANCE).body("{}"),
                ApiEvent.of("PUT /policy/parameters/{name}").path("name", parameter)
                        .caller("priming", null, Role.STAFF).body("{}"),
                ApiEvent.of("POST /policy/parameters/{name}/approval").path("name", parameter)
                        .caller("priming", null, Role.STAFF).body("{}"));
        Priming.register("write path", () -> new TableWriter(dynamo).primeWritePath(table));
    }

    public SubsidiesHandler(SubsidyService subsidies, PolicyService policy) {
        this.api = new HttpApi(Map.of(
                "GET /subsidies", request -> ApiResponse.json(200, subsidies.list(request
                        .offeringOnly("uscc", "status", "limit", "nextToken").requireCaller(),
                        request.query("uscc"), request.query("status"), request.query("limit"),
                        request.query("nextToken"))),
                "GET /subsidies/{subsidyId}", request -> ApiResponse.json(200, subsidies.get(
                        request.requireCaller(), request.path("subsidyId"))),
                "POST /subsidies/{subsidyId}/disbursement", request -> {
                    Caller caller = request.requireCaller();
                    DisbursementInput input = Json.read(request.body(), DisbursementInput.class);
                    return Answers.respond(200, request.idempotencyKey(), () -> subsidies.disburse(caller,
                            request.path("subsidyId"), input));
                },
                "POST /subsidies/{subsidyId}/recovery", request -> {
                    Caller caller = request.requireCaller();
                    RecoveryInput input = Json.read(request.body(), RecoveryInput.class);
                    return Answers.respond(200, request.idempotencyKey(), () -> subsidies.recover(caller,
                            request.path("subsidyId"), input));
                },
                "GET /policy", request -> ApiResponse.json(200, policy.view()).withHeader("cache-control", POLICY_CACHE),
                "PUT /policy/parameters/{name}", request -> {
                    ParameterChange change = policy.proposeParameter(request.requireCaller(), request.path("name"),
                            Json.read(request.body(), ParameterInput.class));
                    return change.pending() != null ? ApiResponse.json(202, change.pending())
                            : ApiResponse.json(200, change.inForce());
                },
                "POST /policy/parameters/{name}/approval", request -> {
                    var caller = request.requireCaller();
                    ParameterInput input = Json.read(request.body(), ParameterInput.class);
                    var key = request.idempotencyKey();
                    return Answers.respond(200, key,
                            () -> policy.approveParameter(caller, request.path("name"), input, key));
                }));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        api.serve(in, out);
    }
}
