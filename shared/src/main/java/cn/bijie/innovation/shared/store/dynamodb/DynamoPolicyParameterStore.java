package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.Prior;
import cn.bijie.innovation.shared.policy.ParameterProposal;
import cn.bijie.innovation.shared.policy.PolicyParameterStore;
import cn.bijie.innovation.shared.policy.StoredParameter;
import java.time.Instant;
import java.util.HashMap;
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
    public static final String TYPE = "POLICY_PARAMETER";
    /** Not {@link #TYPE}: the subsidy function's stream filter does not pass a proposal, only a value in force. */
    static final String PROPOSAL_TYPE = "POLICY_PARAMETER_PROPOSAL";

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
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.policyPk(policyVersion)),
                        ":prefix", Items.s(Keys.PARAMETER_PREFIX))));
        for (Map<String, AttributeValue> item : response.items()) {
            StoredParameter parameter = fromItem(item);
            stored.put(parameter.name(), parameter);
        }
        return stored;
    }

    @Override
    public Prior<ParameterProposal> proposal(String policyVersion, String name, IdempotencyKey key) {
        Prior<Map<String, AttributeValue>> prior = writer.prior(table, Keys.policyProposal(policyVersion, name), key);
        return new Prior<>(prior.record() == null ? null : proposalFromItem(prior.record()), prior.replay());
    }

    @Override
    public void propose(ParameterProposal before, ParameterProposal after) {
        Condition unchanged = before == null ? Condition.absent()
                : Condition.equals("proposedAt", Items.s(before.proposedAt()));
        writer.commit(new WriteTransaction(table)
                .put(toItem(after), unchanged, () -> new Conflict(
                        "该参数的修改已被他人提出，请刷新后重试 (another change was proposed meanwhile; reload and retry)"))
                .put(AuditMapper.item(new AuditEntry(Keys.policyPk(after.policyVersion()), after.proposedBy(),
                        "POLICY_PARAMETER_PROPOSED", Instant.parse(after.proposedAt()), before, after)),
                        Condition.NONE, null));
    }

    @Override
    public Committed approve(ParameterProposal approved, StoredParameter before, StoredParameter after,
            IdempotencyKey key, Object body) {
        Condition unchanged = before == null ? Condition.absent()
                : Condition.equals("updatedAt", Items.s(before.updatedAt()));
        Condition stillWaiting = new Condition("#c = :c AND attribute_not_exists(approvedAt)",
                Map.of("#c", "proposedAt"), Map.of(":c", Items.s(approved.proposedAt())));
        return writer.commit(new WriteTransaction(table)
                .put(toItem(after), unchanged, () -> new Conflict(
                        "该参数已被他人修改，请刷新后重试 (the parameter changed meanwhile; reload and retry)"))
                .put(toItem(approved), stillWaiting, () -> new Conflict(
                        "待批准的修改已变化，请刷新后重试 (the proposal changed meanwhile; reload and retry)"))
                .put(AuditMapper.item(new AuditEntry(Keys.policyPk(after.policyVersion()), approved.approvedBy(),
                        "POLICY_PARAMETER_APPROVED", Instant.parse(after.updatedAt()), before, approved)),
                        Condition.NONE, null), key, 200, body);
    }

    static Map<String, AttributeValue> toItem(StoredParameter p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.policyParameter(p.policyVersion(), p.name()));
        item.put("type", Items.s(TYPE));
        item.put("policyVersion", Items.s(p.policyVersion()));
        item.put("name", Items.s(p.name()));
        item.put("value", value(p.value()));
        item.put("updatedAt", Items.s(p.updatedAt()));
        item.put("updatedBy", Items.s(p.updatedBy()));
        return item;
    }

    public static StoredParameter fromItem(Map<String, AttributeValue> item) {
        return new StoredParameter(Items.str(item, "policyVersion"), Items.str(item, "name"), value(item),
                Items.str(item, "updatedAt"), Items.str(item, "updatedBy"));
    }

    static Map<String, AttributeValue> toItem(ParameterProposal p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.policyProposal(p.policyVersion(), p.name()));
        item.put("type", Items.s(PROPOSAL_TYPE));
        item.put("policyVersion", Items.s(p.policyVersion()));
        item.put("name", Items.s(p.name()));
        item.put("value", value(p.value()));
        item.put("proposedAt", Items.s(p.proposedAt()));
        item.put("proposedBy", Items.s(p.proposedBy()));
        Items.putIfPresent(item, "approvedAt", p.approvedAt());
        Items.putIfPresent(item, "approvedBy", p.approvedBy());
        return item;
    }

    static ParameterProposal proposalFromItem(Map<String, AttributeValue> item) {
        return new ParameterProposal(Items.str(item, "policyVersion"), Items.str(item, "name"), value(item),
                Items.str(item, "proposedAt"), Items.str(item, "proposedBy"), Items.str(item, "approvedAt"),
                Items.str(item, "approvedBy"));
    }

    /** A {@code YUAN} value is a number, a {@code CHOICE} a string. */
    private static AttributeValue value(Object value) {
        return value instanceof Number number ? Items.n(number.longValue()) : Items.s(value.toString());
    }

    private static Object value(Map<String, AttributeValue> item) {
        AttributeValue value = item.get("value");
        return value == null ? null : value.n() != null ? (Object) Long.valueOf(value.n()) : value.s();
    }
}
