package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.indicator.Holding;
import cn.bijie.innovation.shared.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The indicator counters' write side (the items' layout: {@link IndicatorMapper}). A counter counts platforms (a high-tech enterprise's is the enterprise), not certifications: it moves only
 * when a platform's holding gains its first ACTIVE certification or loses its last. Every holding write is conditioned on the holding as the caller
 * read it, so two requests racing on one organisation cannot both count it; the loser's transaction fails whole with
 * {@link ReadOutdated} and is retried after a fresh read.
 *
 * <p>Called inside the transaction that certifies ({@link #onActive}), revokes or expires ({@link #onInactive}).
 */
public final class IndicatorCounters {
    private final Policy policy;

    public IndicatorCounters(Policy policy) {
        this.policy = policy;
    }

    /** One holding's change: add or remove a certification; {@code counterDelta} ±1 when the organisation's count moves. */
    public record Change(String uscc, String period, String indicatorId, String certificationId, boolean add,
            Set<String> seen, String county, int counterDelta, String platformId) {}

    /** The changes when {@code certification} becomes ACTIVE for an organisation in {@code county}. */
    public List<Change> activate(List<Holding> holdings, Certification certification, String county) {
        List<Change> changes = new ArrayList<>();
        for (Policy.TargetPeriod period : policy.targetPeriods()) {
            for (Policy.Indicator indicator : period.indicators()) {
                if (!indicator.counts(certification.kind(), certification.level())) {
                    continue;
                }
                Set<String> seen = find(holdings, period.period(), indicator.id(), certification.platformId())
                        .map(Holding::certs).orElse(Set.of());
                if (!seen.contains(certification.certificationId())) {
                    changes.add(new Change(certification.uscc(), period.period(), indicator.id(),
                            certification.certificationId(), true, seen, county, seen.isEmpty() ? 1 : 0,
                            certification.platformId()));
                }
            }
        }
        return changes;
    }

    /**
     * The changes when {@code certification} stops being ACTIVE: every holding that lists it, whatever the policy says
     * today, so a counter never keeps an organisation that no longer holds a recognition.
     */
    public List<Change> deactivate(List<Holding> holdings, String certificationId) {
        List<Change> changes = new ArrayList<>();
        for (Holding holding : holdings) {
            if (holding.certs().contains(certificationId)) {
                changes.add(new Change(holding.uscc(), holding.period(), holding.indicatorId(), certificationId, false,
                        holding.certs(), holding.county(), holding.certs().size() == 1 ? -1 : 0,
                        holding.platformId()));
            }
        }
        return changes;
    }

    /** Adds to {@code tx} the writes that count {@code certification}, now ACTIVE. */
    public void onActive(WriteTransaction tx, List<Holding> holdings, Certification certification, String county) {
        apply(tx, activate(holdings, certification, county));
    }

    /**
     * Adds to {@code tx} the writes that stop counting a certification (revoked or expired), from the organisation's
     * {@code holdings} as just read.
     */
    public void onInactive(WriteTransaction tx, List<Holding> holdings, String certificationId) {
        apply(tx, deactivate(holdings, certificationId));
    }

    /**
     * Adds to {@code tx} the writes of a merge: each holding of platform {@code from} empties into the kept platform's
     * holding of the same indicator ({@code into}, created with the merged one's county when it has none); where both
     * counted, the counter drops by one in the merged one's county — two records of one platform count once.
     */
    public void onMerged(WriteTransaction tx, List<Holding> holdings, String from, String into) {
        for (Holding merged : holdings) {
            if (!from.equals(merged.platformId()) || merged.certs().isEmpty()) {
                continue;
            }
            Set<String> kept = find(holdings, merged.period(), merged.indicatorId(), into).map(Holding::certs)
                    .orElse(Set.of());
            IndicatorMapper.mergeHolding(tx, merged, into, kept);
            if (!kept.isEmpty()) {
                IndicatorMapper.moveCounter(tx, new Change(merged.uscc(), merged.period(), merged.indicatorId(), null, false,
                        merged.certs(), merged.county(), -1, from));
            }
        }
    }

    public void apply(WriteTransaction tx, List<Change> changes) {
        for (Change change : changes) {
            IndicatorMapper.moveHolding(tx, change);
            if (change.counterDelta() != 0) {
                IndicatorMapper.moveCounter(tx, change);
            }
        }
    }

    private static Optional<Holding> find(List<Holding> holdings, String period, String indicatorId,
            String platformId) {
        return holdings.stream()
                .filter(h -> h.period().equals(period) && h.indicatorId().equals(indicatorId)
                        && java.util.Objects.equals(h.platformId(), platformId))
                .findFirst();
    }
}
