package cn.bijie.innovation.shared.maintenance;

import java.util.List;

/**
 * What one run of a maintenance operation did (or, on a dry run, would do): {@code examined} records looked at,
 * {@code written} records written, {@code upToDate} already as they should be; {@code changes} names each write made
 * or planned (the first {@value #MAX_LISTED}); {@code skipped} the records that changed while the run read them
 * (never overwritten: run again); {@code reported} what staff must decide (a duplicate certificate number, a chain
 * that has a head already). {@code nextToken}: pass it back to go on where this run stopped; null when done.
 */
public record MaintenanceReport(String operation, boolean dryRun, int examined, int written, int upToDate,
        List<Finding> changes, List<Finding> skipped, List<Finding> reported, String nextToken) {

    public static final int MAX_LISTED = 1000;

    /** One record and what was found or done about it. */
    public record Finding(String record, String detail) {}
}
