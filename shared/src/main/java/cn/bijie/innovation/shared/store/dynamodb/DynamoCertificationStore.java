package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationFilter;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.certification.CertificationStore;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import java.time.Instant;
import java.time.Clock;
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

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final Policy policy;
    private final CertificationMapper mapper;
    private final DynamoIndicatorStore indicators;
    private final IndicatorCounters counters;

    public DynamoCertificationStore(DynamoDbClient dynamo, String table, Policy policy, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.policy = policy;
        this.mapper = new CertificationMapper(policy, clock);
        this.indicators = new DynamoIndicatorStore(dynamo, table);
        this.counters = new IndicatorCounters(policy);
    }

    @Override
    public Optional<Certification> find(String certificationId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Keys.certification(certificationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CertificationMapper.fromItem(item));
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
                    .whereEquals(CertificationMapper.STATUS, name(filter.status()))
                    .whereBelow(CertificationMapper.EXPIRES_ON, filter.expiringBefore());
        } else if (filter.status() != null) {
            query = IndexQuery.on(Indexes.BY_STATUS, CertificationMapper.statusPartition(filter.status().name()))
                    .sortBelow(filter.expiringBefore());
        } else {
            query = IndexQuery.on(Indexes.ALL, CertificationMapper.ALL_PARTITION)
                    .whereBelow(CertificationMapper.EXPIRES_ON, filter.expiringBefore());
        }
        IndexQuery.Filled page = query.whereEquals(CertificationMapper.KIND, filter.kind()).fill(dynamo, table, limit,
                Items.startKey(start));
        return new Slice<>(page.items().stream().map(CertificationMapper::fromItem).toList(),
                Items.position(page.next()));
    }

    @Override
    public PendingWrite record(Recording recording) {
        Certification c = recording.certification();
        var tx = new WriteTransaction(table);
        if (recording.transition() != null) {
            ApplicationMapper.decision(tx, recording.transition());
        }
        PlatformMapper.claimNumber(tx, c);
        Map<String, AttributeValue> item = new java.util.HashMap<>(mapper.item(c));
        Items.putIfPresent(item, CertificationMapper.COUNTY, recording.county());
        tx.putNaming(item, Condition.absent(), existing -> new Conflict("该认定已记录为 "
                + Items.str(existing, CertificationMapper.CERTIFICATION_ID)
                + " (this certification — uscc, kind, level, certificateNo, issuedOn — is recorded already)"));
        PlatformMapper.addRecognition(tx, recording.platform(), c, recording.at());
        tx.put(AuditMapper.item(new AuditEntry(Keys.certificationPk(c.certificationId()), recording.actor(),
                "CERTIFICATION_RECORDED",
                recording.at(), null, c)), Condition.NONE, null);
        if (c.status() == CertificationStatus.ACTIVE) {
            counters.onActive(tx, recording.holdings(), c, recording.county());
        }
        return writer.pending(tx);
    }

    @Override
    public PendingWrite decide(ApplicationTransition transition) {
        var tx = new WriteTransaction(table);
        ApplicationMapper.decision(tx, transition);
        return writer.pending(tx);
    }

    @Override
    public PendingWrite revoke(Revocation revocation) {
        Certification before = revocation.before();
        Certification after = revocation.after();
        var tx = new WriteTransaction(table);
        // only what was read as ACTIVE or EXPIRED is revoked; a second revocation finds REVOKED and is a 409
        String expected = before.status() == CertificationStatus.REVOKED
                ? CertificationStatus.ACTIVE.name() : before.status().name();
        tx.update(Keys.certification(after.certificationId()),
                "SET #status = :status, #byStatus = :byStatus, #revokedAt = :at, #reason = :reason"
                        + " REMOVE " + DueIndex.PK + ", " + DueIndex.SK,
                Map.of("#status", CertificationMapper.STATUS, "#byStatus", CertificationMapper.BY_STATUS_PK,
                        "#revokedAt", CertificationMapper.REVOKED_AT, "#reason", CertificationMapper.REVOCATION_REASON),
                Map.of(":status", Items.s(after.status().name()),
                        ":byStatus", Items.s(CertificationMapper.statusPartition(after.status().name())),
                        ":at", Items.s(after.revokedAt()), ":reason", Items.s(after.revocationReason())),
                Condition.equals(CertificationMapper.STATUS, Items.s(expected)),
                () -> new Conflict("认定已撤销 (the certification is revoked already)"));
        tx.put(AuditMapper.item(new AuditEntry(Keys.certificationPk(after.certificationId()), revocation.actor(),
                "CERTIFICATION_REVOKED", revocation.at(), before, after)), Condition.NONE, null);
        DynamoSubsidyStore.onCertificationRevoked(tx, after.certificationId(), revocation.subsidyBefore(),
                revocation.subsidyAfter(), revocation.actor(), revocation.at());
        if (revocation.subsidyBefore() != null) {
            new LedgerCounters(dynamo, table).moved(tx, revocation.subsidyBefore(), revocation.subsidyAfter());
        }
        if (before.status() == CertificationStatus.ACTIVE) {
            counters.onInactive(tx, revocation.holdings(), before.certificationId());
        }
        return writer.pending(tx);
    }

    @Override
    public PendingWrite reclassify(Certification before, Certification after, String actor, Instant at) {
        var tx = new WriteTransaction(table);
        tx.update(Keys.certification(after.certificationId()), "SET #classification = :c1, #reason = :r1",
                Map.of("#classification", CertificationMapper.CLASSIFICATION,
                        "#reason", CertificationMapper.CLASSIFICATION_REASON, "#s", CertificationMapper.STATUS),
                Map.of(":c1", Items.s(after.classification()), ":r1", Items.s(after.classificationReason()),
                        ":revoked", Items.s(CertificationStatus.REVOKED.name())),
                new Condition("attribute_exists(PK) AND #s <> :revoked", Map.of(), Map.of()),
                () -> new Conflict("认定已撤销 (the certification is revoked)"));
        tx.put(AuditMapper.item(new AuditEntry(Keys.certificationPk(after.certificationId()), actor,
                "CERTIFICATION_RECLASSIFIED", at, before, after)), Condition.NONE, null);
        return writer.pending(tx);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

}
