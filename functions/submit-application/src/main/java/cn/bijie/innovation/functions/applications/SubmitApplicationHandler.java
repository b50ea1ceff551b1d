package cn.bijie.innovation.functions.applications;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.application.ApplicationInput;
import cn.bijie.innovation.shared.application.ApplicationService;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.calculation.ApplicationReview;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoCertificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoPolicyParameterStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoSubsidyStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoApplicationStore;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code /applications*} (not the decision, not documents): submit, list, read, correct, withdraw. */
public final class SubmitApplicationHandler implements RequestStreamHandler {
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public SubmitApplicationHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public SubmitApplicationHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private SubmitApplicationHandler(Config config) {
        this(new AwsClients(config).dynamoDb(), config.table(), new PageToken(PageTokenSecret.of(config)));
    }

    private SubmitApplicationHandler(DynamoDbClient dynamo, String table, PageToken pageTokens) {
        this(new ApplicationService(
                new DynamoApplicationStore(dynamo, table, Policy.active().reminders().applicationWaitingDays()),
                Policy.active(), pageTokens, Clock.systemUTC()), review(dynamo, table));
        // SnapStart: nothing is written: the GET reads an id no record has, the list is of an organisation that does
        // not exist, the POST's empty body fails validation, the transaction's condition cannot hold
        Priming.register(api,
                ApiEvent.of("GET /applications/{applicationId}").path("applicationId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("GET /applications").caller("priming", Priming.NO_SUCH_USCC, Role.APPLICANT),
                ApiEvent.of("POST /applications").caller("priming", Priming.NO_SUCH_USCC, Role.APPLICANT).body("{}"));
        Priming.register("write path", () -> new TableWriter(dynamo).primeWritePath(table));
    }

    public SubmitApplicationHandler(ApplicationService applications) {
        this(applications, null);
    }

    /** The staff's view of an application (issue 12): the organisation's record and what the policy would pay. */
    public static ApplicationReview review(DynamoDbClient dynamo, String table) {
        Policy policy = Policy.active();
        return new ApplicationReview(new DynamoCertificationStore(dynamo, table, policy, Clock.systemUTC()),
                new DynamoSubsidyStore(dynamo, table, policy), new DynamoPolicyParameterStore(dynamo, table), policy);
    }

    /** With {@code review} null, {@code GET /applications/{id}} answers the application alone. */
    public SubmitApplicationHandler(ApplicationService applications, ApplicationReview review) {
        this.api = new HttpApi(Map.of(
                "POST /applications", request -> {
                    Caller caller = request.requireCaller();
                    ApplicationInput input = Json.read(request.body(), ApplicationInput.class);
                    IdempotencyKey key = request.idempotencyKey();
                    return Answers.respond(201, key, () -> applications.submit(caller, input, key));
                },
                "GET /applications", request -> ApiResponse.json(200, applications.list(request
                        .offeringOnly("status", "kind", "county", "limit", "nextToken").requireCaller(),
                        request.query("status"), request.query("kind"), request.query("county"),
                        Page.limit(request.query("limit")), request.query("nextToken"))),
                "GET /applications/{applicationId}", request -> {
                    Caller caller = request.requireCaller();
                    var application = applications.get(caller, request.path("applicationId"));
                    return ApiResponse.json(200, review == null ? application : review.view(caller, application));
                },
                "PUT /applications/{applicationId}", request -> {
                    Caller caller = request.requireCaller();
                    ApplicationInput input = Json.read(request.body(), ApplicationInput.class);
                    IdempotencyKey key = request.idempotencyKey();
                    return Answers.respond(200, key, () -> applications.correct(caller, request.path("applicationId"),
                            input, key));
                },
                "POST /applications/{applicationId}/withdrawal", request -> {
                    Caller caller = request.requireCaller();
                    IdempotencyKey key = request.idempotencyKey();
                    return Answers.respond(200, key, () -> applications.withdraw(caller,
                            request.path("applicationId"), key));
                }));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        api.serve(in, out);
    }
}
