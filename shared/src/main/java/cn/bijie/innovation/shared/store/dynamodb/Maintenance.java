package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.maintenance.MaintenanceReport;
import cn.bijie.innovation.shared.maintenance.MaintenanceRequest;
import cn.bijie.innovation.shared.organization.NameKey;
import cn.bijie.innovation.shared.policy.Policy;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The operators' upgrade runbook (docs/OPERATIONS.md): the records written before a change get what the change
 * writes from then on. Each operation is idempotent (a second run writes nothing), resumable (a {@code nextToken}, or
 * simply run again), safe beside the serving functions (every write conditioned on the record as read; a record
 * changed meanwhile is skipped and reported, never overwritten) and has a dry run that writes nothing. They read the
 * table with scans: an operator's run, never a request path.
 */
public final class Maintenance {
    private final DynamoDbClient dynamo;
    private final String table;
    private final Policy policy;
    private final Clock clock;

    public Maintenance(DynamoDbClient dynamo, String table, Policy policy, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.policy = policy;
        this.clock = clock;
    }

    public MaintenanceReport run(MaintenanceRequest request) {
        if (request.operation() == null || !MaintenanceRequest.OPERATIONS.contains(request.operation())) {
            throw new IllegalArgumentException("operation must be one of " + MaintenanceRequest.OPERATIONS);
        }
        MaintenanceTally tally = new MaintenanceTally(request.dry());
        String next = switch (request.operation()) {
            case "backfill-platforms" -> new PlatformBackfill(dynamo, table, policy, clock.instant())
                    .run(tally, request.nextToken(), request.pageSize());
            case "recount-ledger" -> {
                new LedgerRecount(dynamo, table).run(tally); // the totals need every subsidy: one whole run
                yield null;
            }
            case "chain-audit" -> new AuditChainBackfill(dynamo, table)
                    .run(tally, request.nextToken(), request.pageSize());
            default -> new DirectoryBackfill(dynamo, table, NameKey.of(policy))
                    .run(tally, request.nextToken(), request.pageSize());
        };
        return tally.result(request.operation(), next);
    }
}
