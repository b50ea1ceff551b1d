package cn.bijie.innovation.functions.applications;

import cn.bijie.innovation.shared.application.ApplicationInput;
import cn.bijie.innovation.shared.application.ApplicationService;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Env;
import cn.bijie.innovation.shared.http.ApiRequest;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoApplicationStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/** {@code /applications*} (not the decision, not documents): submit, list, read, correct, withdraw. */
public final class SubmitApplicationHandler implements RequestStreamHandler {
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public SubmitApplicationHandler() {
        this(new ApplicationService(
                new DynamoApplicationStore(AwsClients.dynamoDb(), Env.require("TABLE_NAME"),
                        new PageToken(Env.require("PAGE_TOKEN_SECRET")),
                        Policy.active().reminders().applicationWaitingDays()),
                Policy.active(), Clock.systemUTC()));
    }

    public SubmitApplicationHandler(ApplicationService applications) {
        this.api = new HttpApi(Map.of(
                "POST /applications", request -> ApiResponse.of(applications.submit(request.requireCaller(),
                        Json.read(request.body(), ApplicationInput.class), idempotency(request))),
                "GET /applications", request -> ApiResponse.json(200, applications.list(request.requireCaller(),
                        request.query("status"), request.query("kind"), request.query("county"),
                        Page.limit(request.query("limit")), request.query("nextToken"))),
                "GET /applications/{applicationId}", request -> ApiResponse.json(200, applications.get(
                        request.requireCaller(), request.path("applicationId"))),
                "PUT /applications/{applicationId}", request -> ApiResponse.of(applications.correct(
                        request.requireCaller(), request.path("applicationId"),
                        Json.read(request.body(), ApplicationInput.class), idempotency(request))),
                "POST /applications/{applicationId}/withdrawal", request -> ApiResponse.of(applications.withdraw(
                        request.requireCaller(), request.path("applicationId"), idempotency(request)))));
    }

    private static IdempotencyKey idempotency(ApiRequest request) {
        return IdempotencyKey.of(request).orElse(null);
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        api.serve(in, out);
    }
}
