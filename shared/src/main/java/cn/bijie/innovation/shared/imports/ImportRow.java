package cn.bijie.innovation.shared.imports;

/**
 * A data row of an import as the API shows it: its outcome and, while it waits for review, what will be recorded
 * once staff name its organisation.
 */
public record ImportRow(int row, String outcome, String name, String uscc, String county, String kind, String level,
        String platformName, String certificateNo, String issuedOn, String column, String reason,
        String certificationId, boolean organizationCreated) {

    static ImportRow of(RowOutcome r) {
        Recognition w = r.recognition();
        return new ImportRow(r.row(), r.outcome().name(), r.name(), r.uscc(), w == null ? null : w.county(),
                w == null ? null : w.kind(), w == null ? null : w.level(), w == null ? null : w.platformName(),
                w == null ? null : w.certificateNo(), w == null ? null : w.issuedOn().toString(), r.column(),
                r.reason(), r.certificationId(), r.organizationCreated());
    }
}
