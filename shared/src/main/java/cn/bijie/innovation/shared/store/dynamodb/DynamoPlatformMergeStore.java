package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.PlatformMergeStore;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A platform merge in one {@code TransactWriteItems}: both platform items, the moved certifications, the subsidies
 * and the platform-level items ({@code PAID#…}), the holdings and counters, the ledger totals and the audit entries —
 * two on the organisation's trail ({@code ORG#<uscc>}, where the platforms live), one on each changed record's.
 */
public final class DynamoPlatformMergeStore implements PlatformMergeStore {
    /** DynamoDB's limit of items in one transaction. */
    static final int MAX_ITEMS = 100;

    private final String table;
    private final TableWriter writer;
    private final DynamoSubsidyStore subsidies;
    private final IndicatorCounters counters;

    public DynamoPlatformMergeStore(DynamoDbClient dynamo, String table, Policy policy) {
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.subsidies = new DynamoSubsidyStore(dynamo, table, policy);
        this.counters = new IndicatorCounters(policy);
    }

    @Override
    public PendingWrite merge(Merge m) {
        var tx = new WriteTransaction(table);
        Platform merged = m.merged();
        Platform kept = m.kept();
        PlatformMapper.mergeAway(tx, merged, kept.platformId(), m.at(), m.reason());
        PlatformMapper.takeOver(tx, kept, merged);
        String organization = Keys.organizationPk(merged.uscc());
        tx.put(AuditMapper.item(new AuditEntry(organization, m.actor(), "PLATFORM_MERGED", m.at(), merged,
                Map.of("platformId", merged.platformId(), "mergedInto", kept.platformId(), "reason", m.reason()))),
                Condition.NONE, null);
        Map<String, Object> took = new LinkedHashMap<>();
        took.put("platformId", kept.platformId());
        took.put("tookOver", merged.platformId());
        took.put("certificationIds", m.movedAfter().stream().map(Certification::certificationId).toList());
        tx.put(AuditMapper.item(new AuditEntry(organization, m.actor(), "PLATFORM_MERGE_KEPT", m.at(), kept, took)),
                Condition.NONE, null);
        for (int i = 0; i < m.movedBefore().size(); i++) {
            Certification before = m.movedBefore().get(i);
            Certification after = m.movedAfter().get(i);
            CertificationMapper.movePlatform(tx, before, after);
            tx.put(AuditMapper.item(new AuditEntry(Keys.certificationPk(after.certificationId()), m.actor(),
                    "CERTIFICATION_PLATFORM_MERGED", m.at(), before, after)), Condition.NONE, null);
        }
        subsidies.onPlatformMerged(tx, m.subsidiesBefore(), m.subsidiesAfter(), m.actor(), m.at());
        for (String certificationId : m.withoutSubsidy()) {
            // the subsidy function may be creating it from the platform as it was: read again, merge again
            tx.check(Keys.subsidy(Subsidy.idFor(certificationId)), Condition.absent(), ReadOutdated::new);
        }
        counters.onMerged(tx, m.holdings(), merged.platformId(), kept.platformId());
        int items = tx.size() + tx.audits().size()
                + (int) tx.audits().stream().map(e -> Items.str(e, Keys.PK)).distinct().count() + 1;
        if (items > MAX_ITEMS) {
            throw new Conflict("该平台的记录过多（" + items + " 项），无法在一次事务中合并，请联系运维人员"
                    + " (the merge would write " + items + " items, more than one transaction's " + MAX_ITEMS + ")");
        }
        return writer.pending(tx);
    }

    @Override
    public PendingWrite unchanged() {
        return answer -> answer == null || answer.key() == null
                ? new Committed(answer == null ? 200 : answer.status(), answer == null ? null : answer.bodyJson(),
                        false)
                : writer.commit(new WriteTransaction(table), answer);
    }
}
