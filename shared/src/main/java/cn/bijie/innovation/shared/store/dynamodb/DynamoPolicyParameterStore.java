package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.policy.PolicyParameterStore;
import cn.bijie.innovation.shared.policy.StoredParameter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parameter values at {@code POLICY#<version> / PARAM#<name>} (type {@code POLICY_PARAMETER}, which the subsidy
 * function's stream filter lets through), with their audit trail in the same partition.
 */
public final class DynamoPolicyParameterStore implements PolicyParameterStore {
    /** The stream record's type of a parameter (the subsidy function reads it). */
    public static final String TYPE = PolicyParameterMapper.TYPE;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;

    public DynamoPolicyParameterStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
    }

    @Override
    public Map<String, StoredParameter> load(String policyVersion) {
        Map<String, StoredParameter> stored = new LinkedHashMap<>();
        var response = dynamo.query(query -> query.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.policyPk(policyVersion)),
                        ":prefix", Items.s(Keys.PARAMETER_PREFIX))));
        for (Map<String, AttributeValue> item : response.items()) {
            StoredParameter parameter = PolicyParameterMapper.fromItem(item);
            stored.put(parameter.name(), parameter);
        }
        return stored;
    }

    @Override
    public void save(StoredParameter before, StoredParameter after) {
        Condition unchanged = before == null ? Condition.absent()
                : Condition.equals(PolicyParameterMapper.UPDATED_AT, Items.s(before.updatedAt()));
        var tx = new WriteTransaction(table)
                .put(PolicyParameterMapper.item(after), unchanged, () -> new Conflict(
                        "该参数已被他人修改，请刷新后重试 (the parameter changed meanwhile; reload and retry)"))
                .put(AuditMapper.item(new AuditEntry(Keys.policyPk(after.policyVersion()), after.updatedBy(),
                        "POLICY_PARAMETER_SET",
                        Instant.parse(after.updatedAt()), before, after)), Condition.NONE, null);
        writer.commit(tx);
    }
}
