package cn.bijie.innovation.shared.imports;

/**
 * What became of one data row: recorded (with the certification), skipped (recorded before), rejected (column and
 * reason in Chinese), set aside (another city), or waiting for review (no unique match by name: {@code recognition}
 * holds what will be recorded once staff link or create the organisation). A reviewed row becomes RECORDED.
 */
public record RowOutcome(int row, Outcome outcome, String name, String uscc, String column, String reason,
        String certificationId, boolean organizationCreated, Recognition recognition) {

    public enum Outcome { RECORDED, SKIPPED, REJECTED, OUTSIDE, UNMATCHED }

    public static RowOutcome rejected(int row, String name, String column, String reason) {
        return new RowOutcome(row, Outcome.REJECTED, name, null, column, reason, null, false, null);
    }
}
