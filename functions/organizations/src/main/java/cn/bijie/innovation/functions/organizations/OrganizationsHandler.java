package cn.bijie.innovation.functions.organizations;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Env;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.organization.OrganizationInput;
import cn.bijie.innovation.shared.organization.OrganizationService;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/** {@code PUT/GET /organizations/{uscc}}: organisation profiles. */
public final class OrganizationsHandler implements RequestStreamHandler {
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public OrganizationsHandler() {
        this(new OrganizationService(
                new DynamoOrganizationStore(AwsClients.dynamoDb(), Env.require("TABLE_NAME")),
                Policy.active(), Clock.systemUTC()));
    }

    public OrganizationsHandler(OrganizationService organizations) {
        this.api = new HttpApi(Map.of(
                "PUT /organizations/{uscc}", request -> ApiResponse.json(200, organizations.put(
                        request.requireCaller(), request.path("uscc"),
                        Json.read(request.body(), OrganizationInput.class))),
                "GET /organizations/{uscc}", request -> ApiResponse.json(200, organizations.get(
                        request.requireCaller(), request.path("uscc")))));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        api.serve(in, out);
    }
}
