package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.organization.ContactMarks;
import cn.bijie.innovation.shared.organization.DirectoryEntry;
import cn.bijie.innovation.shared.organization.DirectoryFilter;
import cn.bijie.innovation.shared.organization.NameKey;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.organization.OrganizationService;
import cn.bijie.innovation.shared.organization.OrganizationStore;
import cn.bijie.innovation.shared.organization.TierChange;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Profiles at {@code ORG#<uscc> / PROFILE}; each write checks the profile it replaces (optimistic locking) and moves,
 * in the same transaction, the directory entry ({@link DirectoryMapper}) and the statistics
 * ({@link StatisticsCounters}). Tier changes add a step of the history ({@link TierHistoryMapper}).
 */
public final class DynamoOrganizationStore implements OrganizationStore, ContactMarks {
    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final Supplier<NameKey> names;

    /** For readers and writers alike: the name key comes from the active policy, loaded on the first write. */
    public DynamoOrganizationStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, new Supplier<>() {
            private NameKey names;

            @Override
            public synchronized NameKey get() {
                if (names == null) {
                    names = NameKey.of(Policy.active());
                }
                return names;
            }
        });
    }

    public DynamoOrganizationStore(DynamoDbClient dynamo, String table, Supplier<NameKey> names) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.names = names;
    }

    @Override
    public Optional<Organization> find(String uscc) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.organization(uscc))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrganizationMapper.fromItem(item));
    }

    @Override
    public void save(Organization before, Organization after, String actor) {
        writer.commit(profile(before, after, actor, before == null ? "ORGANIZATION_CREATED" : "ORGANIZATION_UPDATED"));
    }

    @Override
    public void saveTier(Organization before, Organization after, TierChange change) {
        WriteTransaction tx = profile(before, after, change.changedBy(), "ORGANIZATION_TIER_SET")
                .put(TierHistoryMapper.item(change), Condition.absent(),
                        () -> new Conflict(OrganizationService.TIER_CHANGED));
        DirectoryMapper.tier(tx, after.uscc(), after.growthTier());
        writer.commit(tx);
    }

    private WriteTransaction profile(Organization before, Organization after, String actor, String action) {
        Condition unchanged = before == null ? Condition.absent() : unchanged(before);
        var tx = new WriteTransaction(table)
                .put(OrganizationMapper.item(after), unchanged, () -> new Conflict(
                        "组织资料已被他人修改，请刷新后重试 (the profile changed meanwhile; reload and retry)"))
                .put(AuditMapper.item(new AuditEntry(Keys.organizationPk(after.uscc()), actor, action,
                        Instant.parse(after.updatedAt()), before, after)), Condition.NONE, null);
        index(tx, before, after);
        return tx;
    }

    /**
     * Adds to a profile's transaction its directory entry and its move of the statistics (created: {@code before}
     * null), wherever the profile is written: here, and by a list import that creates it.
     */
    void index(WriteTransaction tx, Organization before, Organization after) {
        if (before == null || !before.name().equals(after.name()) || !before.county().equals(after.county())
                || !before.industry().equals(after.industry())) {
            DirectoryMapper.profile(tx, after, names.get().of(after.name()));
        }
        new StatisticsCounters.Moves()
                .organizationMoved(before == null ? null : StatisticsCounters.Place.of(before),
                        StatisticsCounters.Place.of(after))
                .into(tx);
    }

    /**
     * The profile as it was read: its lock, and its contact mark (set without touching the lock, by
     * {@link #markFailing}), so that a mark made meanwhile is not overwritten by a profile that carried none.
     */
    private static Condition unchanged(Organization before) {
        String mark = before.contactStatus() == null ? "attribute_not_exists(#s)" : "#s = :s";
        Map<String, AttributeValue> values = before.contactStatus() == null
                ? Map.of(":u", Items.s(before.updatedAt()))
                : Map.of(":u", Items.s(before.updatedAt()), ":s", Items.s(before.contactStatus()));
        return new Condition("#u = :u AND " + mark,
                Map.of("#u", OrganizationMapper.UPDATED_AT, "#s", OrganizationMapper.CONTACT_STATUS), values);
    }

    @Override
    public boolean markFailing(String uscc, String address, String status, String failure, Instant at) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Keys.organization(uscc))
                    .conditionExpression("#e = :e")
                    .updateExpression("SET #s = :s, #at = :at, #f = :f")
                    .expressionAttributeNames(Map.of("#e", OrganizationMapper.CONTACT_EMAIL,
                            "#s", OrganizationMapper.CONTACT_STATUS, "#at", OrganizationMapper.CONTACT_FAILED_AT,
                            "#f", OrganizationMapper.CONTACT_FAILURE))
                    .expressionAttributeValues(Map.of(":e", Items.s(address), ":s", Items.s(status),
                            ":at", Items.s(at.toString()), ":f", Items.s(failure))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // no such profile, or its address changed since the mail was sent
        }
    }

    @Override
    public List<TierChange> tierHistory(String uscc) {
        return dynamo.queryPaginator(r -> r.tableName(table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :tier)")
                        .expressionAttributeValues(Map.of(":pk", Items.s(Keys.organizationPk(uscc)),
                                ":tier", Items.s(TierHistoryMapper.PREFIX))))
                .items().stream().map(TierHistoryMapper::fromItem).toList();
    }

    @Override
    public Slice<DirectoryEntry> directory(DirectoryFilter filter, int limit, Map<String, String> start) {
        IndexQuery.Filled page = DirectoryMapper.query(Boolean.TRUE.equals(filter.inPool()))
                .sortBeginsWith(filter.nameKey())
                .whereEquals(DirectoryMapper.COUNTY, filter.county())
                .whereEquals(DirectoryMapper.INDUSTRY, filter.industry())
                .whereEquals(DirectoryMapper.GROWTH_TIER, filter.tier())
                .whereExists(DirectoryMapper.POOL_INTAKE, filter.inPool())
                .whereContains(DirectoryMapper.ACTIVE_KINDS, filter.holds())
                .fill(dynamo, table, limit, Items.startKey(start));
        return new Slice<>(page.items().stream().map(DirectoryMapper::fromItem).toList(), Items.position(page.next()));
    }
}
