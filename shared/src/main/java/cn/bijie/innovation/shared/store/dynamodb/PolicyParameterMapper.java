package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.policy.ParameterProposal;
import cn.bijie.innovation.shared.policy.StoredParameter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A policy parameter's item ({@code POLICY#<version> / PARAM#<name>}, type {@code POLICY_PARAMETER}, which the
 * subsidy function's stream filter lets through) and the proposal to change it ({@code PROPOSAL#<name>}, type
 * {@code POLICY_PARAMETER_PROPOSAL}, which the filter does not pass): their attribute names and conversion.
 */
final class PolicyParameterMapper {
    static final String TYPE = "POLICY_PARAMETER";
    /** Not {@link #TYPE}: the subsidy function's stream filter does not pass a proposal, only a value in force. */
    static final String PROPOSAL_TYPE = "POLICY_PARAMETER_PROPOSAL";
    static final String POLICY_VERSION = "policyVersion";
    static final String NAME = "name";
    /** A number (yuan) or a text. */
    static final String VALUE = "value";
    /** The optimistic lock: a write, and a subsidy computed from the value, hold only while this is as read. */
    static final String UPDATED_AT = "updatedAt";
    static final String UPDATED_BY = "updatedBy";
    /** The proposal's optimistic lock: an approval holds only while this is as read and it is not yet approved. */
    static final String PROPOSED_AT = "proposedAt";
    static final String PROPOSED_BY = "proposedBy";
    static final String APPROVED_AT = "approvedAt";
    static final String APPROVED_BY = "approvedBy";

    private PolicyParameterMapper() {}

    static Map<String, AttributeValue> item(StoredParameter p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.policyParameter(p.policyVersion(), p.name()));
        item.put("type", Items.s(TYPE));
        item.put(POLICY_VERSION, Items.s(p.policyVersion()));
        item.put(NAME, Items.s(p.name()));
        item.put(VALUE, value(p.value()));
        item.put(UPDATED_AT, Items.s(p.updatedAt()));
        item.put(UPDATED_BY, Items.s(p.updatedBy()));
        return item;
    }

    static StoredParameter fromItem(Map<String, AttributeValue> item) {
        return new StoredParameter(Items.str(item, POLICY_VERSION), Items.str(item, NAME), value(item),
                Items.str(item, UPDATED_AT), Items.str(item, UPDATED_BY));
    }

    static Map<String, AttributeValue> proposalItem(ParameterProposal p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.policyProposal(p.policyVersion(), p.name()));
        item.put("type", Items.s(PROPOSAL_TYPE));
        item.put(POLICY_VERSION, Items.s(p.policyVersion()));
        item.put(NAME, Items.s(p.name()));
        item.put(VALUE, value(p.value()));
        item.put(PROPOSED_AT, Items.s(p.proposedAt()));
        item.put(PROPOSED_BY, Items.s(p.proposedBy()));
        Items.putIfPresent(item, APPROVED_AT, p.approvedAt());
        Items.putIfPresent(item, APPROVED_BY, p.approvedBy());
        return item;
    }

    static ParameterProposal proposalFromItem(Map<String, AttributeValue> item) {
        return new ParameterProposal(Items.str(item, POLICY_VERSION), Items.str(item, NAME), value(item),
                Items.str(item, PROPOSED_AT), Items.str(item, PROPOSED_BY), Items.str(item, APPROVED_AT),
                Items.str(item, APPROVED_BY));
    }

    /** A {@code YUAN} value is a number, a {@code CHOICE} a string. */
    private static AttributeValue value(Object value) {
        return value instanceof Number number ? Items.n(number.longValue()) : Items.s(value.toString());
    }

    private static Object value(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(VALUE);
        return value == null ? null : value.n() != null ? (Object) Long.valueOf(value.n()) : value.s();
    }
}
