package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationFilter;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.certification.CertificationStore;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Certifications at {@code CERT#<id> / CERT}, listed through GSI1 (the organisation's, by issue date), GSI2 (by status,
 * by expiry date) and GSI3 (all, by recording time). An ACTIVE certification of a kind with a validity term is due in
 * the {@link DueIndex} on its first reminder date.
 */
public final class DynamoCertificationStore implements CertificationStore {
    public static final String TYPE = "CERTIFICATION";
    /** The sort key of a certification without expiry in the by-status index. */
    static final String NO_EXPIRY = "9999-12-31";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final Policy policy;
    private final Clock clock;
    private final DynamoIndicatorStore indicators;
    private final IndicatorCounters counters;

    public DynamoCertificationStore(DynamoDbClient dynamo, String table, Policy policy, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.policy = policy;
        this.clock = clock;
        this.indicators = new DynamoIndicatorStore(dynamo, table);
        this.counters = new IndicatorCounters(policy);
    }

    @Override
    public Optional<Certification> find(String certificationId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Keys.certification(certificationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public OrganizationHoldings organization(String uscc) {
        return indicators.organization(uscc);
    }

    @Override
    public Optional<Application> application(String applicationId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Keys.application(applicationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ApplicationMapper.fromItem(item));
    }

    @Override
    public Slice<Certification> list(CertificationFilter filter, int limit, Map<String, String> start) {
        IndexQuery query;
        if (filter.uscc() != null) {
            query = IndexQuery.on(Indexes.BY_ORGANIZATION, Keys.organizationCertificationsPk(filter.uscc()))
                    .whereEquals("status", name(filter.status()))
                    .whereBelow("expiresOn", filter.expiringBefore());
        } else if (filter.status() != null) {
            query = IndexQuery.on(Indexes.BY_STATUS, statusPartition(filter.status().name()))
                    .sortBelow(filter.expiringBefore());
        } else {
            query = IndexQuery.on(Indexes.ALL, "CERT").whereBelow("expiresOn", filter.expiringBefore());
        }
        IndexQuery.Filled page = query.whereEquals("kind", filter.kind()).fill(dynamo, table, limit,
                Items.startKey(start));
        return new Slice<>(page.items().stream().map(DynamoCertificationStore::fromItem).toList(),
                Items.position(page.next()));
    }

    @Override
    public Committed record(Recording recording, IdempotencyKey key, int status, Object body) {
        Certification c = recording.certification();
        var tx = new WriteTransaction(table);
        if (recording.transition() != null) {
            ApplicationMapper.decision(tx, recording.transition());
        }
        tx.put(toItem(c), Condition.absent(), () -> new Conflict(
                "该认定已记录 (this certification — uscc, kind, level, certificateNo, issuedOn — is recorded already)"));
        tx.put(AuditMapper.item(new AuditEntry(Keys.certificationPk(c.certificationId()), recording.actor(), "CERTIFICATION_RECORDED",
                recording.at(), null, c)), Condition.NONE, null);
        if (c.status() == CertificationStatus.ACTIVE) {
            counters.onActive(tx, recording.holdings(), c, recording.county());
        }
        return writer.commit(tx, key, status, body);
    }

    @Override
    public Committed decide(ApplicationTransition transition, IdempotencyKey key, int status, Object body) {
        var tx = new WriteTransaction(table);
        ApplicationMapper.decision(tx, transition);
        return writer.commit(tx, key, status, body);
    }

    @Override
    public Committed revoke(Revocation revocation, IdempotencyKey key, int status, Object body) {
        Certification before = revocation.before();
        Certification after = revocation.after();
        var tx = new WriteTransaction(table);
        // only what was read as ACTIVE or EXPIRED is revoked; a second revocation finds REVOKED and is a 409
        String expected = before.status() == CertificationStatus.REVOKED
                ? CertificationStatus.ACTIVE.name() : before.status().name();
        tx.update(Keys.certification(after.certificationId()),
                "SET #status = :status, GSI2PK = :byStatus, revokedAt = :at, revocationReason = :reason"
                        + " REMOVE " + DueIndex.PK + ", " + DueIndex.SK,
                Map.of("#status", "status"),
                Map.of(":status", Items.s(after.status().name()),
                        ":byStatus", Items.s(statusPartition(after.status().name())),
                        ":at", Items.s(after.revokedAt()), ":reason", Items.s(after.revocationReason())),
                Condition.equals("status", Items.s(expected)),
                () -> new Conflict("认定已撤销 (the certification is revoked already)"));
        tx.put(AuditMapper.item(new AuditEntry(Keys.certificationPk(after.certificationId()), revocation.actor(),
                "CERTIFICATION_REVOKED", revocation.at(), before, after)), Condition.NONE, null);
        DynamoSubsidyStore.onCertificationRevoked(tx, after.certificationId(), revocation.subsidyBefore(),
                revocation.subsidyAfter(), revocation.actor(), revocation.at());
        if (before.status() == CertificationStatus.ACTIVE) {
            counters.onInactive(tx, revocation.holdings(), before.certificationId());
        }
        return writer.commit(tx, key, status, body);
    }

    private static final String TYPE_PREFIX = "CERT#";

    /** The by-status index partition of certifications in {@code status}. */
    static String statusPartition(String status) {
        return TYPE_PREFIX + status;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    Map<String, AttributeValue> toItem(Certification c) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.certification(c.certificationId()));
        item.put("type", Items.s(TYPE));
        item.put("certificationId", Items.s(c.certificationId()));
        item.put("uscc", Items.s(c.uscc()));
        item.put("kind", Items.s(c.kind()));
        item.put("level", Items.s(c.level()));
        item.put("renewal", Items.bool(c.renewal()));
        item.put("platformName", Items.s(c.platformName()));
        item.put("certificateNo", Items.s(c.certificateNo()));
        item.put("issuedOn", Items.s(c.issuedOn()));
        Items.putIfPresent(item, "expiresOn", c.expiresOn());
        item.put("status", Items.s(c.status().name()));
        item.put("subsidyEligible", Items.bool(c.subsidyEligible()));
        Items.putIfPresent(item, "subsidyNote", c.subsidyNote());
        Items.putIfPresent(item, "authority", c.authority());
        Items.putIfPresent(item, "applicationId", c.applicationId());
        item.put("recordedAt", Items.s(c.recordedAt()));
        Items.putIfPresent(item, "revokedAt", c.revokedAt());
        Items.putIfPresent(item, "revocationReason", c.revocationReason());
        String id = c.certificationId();
        Indexes.put(item, Indexes.BY_ORGANIZATION, Keys.organizationCertificationsPk(c.uscc()), c.issuedOn() + "#" + id);
        Indexes.put(item, Indexes.BY_STATUS, statusPartition(c.status().name()),
                (c.expiresOn() == null ? NO_EXPIRY : c.expiresOn()) + "#" + id);
        Indexes.put(item, Indexes.ALL, "CERT", c.recordedAt() + "#" + id);
        if (c.status() == CertificationStatus.ACTIVE && c.expiresOn() != null) {
            item.putAll(DueIndex.attributes(firstDue(c), clock.instant(), Keys.certificationPk(id)));
        }
        return item;
    }

    /**
     * A kind recognised for a term (the high-tech enterprise's 3 years) is due on its first reminder threshold before
     * expiry; another kind given an expiry date is due on it, to be expired without mail.
     */
    private LocalDate firstDue(Certification c) {
        LocalDate expiresOn = LocalDate.parse(c.expiresOn());
        return policy.remindsBeforeExpiry(c.kind()) ? expiresOn.minusDays(Collections.max(policy.reminders().expiryThresholdDays())) : expiresOn;
    }

    public static Certification fromItem(Map<String, AttributeValue> item) {
        String status = Items.str(item, "status");
        return new Certification(Items.str(item, "certificationId"), Items.str(item, "uscc"), Items.str(item, "kind"),
                Items.str(item, "level"), Items.flag(item, "renewal"), Items.str(item, "platformName"),
                Items.str(item, "certificateNo"), Items.str(item, "issuedOn"), Items.str(item, "expiresOn"),
                status == null ? null : CertificationStatus.valueOf(status), Items.flag(item, "subsidyEligible"),
                Items.str(item, "subsidyNote"), Items.str(item, "authority"), Items.str(item, "applicationId"),
                Items.str(item, "recordedAt"), Items.str(item, "revokedAt"), Items.str(item, "revocationReason"));
    }
}
