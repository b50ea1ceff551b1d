package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.DomainException;
import cn.bijie.innovation.shared.maintenance.MaintenanceReport;
import cn.bijie.innovation.shared.maintenance.MaintenanceReport.Finding;
import java.util.ArrayList;
import java.util.List;

/** What a maintenance run counts and lists as it goes; its report at the end. */
final class MaintenanceTally {
    final boolean dryRun;
    int examined;
    int written;
    int upToDate;
    private final List<Finding> changes = new ArrayList<>();
    private final List<Finding> skipped = new ArrayList<>();
    private final List<Finding> reported = new ArrayList<>();

    MaintenanceTally(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void change(String record, String detail) {
        add(changes, record, detail);
    }

    /** The record changed while the run read it: not written, a later run takes it again. */
    void skip(String record, String detail) {
        add(skipped, record, detail);
    }

    /** For staff to decide: not written. */
    void report(String record, String detail) {
        add(reported, record, detail);
    }

    /**
     * Commits {@code tx}, the backfill of {@code record} ({@code what} it writes), unless this is a dry run; a
     * condition that failed (the record changed since it was read) or a conflict skips it, for {@code why}.
     */
    void commit(TableWriter writer, WriteTransaction tx, String record, String what, String why) {
        if (dryRun) {
            change(record, what);
            return;
        }
        try {
            writer.commit(tx);
        } catch (DomainException changedMeanwhile) {
            skip(record, why);
            return;
        }
        written++;
        change(record, what);
    }

    MaintenanceReport result(String operation, String nextToken) {
        return new MaintenanceReport(operation, dryRun, examined, written, upToDate, List.copyOf(changes),
                List.copyOf(skipped), List.copyOf(reported), nextToken);
    }

    private static void add(List<Finding> list, String record, String detail) {
        if (list.size() < MaintenanceReport.MAX_LISTED) {
            list.add(new Finding(record, detail));
        }
    }
}
