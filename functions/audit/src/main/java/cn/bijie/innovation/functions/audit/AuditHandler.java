package cn.bijie.innovation.functions.audit;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.audit.AuditReport;
import cn.bijie.innovation.shared.audit.AuditService;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.store.dynamodb.DynamoAuditStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * {@code GET /audit?entity=…} and {@code GET /audit/verify?entity=…} (staff, supervisors): one record's audit trail and
 * the check of its hash chain. Invoked directly with {@code {"action":"verify"}} (AuditVerifyFunction, operators) it
 * walks every chain of the table and reports the first break of each broken one.
 */
public final class AuditHandler implements RequestStreamHandler {
    private final AuditService audit;
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public AuditHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public AuditHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private AuditHandler(Config config) {
        this(new AuditService(new DynamoAuditStore(new AwsClients(config).dynamoDb(), config.table()),
                new PageToken(PageTokenSecret.of(config))));
        // SnapStart: both routes are reads, of a record no chain belongs to (never the whole table's verification)
        Priming.register(api,
                ApiEvent.of("GET /audit").query("entity", "SUB#" + Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("GET /audit/verify").query("entity", "SUB#" + Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF));
    }

    public AuditHandler(AuditService audit) {
        this.audit = audit;
        this.api = new HttpApi(Map.of(
                "GET /audit", request -> ApiResponse.json(200, audit.list(request
                        .offeringOnly("entity", "limit", "nextToken").requireCaller(), request.query("entity"),
                        request.query("limit"), request.query("nextToken"))),
                "GET /audit/verify", request -> ApiResponse.json(200, audit.verify(request
                        .offeringOnly("entity").requireCaller(), request.query("entity")))));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        byte[] event = in.readAllBytes();
        JsonNode action = Json.MAPPER.readTree(event).path("action");
        if (action.isMissingNode()) {
            api.serve(new ByteArrayInputStream(event), out);
            return;
        }
        if (!"verify".equals(action.asText())) {
            throw new IllegalArgumentException("unknown action: " + action.asText());
        }
        long started = System.nanoTime();
        AuditReport report = audit.verifyAll();
        Log.info("audit verified", Map.of("chains", report.chains(), "entries", report.entries(),
                "breaks", report.breaks().size(), "millis", (System.nanoTime() - started) / 1_000_000));
        Json.MAPPER.writeValue(out, report);
    }
}
