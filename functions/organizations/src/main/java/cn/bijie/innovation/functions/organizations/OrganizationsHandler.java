package cn.bijie.innovation.functions.organizations;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.organization.OrganizationInput;
import cn.bijie.innovation.shared.organization.OrganizationService;
import cn.bijie.innovation.shared.organization.TierInput;
import cn.bijie.innovation.shared.notification.NotificationService;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoNotificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code PUT/GET /organizations/{uscc}}: organisation profiles; {@code PUT /organizations/{uscc}/tier} and
 * {@code GET /organizations/{uscc}/tiers}: the growth tier the bureau designates, and its history;
 * {@code GET /organizations}: the staff directory; {@code GET …/notifications}: what the organisation was told.
 */
public final class OrganizationsHandler implements RequestStreamHandler {
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public OrganizationsHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public OrganizationsHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private OrganizationsHandler(Config config) {
        this(new AwsClients(config).dynamoDb(), config.table(), new PageToken(PageTokenSecret.of(config)));
    }

    private OrganizationsHandler(DynamoDbClient dynamo, String table, PageToken pageTokens) {
        this(new OrganizationService(new DynamoOrganizationStore(dynamo, table), Policy::active, pageTokens,
                Clock.systemUTC()), new NotificationService(new DynamoNotificationStore(dynamo, table), pageTokens));
        // SnapStart: both routes, the write path and the response of a found profile run once before the snapshot, and
        // nothing is written: the GET reads a key that cannot exist, the PUT's empty body fails validation, the
        // transaction's condition cannot hold
        Priming.register(api,
                ApiEvent.of("GET /organizations/{uscc}").path("uscc", Priming.NO_SUCH_USCC)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("PUT /organizations/{uscc}").path("uscc", Priming.NO_SUCH_USCC)
                        .caller("priming", null, Role.STAFF).body("{}"),
                ApiEvent.of("PUT /organizations/{uscc}/tier").path("uscc", Priming.NO_SUCH_USCC)
                        .caller("priming", null, Role.STAFF).body("{}"),
                ApiEvent.of("GET /organizations/{uscc}/tiers").path("uscc", Priming.NO_SUCH_USCC)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("GET /organizations/{uscc}/notifications").path("uscc", Priming.NO_SUCH_USCC)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("GET /organizations").query("q", Priming.NO_SUCH_USCC)
                        .caller("priming", null, Role.STAFF));
        Priming.register("write path", () -> new TableWriter(dynamo).primeWritePath(table));
        Priming.register("profile response", () -> ApiResponse.json(200, new Organization(Priming.NO_SUCH_USCC,
                "毕节示例科技有限公司", "520502", "NEW_MATERIALS", "priming@example.com", null, "2020-01-01T00:00:00Z")));
    }

    public OrganizationsHandler(OrganizationService organizations, NotificationService notifications) {
        this.api = new HttpApi(Map.of(
                "GET /organizations/{uscc}/notifications", request -> ApiResponse.json(200, notifications.list(
                        request.offeringOnly("limit", "nextToken").requireCaller(), request.path("uscc"),
                        request.query("limit"), request.query("nextToken"))),
                "PUT /organizations/{uscc}", request -> ApiResponse.json(200, organizations.put(
                        request.requireCaller(), request.path("uscc"),
                        Json.read(request.body(), OrganizationInput.class))),
                "GET /organizations/{uscc}", request -> ApiResponse.json(200, organizations.get(
                        request.requireCaller(), request.path("uscc"))),
                "PUT /organizations/{uscc}/tier", request -> ApiResponse.json(200, organizations.setTier(
                        request.requireCaller(), request.path("uscc"),
                        Json.read(request.body(), TierInput.class))),
                "GET /organizations/{uscc}/tiers", request -> ApiResponse.json(200, Map.of("items",
                        organizations.tierHistory(request.requireCaller(), request.path("uscc")))),
                "GET /organizations", request -> ApiResponse.json(200, organizations.directory(request
                        .offeringOnly("county", "industry", "tier", "inPool", "holds", "q", "limit", "nextToken")
                        .requireCaller(), request.query("county"), request.query("industry"), request.query("tier"),
                        request.query("inPool"), request.query("holds"), request.query("q"), request.query("limit"),
                        request.query("nextToken")))));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        api.serve(in, out);
    }
}
