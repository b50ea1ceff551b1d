package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.calculation.SubsidyIssuer;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.policy.StoredParameter;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyFilter;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.subsidy.SubsidyStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Subsidies at {@code SUB#<id> / SUB}, listed through GSI1 (the organisation's), GSI2 (by status) and GSI3 (all), each
 * by creation time. One {@code AWAITING_PAYMENT} is due in the {@link DueIndex} once it has waited
 * {@code subsidyUnpaidDays}; paying or cancelling it takes it out.
 */
public final class DynamoSubsidyStore implements SubsidyStore, SubsidyIssuer {

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final Policy policy;
    private final SubsidyMapper mapper;
    private final LedgerCounters ledger;

    public DynamoSubsidyStore(DynamoDbClient dynamo, String table, Policy policy) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.policy = policy;
        this.mapper = new SubsidyMapper(policy);
        this.ledger = new LedgerCounters(dynamo, table);
    }

    /**
     * The condition that stands for "done already" (a repeated delivery): one shared instance, so that it is told
     * apart from every other failure by identity.
     */
    private static final Conflict DONE_ALREADY = new Conflict("the subsidy is in that state already");

    @Override
    public Optional<Subsidy> find(String subsidyId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.subsidy(subsidyId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SubsidyMapper.fromItem(item));
    }

    @Override
    public Slice<Subsidy> list(SubsidyFilter filter, int limit, Map<String, String> start) {
        String status = filter.status() == null ? null : filter.status().name();
        IndexQuery query;
        if (filter.uscc() != null) {
            query = IndexQuery.on(Indexes.BY_ORGANIZATION, SubsidyMapper.organizationPartition(filter.uscc()))
                    .whereEquals(SubsidyMapper.STATUS, status);
        } else if (status != null) {
            query = IndexQuery.on(Indexes.BY_STATUS, SubsidyMapper.STATUS_PREFIX + status);
        } else {
            query = IndexQuery.on(Indexes.ALL, SubsidyMapper.ALL_PARTITION);
        }
        IndexQuery.Filled page = query.fill(dynamo, table, limit, Items.startKey(start));
        return new Slice<>(page.items().stream().map(SubsidyMapper::fromItem).toList(),
                Items.position(page.next()));
    }

    @Override
    public PendingWrite disburse(Subsidy before, Subsidy after, String actor, Instant at) {
        var tx = new WriteTransaction(table);
        tx.update(Keys.subsidy(after.subsidyId()),
                "SET #status = :status, #byStatus = :byStatus, #paidOn = :paidOn, #voucherNo = :voucherNo,"
                        + " #paidAt = :at, #paidBy = :by REMOVE " + DueIndex.PK + ", " + DueIndex.SK,
                Map.of("#status", SubsidyMapper.STATUS, "#byStatus", SubsidyMapper.BY_STATUS_PK,
                        "#paidOn", SubsidyMapper.PAID_ON, "#voucherNo", SubsidyMapper.VOUCHER_NO,
                        "#paidAt", SubsidyMapper.PAID_AT, "#paidBy", SubsidyMapper.PAID_BY),
                Map.of(":status", Items.s(SubsidyStatus.PAID.name()),
                        ":byStatus", Items.s(SubsidyMapper.STATUS_PREFIX + SubsidyStatus.PAID.name()),
                        ":paidOn", Items.s(after.paidOn()), ":voucherNo", Items.s(after.voucherNo()),
                        ":at", Items.s(at.toString()), ":by", Items.s(actor)),
                Condition.equals(SubsidyMapper.STATUS, Items.s(SubsidyStatus.AWAITING_PAYMENT.name())),
                () -> new Conflict("只有待拨付(AWAITING_PAYMENT)的补助可以登记拨付 (only a subsidy awaiting payment can be paid)"));
        audit(tx, actor, "SUBSIDY_PAID", at, before, after);
        ledger.moved(tx, before, after);
        return writer.pending(tx);
    }

    @Override
    public boolean create(Subsidy subsidy, Certification seen, List<String> parameters, PolicyParameters in,
            String actor, Instant at) {
        var tx = new WriteTransaction(table);
        tx.put(mapper.item(subsidy, at), Condition.absent(), () -> DONE_ALREADY);
        claimPlatformLevel(tx, subsidy);
        // the certification as read: its status, and its platform (a merge meanwhile moves it, and the platform-level)
        tx.check(Keys.certification(seen.certificationId()), CertificationMapper.asRead(seen), ReadOutdated::new);
        parametersAsRead(tx, parameters, in);
        audit(tx, actor, "SUBSIDY_CREATED", at, null, subsidy);
        ledger.created(tx, subsidy);
        return committedUnlessDone(tx);
    }

    @Override
    public List<Subsidy> inStatus(String policyVersion, SubsidyStatus status) {
        return IndexQuery.on(Indexes.BY_STATUS, SubsidyMapper.STATUS_PREFIX + status.name())
                .whereEquals("policyVersion", policyVersion)
                .all(dynamo, table).stream().map(SubsidyMapper::fromItem).toList();
    }

    @Override
    public boolean reassess(Subsidy before, Subsidy after, List<String> parameters, PolicyParameters in, String actor,
            Instant at) {
        var tx = new WriteTransaction(table);
        rewrite(tx, before, after, at, () -> DONE_ALREADY);
        boolean held = before.platformLevel() != null && before.status().holdsPlatformLevel();
        boolean holds = after.platformLevel() != null && after.status().holdsPlatformLevel();
        if (!(held && holds && before.platformLevel().equals(after.platformLevel()))) {
            releasePlatformLevel(tx, before);
            claimPlatformLevel(tx, after);
        }
        parametersAsRead(tx, parameters, in);
        audit(tx, actor, "SUBSIDY_REASSESSED", at, before, after);
        ledger.moved(tx, before, after);
        return committedUnlessDone(tx);
    }

    /**
     * The subsidy's item rewritten from {@code before} (as read: its status and platform) to {@code after}: status,
     * amount, rule, explanation, classification, platform and platform-level; the due index follows the status.
     */
    private void rewrite(WriteTransaction tx, Subsidy before, Subsidy after, Instant at,
            java.util.function.Supplier<? extends cn.bijie.innovation.shared.errors.DomainException> onChanged) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", Items.s(after.status().name()));
        values.put(":byStatus", Items.s(SubsidyMapper.STATUS_PREFIX + after.status().name()));
        values.put(":explanation", Items.s(after.explanation()));
        values.put(":at", Items.s(at.toString()));
        StringBuilder set = new StringBuilder("SET #status = :status, #byStatus = :byStatus,"
                + " #explanation = :explanation, reassessedAt = :at");
        StringBuilder remove = new StringBuilder();
        Map<String, String> names = new HashMap<>(Map.of("#status", SubsidyMapper.STATUS,
                "#byStatus", SubsidyMapper.BY_STATUS_PK, "#explanation", SubsidyMapper.EXPLANATION));
        optional(set, remove, names, values, "#amount", SubsidyMapper.AMOUNT_YUAN,
                after.amountYuan() == null ? null : Items.n(after.amountYuan()));
        optional(set, remove, names, values, "#rule", SubsidyMapper.RULE, str(after.rule()));
        optional(set, remove, names, values, "#note", SubsidyMapper.NOTE, str(after.note()));
        optional(set, remove, names, values, "#classification", SubsidyMapper.CLASSIFICATION,
                str(after.classification()));
        optional(set, remove, names, values, "#subtracted", SubsidyMapper.SUBTRACTED_SUBSIDY_ID,
                str(after.subtractedSubsidyId()));
        optional(set, remove, names, values, "#level", SubsidyMapper.PLATFORM_LEVEL, str(after.platformLevel()));
        optional(set, remove, names, values, "#platform", SubsidyMapper.PLATFORM_ID, str(after.platformId()));
        names.put("#renewal", SubsidyMapper.RENEWAL);
        values.put(":renewal", Items.bool(after.renewal()));
        set.append(", #renewal = :renewal");
        if (after.status() == SubsidyStatus.AWAITING_PAYMENT && before.status() != SubsidyStatus.AWAITING_PAYMENT) {
            Map<String, AttributeValue> due = mapper.due(after.subsidyId(), at);
            values.put(":duePk", due.get(DueIndex.PK));
            values.put(":dueSk", due.get(DueIndex.SK));
            names.put("#since", SubsidyMapper.AWAITING_PAYMENT_SINCE);
            set.append(", ").append(DueIndex.PK).append(" = :duePk, ").append(DueIndex.SK).append(" = :dueSk,")
                    .append(" #since = :at");
        } else if (after.status() != SubsidyStatus.AWAITING_PAYMENT) {
            remove.append(remove.isEmpty() ? "" : ", ").append(DueIndex.PK).append(", ").append(DueIndex.SK);
        }
        String update = set + (remove.isEmpty() ? "" : " REMOVE " + remove);
        // as read: its status and its platform (a merge moves a subsidy to another platform)
        values.put(":asReadStatus", Items.s(before.status().name()));
        String platformAsRead = "attribute_not_exists(#platform)";
        if (before.platformId() != null) {
            values.put(":asReadPlatform", Items.s(before.platformId()));
            platformAsRead = "#platform = :asReadPlatform";
        }
        tx.update(Keys.subsidy(after.subsidyId()), update, names, values,
                new Condition("#status = :asReadStatus AND " + platformAsRead, Map.of(), Map.of()), onChanged);
    }

    /**
     * A platform merged into another (in the merge's transaction): each subsidy that changes is rewritten, audited and
     * counted in the ledger, and the platform-level items ({@code PAID#…}) end naming the subsidies that hold them
     * after the merge — one write per item whose holder changes, each conditioned on the holder as read.
     */
    void onPlatformMerged(WriteTransaction tx, List<Subsidy> before, List<Subsidy> after, String actor, Instant at) {
        Map<String, String> heldBefore = holders(before);
        Map<String, String> heldAfter = holders(after);
        java.util.Set<String> levels = new java.util.TreeSet<>(heldBefore.keySet());
        levels.addAll(heldAfter.keySet());
        for (String level : levels) {
            String was = heldBefore.get(level);
            String now = heldAfter.get(level);
            if (now == null) {
                tx.delete(SubsidyMapper.platformLevelKey(level),
                        Condition.equals(SubsidyMapper.SUBSIDY_ID, Items.s(was)), ReadOutdated::new);
            } else if (!now.equals(was)) {
                Map<String, AttributeValue> item = new HashMap<>(SubsidyMapper.platformLevelKey(level));
                item.put("type", Items.s("PLATFORM_LEVEL_PAID"));
                item.put(SubsidyMapper.SUBSIDY_ID, Items.s(now));
                tx.put(item, was == null ? Condition.absent()
                        : Condition.equals(SubsidyMapper.SUBSIDY_ID, Items.s(was)), ReadOutdated::new);
            }
        }
        LedgerCounters.Moves moves = ledger.moves();
        for (int i = 0; i < before.size(); i++) {
            Subsidy b = before.get(i);
            Subsidy a = after.get(i);
            if (!a.equals(b)) {
                rewrite(tx, b, a, at, ReadOutdated::new);
                audit(tx, actor, "SUBSIDY_PLATFORM_MERGED", at, b, a);
                moves.add(tx, b, a);
            }
        }
        moves.commitTo(tx);
    }

    private static Map<String, String> holders(List<Subsidy> subsidies) {
        Map<String, String> holders = new HashMap<>();
        for (Subsidy s : subsidies) {
            if (s.platformLevel() != null && s.status().holdsPlatformLevel()) {
                String other = holders.put(s.platformLevel(), s.subsidyId());
                if (other != null) {
                    throw new IllegalStateException("two subsidies hold " + s.platformLevel());
                }
            }
        }
        return holders;
    }

    @Override
    public PendingWrite recover(Subsidy before, Subsidy after, String actor, Instant at) {
        var tx = new WriteTransaction(table);
        tx.update(Keys.subsidy(after.subsidyId()),
                "SET #status = :status, #byStatus = :byStatus, #yuan = :yuan, #on = :on, #voucher = :voucher,"
                        + " #note = :note, recoveredAt = :at, recoveredBy = :by",
                Map.of("#status", SubsidyMapper.STATUS, "#byStatus", SubsidyMapper.BY_STATUS_PK,
                        "#yuan", SubsidyMapper.RECOVERED_YUAN, "#on", SubsidyMapper.RECOVERED_ON,
                        "#voucher", SubsidyMapper.RECOVERY_VOUCHER_NO, "#note", SubsidyMapper.NOTE),
                Map.of(":status", Items.s(SubsidyStatus.RECOVERED.name()),
                        ":byStatus", Items.s(SubsidyMapper.STATUS_PREFIX + SubsidyStatus.RECOVERED.name()),
                        ":yuan", Items.n(after.recoveredYuan()), ":on", Items.s(after.recoveredOn()),
                        ":voucher", Items.s(after.recoveryVoucherNo()), ":note", Items.s(after.note()),
                        ":at", Items.s(at.toString()), ":by", Items.s(actor)),
                Condition.equals(SubsidyMapper.STATUS, Items.s(SubsidyStatus.RECOVERY_DUE.name())),
                () -> new Conflict("只有待追回(RECOVERY_DUE)的补助可以登记追回 (only a subsidy due for recovery can be recovered)"));
        releasePlatformLevel(tx, before);
        audit(tx, actor, "SUBSIDY_RECOVERED", at, before, after);
        ledger.moved(tx, before, after);
        return writer.pending(tx);
    }

    /** Each parameter the amount depends on still has the value read (else the calculation runs again). */
    private void parametersAsRead(WriteTransaction tx, List<String> parameters, PolicyParameters in) {
        for (String name : parameters) {
            StoredParameter stored = in.storedValue(name);
            tx.check(Keys.policyParameter(policy.version(), name), stored == null ? Condition.absent()
                    : Condition.equals(PolicyParameterMapper.UPDATED_AT, Items.s(stored.updatedAt())), ReadOutdated::new);
        }
    }

    /** A payable subsidy holds its platform-level: a second one for it fails, and its calculation runs again. */
    private static void claimPlatformLevel(WriteTransaction tx, Subsidy s) {
        if (s.platformLevel() != null && s.status().holdsPlatformLevel()) {
            tx.put(SubsidyMapper.platformLevelItem(s), Condition.absent(), ReadOutdated::new);
        }
    }

    /** Lets go of the platform-level a subsidy held as read (cancelled, recovered, recalculated). */
    private static void releasePlatformLevel(WriteTransaction tx, Subsidy before) {
        if (before.platformLevel() != null && before.status().holdsPlatformLevel()) {
            tx.delete(SubsidyMapper.platformLevelKey(before.platformLevel()),
                    Condition.equals(SubsidyMapper.SUBSIDY_ID, Items.s(before.subsidyId())), ReadOutdated::new);
        }
    }

    private static void optional(StringBuilder set, StringBuilder remove, Map<String, String> names,
            Map<String, AttributeValue> values, String placeholder, String attribute, AttributeValue value) {
        names.put(placeholder, attribute);
        if (value == null) {
            remove.append(remove.isEmpty() ? "" : ", ").append(placeholder);
        } else {
            values.put(":" + placeholder.substring(1), value);
            set.append(", ").append(placeholder).append(" = :").append(placeholder.substring(1));
        }
    }

    private static AttributeValue str(String value) {
        return value == null ? null : Items.s(value);
    }

    /** Commits; false when the write's first condition found it done already. */
    private boolean committedUnlessDone(WriteTransaction tx) {
        try {
            writer.commit(tx);
            return true;
        } catch (Conflict e) {
            if (e == DONE_ALREADY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The revocation's effect on the subsidy, in the revocation's transaction: cancelled or flagged, conditioned on
     * the state read; none read means none may have appeared meanwhile (the subsidy function writes it then).
     */
    static void onCertificationRevoked(WriteTransaction tx, String certificationId, Subsidy before, Subsidy after,
            String actor, Instant at) {
        if (before == null) {
            tx.check(Keys.subsidy(Subsidy.idFor(certificationId)), Condition.absent(), ReadOutdated::new);
            return;
        }
        if (before.equals(after)) {
            return;
        }
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":note", Items.s(after.note()));
        values.put(":at", Items.s(at.toString()));
        String update;
        if (after.status() == SubsidyStatus.CANCELLED) {
            values.put(":status", Items.s(after.status().name()));
            values.put(":byStatus", Items.s(SubsidyMapper.STATUS_PREFIX + after.status().name()));
            update = "SET #status = :status, #byStatus = :byStatus, note = :note, cancelledAt = :at"
                    + " REMOVE " + DueIndex.PK + ", " + DueIndex.SK;
            releasePlatformLevel(tx, before);
        } else {
            // paid: the money is to be recovered; the platform-level stays held until it is
            values.put(":revoked", Items.bool(true));
            values.put(":status", Items.s(after.status().name()));
            values.put(":byStatus", Items.s(SubsidyMapper.STATUS_PREFIX + after.status().name()));
            update = "SET #status = :status, #byStatus = :byStatus, certificationRevoked = :revoked, note = :note,"
                    + " flaggedAt = :at";
        }
        Map<String, String> names = Map.of("#status", SubsidyMapper.STATUS, "#byStatus", SubsidyMapper.BY_STATUS_PK);
        tx.update(Keys.subsidy(after.subsidyId()), update, names, values,
                Condition.equals(SubsidyMapper.STATUS, Items.s(before.status().name())), ReadOutdated::new);
        audit(tx, actor, after.status() == SubsidyStatus.CANCELLED ? "SUBSIDY_CANCELLED" : "SUBSIDY_RECOVERY_DUE",
                at, before, after);
    }

    private static void audit(WriteTransaction tx, String actor, String action, Instant at, Subsidy before,
            Subsidy after) {
        tx.put(AuditMapper.item(new AuditEntry(Keys.subsidyPk(after.subsidyId()), actor, action, at, before, after)),
                Condition.NONE, null);
    }

}
