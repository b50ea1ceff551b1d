package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.cultivation.ApplicationWindow;
import cn.bijie.innovation.shared.cultivation.CoachingRecord;
import cn.bijie.innovation.shared.cultivation.CultivationStore;
import cn.bijie.innovation.shared.cultivation.PoolEntry;
import cn.bijie.innovation.shared.cultivation.Recognition;
import cn.bijie.innovation.shared.cultivation.StatisticsRow;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.DomainException;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.Slice;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The reserve pool, coaching and readiness in the organisation's partition ({@link CultivationMapper}), with the
 * directory entry ({@link DirectoryMapper}) and the statistics ({@link StatisticsCounters}) moved in the same
 * transaction as the change they reflect.
 */
public final class DynamoCultivationStore implements CultivationStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final Clock clock;

    public DynamoCultivationStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.clock = clock;
    }

    /** The condition of a write that lands once failed: it was written before (a redelivery, a retry). */
    private static final class AlreadyCounted extends DomainException {
        AlreadyCounted() {
            super("已记录 (recorded before)", List.of());
        }

        @Override
        public String code() {
            return "CONFLICT";
        }

        @Override
        public int status() {
            return 409;
        }
    }

    @Override
    public PendingWrite addToPool(Organization organization, PoolEntry entry) {
        String uscc = entry.uscc();
        var tx = new WriteTransaction(table)
                .check(Keys.organization(uscc), Condition.equals(OrganizationMapper.UPDATED_AT,
                        Items.s(organization.updatedAt())), () -> new Conflict(
                        "组织资料刚被修改，请重试 (the profile changed meanwhile; retry)"))
                .put(CultivationMapper.item(entry), Condition.absent(), () -> new Conflict(
                        "该企业已在" + entry.intake() + "年度培育库中 (already in this intake)"))
                .put(AuditMapper.item(new AuditEntry(Keys.organizationPk(uscc), entry.addedBy(), "POOL_ENTERED",
                        Instant.parse(entry.addedAt()), null, entry)), Condition.NONE, null);
        DirectoryMapper.enterPool(tx, uscc, entry.intake(), () -> new Conflict(
                "该企业已在培育库中，尚未转化 (already in the pool, not converted yet)"));
        new StatisticsCounters.Moves().poolEntered(StatisticsCounters.Place.of(organization)).into(tx);
        return writer.pending(tx);
    }

    @Override
    public PendingWrite addCoaching(CoachingRecord record) {
        return writer.pending(new WriteTransaction(table)
                .put(CultivationMapper.item(record), Condition.absent(), () -> new Conflict(
                        "该辅导记录已登记 (this coaching is recorded already)"))
                .put(AuditMapper.item(new AuditEntry(Keys.organizationPk(record.uscc()), record.recordedBy(),
                        "COACHING_RECORDED", Instant.parse(record.recordedAt()), null, record)), Condition.NONE,
                        null));
    }

    @Override
    public void saveReadiness(String uscc, List<String> met, String actor, String at) {
        writer.commit(new WriteTransaction(table)
                .put(CultivationMapper.readiness(uscc, met, actor, at), Condition.NONE, null)
                .put(AuditMapper.item(new AuditEntry(Keys.organizationPk(uscc), actor, "READINESS_RECORDED",
                        Instant.parse(at), null, Map.of("met", met))), Condition.NONE, null));
    }

    @Override
    public Cultivated cultivated(String uscc) {
        List<PoolEntry> pool = new ArrayList<>();
        List<CoachingRecord> coaching = new ArrayList<>();
        List<String> met = new ArrayList<>();
        for (Map<String, AttributeValue> item : partition(uscc, CultivationMapper.PREFIX)) {
            switch (String.valueOf(Items.str(item, "type"))) {
                case CultivationMapper.POOL_TYPE -> pool.add(CultivationMapper.poolEntry(item));
                case CultivationMapper.COACHING_TYPE -> coaching.add(CultivationMapper.coaching(item));
                case CultivationMapper.READINESS_TYPE -> met.addAll(CultivationMapper.met(item));
                default -> { }
            }
        }
        return new Cultivated(pool, coaching, met);
    }

    private Iterable<Map<String, AttributeValue>> partition(String uscc, String prefix) {
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.organizationPk(uscc)), ":p", Items.s(prefix))))
                .items();
    }

    @Override
    public Slice<PoolEntry> pool(int intake, int limit, Map<String, String> start) {
        IndexQuery.Filled page = IndexQuery.on(Indexes.BY_STATUS, CultivationMapper.poolPartition(intake))
                .fill(dynamo, table, limit, Items.startKey(start));
        return new Slice<>(page.items().stream().map(CultivationMapper::poolEntry).toList(),
                Items.position(page.next()));
    }

    @Override
    public List<StatisticsRow> statistics() {
        List<StatisticsRow> rows = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", Items.s(StatisticsCounters.PK))))
                .items().forEach(item -> rows.add(StatisticsCounters.fromItem(item)));
        return rows;
    }

    @Override
    public long expiring(String kind, List<String> levels, LocalDate from, LocalDate to) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":pk", Items.s(CertificationMapper.statusPartition("ACTIVE")),
                ":from", Items.s(from.toString()), ":to", Items.s(to + "#~"), ":kind", Items.s(kind)));
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            values.put(":l" + i, Items.s(levels.get(i)));
            placeholders.add(":l" + i);
        }
        return dynamo.queryPaginator(r -> r.tableName(table).indexName(Indexes.BY_STATUS).select(Select.COUNT)
                        .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                        .filterExpression("#kind = :kind AND #level IN (" + String.join(", ", placeholders) + ")")
                        .expressionAttributeNames(Map.of("#pk", CertificationMapper.BY_STATUS_PK,
                                "#sk", Indexes.BY_STATUS + "SK", "#kind", CertificationMapper.KIND,
                                "#level", CertificationMapper.LEVEL))
                        .expressionAttributeValues(values))
                .stream().mapToLong(page -> page.count()).sum();
    }

    @Override
    public RecognitionOutcome recognised(Recognition r, String conversionKind) {
        Map<String, AttributeValue> profile = dynamo.getItem(g -> g.tableName(table)
                .key(Keys.organization(r.uscc())).consistentRead(true)).item();
        StatisticsCounters.Place place = profile == null || profile.isEmpty() ? StatisticsCounters.Place.unknown()
                : StatisticsCounters.Place.of(OrganizationMapper.fromItem(profile));
        Optional<PoolEntry> open = Optional.empty();
        if (r.kind().equals(conversionKind)) {
            List<PoolEntry> entries = new ArrayList<>();
            partition(r.uscc(), CultivationMapper.POOL_PREFIX).forEach(i -> entries.add(CultivationMapper.poolEntry(i)));
            open = entries.stream().filter(e -> !e.converted()).reduce((a, b) -> b);
        }
        var moves = new StatisticsCounters.Moves().recognised(place, r.kind());
        var tx = new WriteTransaction(table)
                .put(CultivationMapper.seen(r.uscc(), r.certificationId(), clock.instant().toString()),
                        Condition.absent(), AlreadyCounted::new);
        if (open.isPresent()) {
            PoolEntry entry = open.get();
            tx.update(CultivationMapper.poolKey(r.uscc(), entry.intake()), "SET #on = :on, #cert = :cert",
                    Map.of("#on", CultivationMapper.CONVERTED_ON, "#cert", CultivationMapper.CERTIFICATION_ID),
                    Map.of(":on", Items.s(r.issuedOn()), ":cert", Items.s(r.certificationId())),
                    new Condition("attribute_exists(PK) AND attribute_not_exists(#on)", Map.of(), Map.of()),
                    () -> new Conflict("培育库记录刚被修改 (the pool entry changed meanwhile)"));
            DirectoryMapper.converted(tx, r.uscc(), r.kind());
            moves.converted(new StatisticsCounters.Place(entry.county(), entry.industry(), entry.growthTier()),
                    LocalDate.parse(r.issuedOn()).getYear());
        } else {
            DirectoryMapper.holds(tx, r.uscc(), r.kind());
        }
        moves.into(tx);
        try {
            writer.commit(tx);
        } catch (AlreadyCounted e) {
            return RecognitionOutcome.ALREADY_COUNTED;
        }
        return open.isPresent() ? RecognitionOutcome.CONVERTED : RecognitionOutcome.COUNTED;
    }

    @Override
    public void refreshActiveKinds(String uscc) {
        TreeSet<String> kinds = new TreeSet<>();
        IndexQuery.on(Indexes.BY_ORGANIZATION, Keys.organizationCertificationsPk(uscc))
                .whereEquals(CertificationMapper.STATUS, "ACTIVE").all(dynamo, table)
                .forEach(item -> kinds.add(Items.str(item, CertificationMapper.KIND)));
        if (kinds.isEmpty()) {
            dynamo.updateItem(u -> u.tableName(table).key(DirectoryMapper.key(uscc)).updateExpression("REMOVE #kinds")
                    .expressionAttributeNames(Map.of("#kinds", DirectoryMapper.ACTIVE_KINDS)));
        } else {
            dynamo.updateItem(u -> u.tableName(table).key(DirectoryMapper.key(uscc)).updateExpression("SET #kinds = :k")
                    .expressionAttributeNames(Map.of("#kinds", DirectoryMapper.ACTIVE_KINDS))
                    .expressionAttributeValues(Map.of(":k", AttributeValue.fromSs(List.copyOf(kinds)))));
        }
    }

    @Override
    public PendingWrite openWindow(ApplicationWindow window) {
        return writer.pending(new WriteTransaction(table)
                .put(CultivationMapper.item(window), Condition.absent(), () -> new Conflict(
                        "该申报窗口已开放 (this window is open already)"))
                .put(AuditMapper.item(new AuditEntry(CultivationMapper.windowPk(window.windowId()), window.openedBy(),
                        "APPLICATION_WINDOW_OPENED", Instant.parse(window.openedAt()), null, window)), Condition.NONE,
                        null));
    }

    @Override
    public List<PoolEntry> openEntries(int fromIntake, int toIntake) {
        List<PoolEntry> open = new ArrayList<>();
        for (int intake = fromIntake; intake <= toIntake; intake++) {
            IndexQuery.on(Indexes.BY_STATUS, CultivationMapper.poolPartition(intake)).all(dynamo, table).stream()
                    .map(CultivationMapper::poolEntry).filter(e -> !e.converted()).forEach(open::add);
        }
        return open;
    }

    @Override
    public boolean markWindowMail(String windowId, String uscc, String to, String at) {
        try {
            writer.commit(new WriteTransaction(table).put(CultivationMapper.windowMail(windowId, uscc, to, at),
                    Condition.absent(), AlreadyCounted::new));
            return true;
        } catch (AlreadyCounted e) {
            return false;
        }
    }
}
