package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.organization.OrganizationStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Profiles at {@code ORG#<uscc> / PROFILE}; each write checks the profile it replaces (optimistic locking). */
public final class DynamoOrganizationStore implements OrganizationStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;

    public DynamoOrganizationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
    }

    @Override
    public Optional<Organization> find(String uscc) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.organization(uscc))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(OrganizationMapper.fromItem(item));
    }

    @Override
    public void save(Organization before, Organization after, String actor) {
        Condition unchanged = before == null ? Condition.absent()
                : Condition.equals(OrganizationMapper.UPDATED_AT, Items.s(before.updatedAt()));
        var tx = new WriteTransaction(table)
                .put(OrganizationMapper.item(after), unchanged, () -> new Conflict(
                        "组织资料已被他人修改，请刷新后重试 (the profile changed meanwhile; reload and retry)"))
                .put(AuditMapper.item(new AuditEntry(Keys.organizationPk(after.uscc()), actor,
                        before == null ? "ORGANIZATION_CREATED" : "ORGANIZATION_UPDATED",
                        Instant.parse(after.updatedAt()), before, after)), Condition.NONE, null);
        writer.commit(tx);
    }
}
