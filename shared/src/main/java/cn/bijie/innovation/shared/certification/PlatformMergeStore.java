package cn.bijie.innovation.shared.certification;

import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.indicator.Holding;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import java.time.Instant;
import java.util.List;

/**
 * Where a platform merge is written: one transaction, conditioned on every record as the merge read it, so that a
 * recognition recorded, a subsidy created or a holding moved meanwhile fails it whole ({@code ReadOutdated}: read again).
 * Too many records for one transaction is a {@code Conflict}.
 */
public interface PlatformMergeStore {
    PendingWrite merge(Merge merge);

    /** A repeated merge that is done already: nothing to write but the answer (kept under an Idempotency-Key). */
    PendingWrite unchanged();

    /**
     * {@code merged} and {@code kept} as read; {@code moved} the merged platform's certifications before and after;
     * {@code subsidiesBefore}/{@code subsidiesAfter} every subsidy of both platforms, pairwise;
     * {@code withoutSubsidy} the recognitions read without one (none may appear meanwhile); {@code holdings} the
     * organisation's as read.
     */
    record Merge(Platform merged, Platform kept, List<Certification> movedBefore, List<Certification> movedAfter,
            List<Subsidy> subsidiesBefore, List<Subsidy> subsidiesAfter, List<String> withoutSubsidy,
            List<Holding> holdings, String reason, String actor, Instant at) {}
}
