package cn.bijie.innovation.shared.imports;

import java.util.Collection;

/**
 * The figures of an import's report: data rows read; recognitions recorded; skipped (already recorded); rejected;
 * rows of other cities set aside; rows waiting for review (no unique name match); organisations created.
 */
public record ImportCounts(int read, int recorded, int skipped, int rejected, int outside, int unmatched,
        int organizationsCreated) {
    public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0, 0, 0);

    public static ImportCounts of(Collection<RowOutcome> rows) {
        int recorded = 0, skipped = 0, rejected = 0, outside = 0, unmatched = 0, created = 0;
        for (RowOutcome row : rows) {
            switch (row.outcome()) {
                case RECORDED -> recorded++;
                case SKIPPED -> skipped++;
                case REJECTED -> rejected++;
                case OUTSIDE -> outside++;
                case UNMATCHED -> unmatched++;
                default -> { }
            }
            if (row.organizationCreated()) {
                created++;
            }
        }
        return new ImportCounts(rows.size(), recorded, skipped, rejected, outside, unmatched, created);
    }
}
