package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationQuery;
import cn.bijie.innovation.shared.application.ApplicationStore;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.idempotency.Prior;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.platform.Platform;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Applications in the table; their item layout is {@link ApplicationMapper}'s. */
public final class DynamoApplicationStore implements ApplicationStore {

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final ApplicationMapper mapper;

    /** {@code waitingDays}: policy {@code reminders.applicationWaitingDays}, how long staff may leave one unread. */
    public DynamoApplicationStore(DynamoDbClient dynamo, String table, int waitingDays) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.mapper = new ApplicationMapper(waitingDays);
    }

    @Override
    public Optional<Application> find(String applicationId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.application(applicationId)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ApplicationMapper.fromItem(item));
    }

    @Override
    public Prior<Organization> organization(String uscc, IdempotencyKey key) {
        Prior<Map<String, AttributeValue>> prior = writer.prior(table, Keys.organization(uscc), key);
        return new Prior<>(prior.found().map(OrganizationMapper::fromItem).orElse(null), prior.replay());
    }

    @Override
    public Optional<Platform> platform(String uscc, String platformId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(PlatformMapper.key(uscc, platformId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PlatformMapper.fromItem(item));
    }

    @Override
    public Prior<Application> application(String applicationId, IdempotencyKey key) {
        Prior<Map<String, AttributeValue>> prior = writer.prior(table, Keys.application(applicationId), key);
        return new Prior<>(prior.found().map(ApplicationMapper::fromItem).orElse(null), prior.replay());
    }

    @Override
    public PendingWrite create(Application application, int maxOpen, String actor) {
        var tx = new WriteTransaction(table);
        mapper.create(tx, application, actor);
        ApplicationMapper.opened(tx, application.uscc(), maxOpen);
        tx.check(Keys.organization(application.uscc()), Condition.present(),
                () -> new Conflict("请先填写单位资料 (the organisation needs a profile before it can apply)"));
        return writer.pending(tx);
    }

    @Override
    public PendingWrite change(Application before, Application after, String action, String actor) {
        var tx = new WriteTransaction(table);
        mapper.ownerChange(tx, before, after, action, actor);
        if (before.status().open() && !after.status().open()) {
            ApplicationMapper.closed(tx, after.uscc());
        }
        return writer.pending(tx);
    }

    @Override
    public Slice<Application> list(ApplicationQuery query, int limit, Map<String, String> start) {
        IndexQuery index;
        if (query.uscc() != null) {
            index = IndexQuery.on(Indexes.BY_ORGANIZATION, Keys.applicationsOf(query.uscc()))
                    .whereEquals(ApplicationMapper.STATUS, query.status() == null ? null : query.status().name());
        } else if (query.status() != null) {
            index = IndexQuery.on(Indexes.BY_STATUS, Keys.applicationsIn(query.status().name()));
        } else {
            index = IndexQuery.on(Indexes.ALL, Keys.ALL_APPLICATIONS);
        }
        IndexQuery.Filled page = index.whereEquals(ApplicationMapper.KIND, query.kind())
                .whereEquals(ApplicationMapper.COUNTY, query.county())
                .fill(dynamo, table, limit, Items.startKey(start));
        return new Slice<>(page.items().stream().map(ApplicationMapper::fromItem).toList(),
                Items.position(page.next()));
    }
}
