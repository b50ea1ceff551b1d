package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.DomainException;
import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.errors.TooManyRequests;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.notice.Notice;
import cn.bijie.innovation.shared.notice.NoticeStatus;
import cn.bijie.innovation.shared.notice.NoticeStore;
import cn.bijie.innovation.shared.notice.Objection;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** Notices, objections and the subsidy moves of opening and closing a notice, each in one transaction. */
public final class DynamoNoticeStore implements NoticeStore {
    /** A rate-limit counter outlives its hour by a day, then DynamoDB's TTL removes it. */
    private static final Duration RATE_KEPT = Duration.ofDays(1);
    /** The shared counter of all objections to one notice in one hour. */
    private static final String EVERYONE = "ALL";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final SubsidyMapper subsidies;
    private final LedgerCounters ledger;

    public DynamoNoticeStore(DynamoDbClient dynamo, String table, Policy policy) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.subsidies = new SubsidyMapper(policy);
        this.ledger = new LedgerCounters(dynamo, table);
    }

    /** The notice that stands for "closed already" (a repeated or racing run): told apart by identity. */
    private static final Conflict CLOSED_ALREADY = new Conflict("the notice is closed already");

    @Override
    public Optional<Notice> find(String noticeId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(NoticeMapper.key(noticeId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(NoticeMapper.fromItem(item));
    }

    @Override
    public Slice<Notice> list(NoticeStatus status, int limit, Map<String, String> start) {
        IndexQuery query = status == null ? IndexQuery.on(Indexes.ALL, NoticeMapper.ALL_PARTITION)
                : IndexQuery.on(Indexes.BY_STATUS, NoticeMapper.STATUS_PREFIX + status.name());
        IndexQuery.Filled page = query.fill(dynamo, table, limit, Items.startKey(start));
        return new Slice<>(page.items().stream().map(NoticeMapper::fromItem).toList(), Items.position(page.next()));
    }

    @Override
    public Map<String, Subsidy> subsidies(List<String> subsidyIds) {
        Map<String, Subsidy> found = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(subsidyIds.stream().map(Keys::subsidy).toList(), null)) {
            Subsidy subsidy = SubsidyMapper.fromItem(item);
            found.put(subsidy.subsidyId(), subsidy);
        }
        return found;
    }

    @Override
    public Map<String, String> organizationNames(List<String> usccs) {
        Map<String, String> names = new HashMap<>();
        for (Map<String, AttributeValue> item : batchGet(usccs.stream().map(Keys::organization).toList(),
                OrganizationMapper.USCC + ", #n")) {
            names.put(Items.str(item, OrganizationMapper.USCC), Items.str(item, OrganizationMapper.NAME));
        }
        return names;
    }

    /** One {@code BatchGetItem} (strongly consistent) per 100 keys, with its unprocessed keys read again. */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, String projection) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += 100) {
            KeysAndAttributes.Builder request = KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + 100))).consistentRead(true);
            if (projection != null) {
                request.projectionExpression(projection).expressionAttributeNames(Map.of("#n",
                        OrganizationMapper.NAME));
            }
            Map<String, KeysAndAttributes> pending = Map.of(table, request.build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> asked = pending;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(asked));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }

    @Override
    public PendingWrite open(Notice notice, List<Subsidy> before, List<Subsidy> after, String actor, Instant at) {
        var tx = new WriteTransaction(table);
        tx.put(NoticeMapper.item(notice), Condition.absent(), () -> new Conflict("公示已存在 (the notice exists)"));
        tx.put(AuditMapper.item(new AuditEntry(NoticeMapper.pk(notice.noticeId()), actor, "NOTICE_OPENED", at, null,
                notice)), Condition.NONE, null);
        LedgerCounters.Moves moves = ledger.moves();
        for (int i = 0; i < before.size(); i++) {
            Subsidy was = before.get(i);
            Subsidy now = after.get(i);
            moveSubsidy(tx, was, now, "SET " + NoticeMapper.SUBSIDY_NOTICE_ID + " = :notice",
                    Map.of(":notice", Items.s(notice.noticeId())),
                    () -> new Conflict("补助 " + was.subsidyId() + " 已不在待公示状态 (is no longer awaiting notice)"));
            audit(tx, actor, "SUBSIDY_ON_NOTICE", at, was, now);
            moves.add(tx, was, now);
        }
        moves.commitTo(tx);
        return writer.pending(tx);
    }

    @Override
    public List<Notice> endedBefore(LocalDate day) {
        return IndexQuery.on(Indexes.BY_STATUS, NoticeMapper.STATUS_PREFIX + NoticeStatus.OPEN.name())
                .sortBelow(day.toString()).all(dynamo, table).stream().map(NoticeMapper::fromItem).toList();
    }

    @Override
    public List<Objection> objections(String noticeId) {
        List<Objection> objections = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var response = dynamo.query(r -> {
                r.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :obj)")
                        .expressionAttributeValues(Map.of(":pk", Items.s(NoticeMapper.pk(noticeId)),
                                ":obj", Items.s(NoticeMapper.objectionPrefix())));
                if (from != null) {
                    r.exclusiveStartKey(from);
                }
            });
            response.items().forEach(item -> objections.add(NoticeMapper.objectionFromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return objections;
    }

    @Override
    public Optional<Objection> objection(String noticeId, String objectionId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(NoticeMapper.objectionKey(noticeId, objectionId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty()
                : Optional.of(NoticeMapper.objectionFromItem(item));
    }

    @Override
    public PendingWrite lodge(Objection objection, String source, RateLimits limits, Instant at) {
        String hour = at.truncatedTo(ChronoUnit.HOURS).toString();
        long ttl = at.plus(RATE_KEPT).getEpochSecond();
        var tx = new WriteTransaction(table);
        tx.put(NoticeMapper.item(objection), Condition.absent(), ReadOutdated::new);
        rate(tx, NoticeMapper.rateKey(objection.noticeId(), source, hour), limits.perSourcePerHour(), ttl);
        rate(tx, NoticeMapper.rateKey(objection.noticeId(), EVERYONE, hour), limits.perNoticePerHour(), ttl);
        tx.put(AuditMapper.item(new AuditEntry(NoticeMapper.pk(objection.noticeId()), "public", "OBJECTION_LODGED",
                at, null, objection)), Condition.NONE, null);
        return writer.pending(tx);
    }

    private static void rate(WriteTransaction tx, Map<String, AttributeValue> key, int limit, long ttl) {
        tx.update(key, "ADD #n :one SET #ttl = :ttl", Map.of("#n", NoticeMapper.RATE_COUNT, "#ttl", NoticeMapper.TTL),
                Map.of(":one", Items.n(1), ":ttl", Items.n(ttl)),
                new Condition("attribute_not_exists(#n) OR #n < :limit", Map.of(), Map.of(":limit", Items.n(limit))),
                () -> new TooManyRequests("异议提交过于频繁，请一小时后再试 (too many objections; try again in an hour)"));
    }

    @Override
    public PendingWrite decide(Objection before, Objection after, String actor, Instant at) {
        var tx = new WriteTransaction(table);
        tx.put(NoticeMapper.item(after), Condition.equals(NoticeMapper.STATUS, Items.s(before.status().name())),
                () -> new Conflict("该异议已处理 (the objection is decided already)"));
        tx.check(NoticeMapper.key(after.noticeId()), Condition.equals(NoticeMapper.STATUS,
                Items.s(NoticeStatus.OPEN.name())), () -> new Conflict("公示已结束 (the notice is closed)"));
        tx.put(AuditMapper.item(new AuditEntry(NoticeMapper.pk(after.noticeId()), actor, "OBJECTION_" + after.status(),
                at, before, after)), Condition.NONE, null);
        return writer.pending(tx);
    }

    @Override
    public boolean close(Notice before, Notice after, List<Subsidy> subsidiesBefore, List<Subsidy> subsidiesAfter,
            String actor, Instant at) {
        var tx = new WriteTransaction(table);
        tx.update(NoticeMapper.key(after.noticeId()),
                "SET #status = :status, #byStatus = :byStatus, #entries = :entries, #closedAt = :at",
                Map.of("#status", NoticeMapper.STATUS, "#byStatus", NoticeMapper.BY_STATUS_PK,
                        "#entries", NoticeMapper.ENTRIES, "#closedAt", NoticeMapper.CLOSED_AT),
                Map.of(":status", Items.s(after.status().name()),
                        ":byStatus", Items.s(NoticeMapper.STATUS_PREFIX + after.status().name()),
                        ":entries", Items.s(NoticeMapper.entriesJson(after.entries())), ":at", Items.s(at.toString())),
                Condition.equals(NoticeMapper.STATUS, Items.s(NoticeStatus.OPEN.name())), () -> CLOSED_ALREADY);
        tx.put(AuditMapper.item(new AuditEntry(NoticeMapper.pk(after.noticeId()), actor, "NOTICE_CLOSED", at, before,
                after)), Condition.NONE, null);
        LedgerCounters.Moves moves = ledger.moves();
        for (int i = 0; i < subsidiesBefore.size(); i++) {
            Subsidy was = subsidiesBefore.get(i);
            Subsidy now = subsidiesAfter.get(i);
            if (now.status() == SubsidyStatus.AWAITING_PAYMENT) {
                // from now it waits for finance: due in the reminder index after subsidyUnpaidDays
                Map<String, AttributeValue> due = subsidies.due(now.subsidyId(), at);
                moveSubsidy(tx, was, now, "SET " + SubsidyMapper.AWAITING_PAYMENT_SINCE + " = :since, "
                        + DueIndex.PK + " = :duePk, " + DueIndex.SK + " = :dueSk",
                        Map.of(":since", Items.s(at.toString()), ":duePk", due.get(DueIndex.PK),
                                ":dueSk", due.get(DueIndex.SK)), ReadOutdated::new);
            } else {
                moveSubsidy(tx, was, now, "SET " + SubsidyMapper.NOTE + " = :note",
                        Map.of(":note", Items.s(now.note())), ReadOutdated::new);
            }
            audit(tx, actor, now.status() == SubsidyStatus.HELD ? "SUBSIDY_HELD" : "SUBSIDY_NOTICE_PASSED", at, was,
                    now);
            moves.add(tx, was, now);
        }
        moves.commitTo(tx);
        try {
            writer.commit(tx);
            return true;
        } catch (Conflict e) {
            if (e == CLOSED_ALREADY) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The subsidy's status (and its by-status index key) from {@code was}'s to {@code now}'s, with {@code moreSet}
     * ({@code SET a = :x, …}) in the same update, conditioned on the status read.
     */
    private static void moveSubsidy(WriteTransaction tx, Subsidy was, Subsidy now, String moreSet,
            Map<String, AttributeValue> moreValues, Supplier<? extends DomainException> failure) {
        Map<String, AttributeValue> values = new HashMap<>(moreValues);
        values.put(":status", Items.s(now.status().name()));
        values.put(":byStatus", Items.s(SubsidyMapper.STATUS_PREFIX + now.status().name()));
        tx.update(Keys.subsidy(now.subsidyId()), moreSet + ", #status = :status, #byStatus = :byStatus",
                Map.of("#status", SubsidyMapper.STATUS, "#byStatus", SubsidyMapper.BY_STATUS_PK), values,
                Condition.equals(SubsidyMapper.STATUS, Items.s(was.status().name())),
                failure);
    }

    private static void audit(WriteTransaction tx, String actor, String action, Instant at, Subsidy before,
            Subsidy after) {
        tx.put(AuditMapper.item(new AuditEntry(Keys.subsidyPk(after.subsidyId()), actor, action, at, before, after)),
                Condition.NONE, null);
    }
}
