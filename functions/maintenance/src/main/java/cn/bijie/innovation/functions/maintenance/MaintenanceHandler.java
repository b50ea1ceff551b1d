package cn.bijie.innovation.functions.maintenance;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.maintenance.MaintenanceReport;
import cn.bijie.innovation.shared.maintenance.MaintenanceRequest;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.Maintenance;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The operators' upgrade runbook (MaintenanceFunction, no trigger: {@code ./dev invoke MaintenanceFunction -e
 * events/maintenance-<operation>.json}, or {@code aws lambda invoke}): backfills of the records written before a
 * change, and the ledger's recount. The event is {@code {"operation", "dryRun", "nextToken", "limit"}}; the answer
 * the run's counts and findings ({@link MaintenanceReport}).
 */
public final class MaintenanceHandler implements RequestStreamHandler {
    private final Maintenance maintenance;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public MaintenanceHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public MaintenanceHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private MaintenanceHandler(Config config) {
        this(new Maintenance(new AwsClients(config).dynamoDb(), config.table(), Policy.active(), Clock.systemUTC()));
    }

    public MaintenanceHandler(Maintenance maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        MaintenanceRequest request = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                MaintenanceRequest.class);
        long started = System.nanoTime();
        MaintenanceReport report = maintenance.run(request);
        Log.info("maintenance", Map.of("operation", report.operation(), "dryRun", report.dryRun(),
                "examined", report.examined(), "written", report.written(), "upToDate", report.upToDate(),
                "skipped", report.skipped().size(), "reported", report.reported().size(),
                "more", report.nextToken() != null, "millis", (System.nanoTime() - started) / 1_000_000));
        Json.MAPPER.writeValue(out, report);
    }
}
