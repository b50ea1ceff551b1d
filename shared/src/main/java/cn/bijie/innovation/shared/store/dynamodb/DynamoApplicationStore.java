package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationQuery;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.application.ApplicationStore;
import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.Prior;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applications at {@code APP#<id> / APP}, listed through GSI1 (one organisation's), GSI2 (one status) and GSI3 (all),
 * each sorted by {@code <submittedAt>#<id>}. While {@code SUBMITTED} an application carries the {@link DueIndex}
 * attributes of the day staff should be reminded of it; it drops them when it leaves that status.
 */
public final class DynamoApplicationStore implements ApplicationStore {
    static final String TYPE = "APPLICATION";
    /** Attributes another module may set (the staff decision) and that a change here must neither write nor drop. */
    private static final Set<String> NOT_OURS = Set.of("reason", "certificationId");

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final int waitingDays;

    /** {@code waitingDays}: policy {@code reminders.applicationWaitingDays}, how long staff may leave one unread. */
    public DynamoApplicationStore(DynamoDbClient dynamo, String table, int waitingDays) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.waitingDays = waitingDays;
    }

    @Override
    public Optional<Application> find(String applicationId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.application(applicationId)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Prior<Organization> organization(String uscc, IdempotencyKey key) {
        Prior<Map<String, AttributeValue>> prior = writer.prior(table, Keys.organization(uscc), key);
        return new Prior<>(prior.found().map(DynamoOrganizationStore::fromItem).orElse(null), prior.replay());
    }

    @Override
    public Prior<Application> application(String applicationId, IdempotencyKey key) {
        Prior<Map<String, AttributeValue>> prior = writer.prior(table, Keys.application(applicationId), key);
        return new Prior<>(prior.found().map(DynamoApplicationStore::fromItem).orElse(null), prior.replay());
    }

    @Override
    public Committed create(Application application, String actor, IdempotencyKey key) {
        var tx = new WriteTransaction(table)
                .put(toItem(application), Condition.absent(),
                        () -> new Conflict("申报编号冲突，请重试 (application id taken; retry)"))
                .check(Keys.organization(application.uscc()), Condition.present(),
                        () -> new Conflict("请先填写单位资料 (the organisation needs a profile before it can apply)"))
                .put(AuditMapper.item(new AuditEntry(Keys.applicationPk(application.applicationId()), actor, "APPLICATION_SUBMITTED",
                        Instant.parse(application.submittedAt()), null, application)), Condition.NONE, null);
        return writer.commit(tx, key, 201, application);
    }

    @Override
    public Committed change(Application before, Application after, String action, String actor, IdempotencyKey key,
            int status) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        toItem(after).forEach((name, value) -> {
            if (!name.equals(Keys.PK) && !name.equals(Keys.SK) && !NOT_OURS.contains(name)) {
                String n = "#a" + names.size();
                names.put(n, name);
                values.put(":a" + values.size(), value);
                set.add(n + " = :a" + (values.size() - 1));
            }
        });
        for (String optional : List.of("notes", DueIndex.PK, DueIndex.SK)) {
            if (!names.containsValue(optional)) {
                String n = "#a" + names.size();
                names.put(n, optional);
                remove.add(n);
            }
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        // The application must still be what this request saw: a staff decision or another change in between
        // makes this one a 409 that changes nothing.
        Condition unchanged = new Condition("#bs = :bs AND #bu = :bu", Map.of("#bs", "status", "#bu", "updatedAt"),
                Map.of(":bs", Items.s(before.status().name()), ":bu", Items.s(before.updatedAt())));
        var tx = new WriteTransaction(table)
                .update(Keys.application(after.applicationId()), expression, names, values, unchanged,
                        () -> new Conflict("申报状态已变化，请刷新后重试 (the application changed meanwhile; reload)"))
                .put(AuditMapper.item(new AuditEntry(Keys.applicationPk(after.applicationId()), actor, action,
                        Instant.parse(after.updatedAt()), before, after)), Condition.NONE, null);
        return writer.commit(tx, key, status, after);
    }

    @Override
    public Slice<Application> list(ApplicationQuery query, int limit, Map<String, String> start) {
        IndexQuery index;
        if (query.uscc() != null) {
            index = IndexQuery.on(Indexes.BY_ORGANIZATION, Keys.applicationsOf(query.uscc()))
                    .whereEquals("status", query.status() == null ? null : query.status().name());
        } else if (query.status() != null) {
            index = IndexQuery.on(Indexes.BY_STATUS, Keys.applicationsIn(query.status().name()));
        } else {
            index = IndexQuery.on(Indexes.ALL, Keys.ALL_APPLICATIONS);
        }
        IndexQuery.Filled page = index.whereEquals("kind", query.kind()).whereEquals("county", query.county())
                .fill(dynamo, table, limit, Items.startKey(start));
        return new Slice<>(page.items().stream().map(DynamoApplicationStore::fromItem).toList(),
                Items.position(page.next()));
    }

    Map<String, AttributeValue> toItem(Application a) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.application(a.applicationId()));
        String sortKey = Keys.applicationSortKey(a.submittedAt(), a.applicationId());
        item.put("type", Items.s(TYPE));
        item.put("applicationId", Items.s(a.applicationId()));
        item.put("status", Items.s(a.status().name()));
        item.put("submittedAt", Items.s(a.submittedAt()));
        item.put("uscc", Items.s(a.uscc()));
        item.put("kind", Items.s(a.kind()));
        item.put("level", Items.s(a.level()));
        item.put("renewal", Items.bool(a.renewal()));
        item.put("platformName", Items.s(a.platformName()));
        item.put("certificateNo", Items.s(a.certificateNo()));
        item.put("issuedOn", Items.s(a.issuedOn()));
        Items.putIfPresent(item, "notes", a.notes());
        item.put("county", Items.s(a.county()));
        item.put("updatedAt", Items.s(a.updatedAt()));
        Items.putIfPresent(item, "reason", a.reason());
        Items.putIfPresent(item, "certificationId", a.certificationId());
        item.put("GSI1PK", Items.s(Keys.applicationsOf(a.uscc())));
        item.put("GSI1SK", Items.s(sortKey));
        item.put("GSI2PK", Items.s(Keys.applicationsIn(a.status().name())));
        item.put("GSI2SK", Items.s(sortKey));
        item.put("GSI3PK", Items.s(Keys.ALL_APPLICATIONS));
        item.put("GSI3SK", Items.s(sortKey));
        if (a.status() == ApplicationStatus.SUBMITTED) {
            item.putAll(DueIndex.attributes(
                    Shanghai.dateOf(Instant.parse(a.submittedAt())).plusDays(waitingDays),
                    Keys.applicationPk(a.applicationId())));
        }
        return item;
    }

    public static Application fromItem(Map<String, AttributeValue> item) {
        return new Application(Items.str(item, "applicationId"), ApplicationStatus.valueOf(Items.str(item, "status")),
                Items.str(item, "submittedAt"), Items.str(item, "uscc"), Items.str(item, "kind"),
                Items.str(item, "level"), Items.flag(item, "renewal"), Items.str(item, "platformName"),
                Items.str(item, "certificateNo"), Items.str(item, "issuedOn"), Items.str(item, "notes"),
                Items.str(item, "county"), Items.str(item, "updatedAt"), Items.str(item, "reason"),
                Items.str(item, "certificationId"));
    }
}
