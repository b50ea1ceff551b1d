package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.idempotency.Prior;
import cn.bijie.innovation.shared.policy.ParameterProposal;
import cn.bijie.innovation.shared.policy.PolicyParameterStore;
import cn.bijie.innovation.shared.policy.StoredParameter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parameter values at {@code POLICY#<version> / PARAM#<name>} (type {@code POLICY_PARAMETER}, which the subsidy
 * function's stream filter lets through), the last proposal to change each at {@code PROPOSAL#<name>}, and their
 * audit trail in the same partition.
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
    public Prior<ParameterProposal> proposal(String policyVersion, String name, IdempotencyKey key) {
        Prior<Map<String, AttributeValue>> prior = writer.prior(table, Keys.policyProposal(policyVersion, name), key);
        return new Prior<>(prior.record() == null ? null : PolicyParameterMapper.proposalFromItem(prior.record()),
                prior.replay());
    }

    @Override
    public void propose(ParameterProposal before, ParameterProposal after) {
        Condition unchanged = before == null ? Condition.absent()
                : Condition.equals(PolicyParameterMapper.PROPOSED_AT, Items.s(before.proposedAt()));
        writer.commit(new WriteTransaction(table)
                .put(PolicyParameterMapper.proposalItem(after), unchanged, () -> new Conflict(
                        "该参数的修改已被他人提出，请刷新后重试 (another change was proposed meanwhile; reload and retry)"))
                .put(AuditMapper.item(new AuditEntry(Keys.policyPk(after.policyVersion()), after.proposedBy(),
                        "POLICY_PARAMETER_PROPOSED", Instant.parse(after.proposedAt()), before, after)),
                        Condition.NONE, null));
    }

    @Override
    public PendingWrite approve(ParameterProposal approved, StoredParameter before, StoredParameter after) {
        Condition unchanged = before == null ? Condition.absent()
                : Condition.equals(PolicyParameterMapper.UPDATED_AT, Items.s(before.updatedAt()));
        Condition stillWaiting = new Condition("#c = :c AND attribute_not_exists(#a)",
                Map.of("#c", PolicyParameterMapper.PROPOSED_AT, "#a", PolicyParameterMapper.APPROVED_AT),
                Map.of(":c", Items.s(approved.proposedAt())));
        return writer.pending(new WriteTransaction(table)
                .put(PolicyParameterMapper.item(after), unchanged, () -> new Conflict(
                        "该参数已被他人修改，请刷新后重试 (the parameter changed meanwhile; reload and retry)"))
                .put(PolicyParameterMapper.proposalItem(approved), stillWaiting, () -> new Conflict(
                        "待批准的修改已变化，请刷新后重试 (the proposal changed meanwhile; reload and retry)"))
                .put(AuditMapper.item(new AuditEntry(Keys.policyPk(after.policyVersion()), approved.approvedBy(),
                        "POLICY_PARAMETER_APPROVED", Instant.parse(after.updatedAt()), before, approved)),
                        Condition.NONE, null));
    }
}
