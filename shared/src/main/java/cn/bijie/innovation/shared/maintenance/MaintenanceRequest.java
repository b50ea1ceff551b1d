package cn.bijie.innovation.shared.maintenance;

import java.util.List;

/**
 * The operator's event ({@code events/maintenance-<operation>.json}): which operation, whether to write, where to go
 * on ({@code nextToken} of the previous run) and how many records one run examines at most ({@code limit}).
 */
public record MaintenanceRequest(String operation, Boolean dryRun, String nextToken, Integer limit) {
    public static final List<String> OPERATIONS = List.of("backfill-platforms", "recount-ledger", "chain-audit",
            "backfill-directory");
    public static final int DEFAULT_LIMIT = 1000;
    public static final int MAX_LIMIT = 10_000;

    public boolean dry() {
        return Boolean.TRUE.equals(dryRun);
    }

    public int pageSize() {
        return limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, MAX_LIMIT));
    }
}
