package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.policy.StoredParameter;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A policy parameter's item ({@code POLICY#<version> / PARAM#<name>}, type {@code POLICY_PARAMETER}, which the
 * subsidy function's stream filter lets through): its attribute names and conversion.
 */
final class PolicyParameterMapper {
    static final String TYPE = "POLICY_PARAMETER";
    static final String POLICY_VERSION = "policyVersion";
    static final String NAME = "name";
    /** A number (yuan) or a text. */
    static final String VALUE = "value";
    /** The optimistic lock: a write, and a subsidy computed from the value, hold only while this is as read. */
    static final String UPDATED_AT = "updatedAt";
    static final String UPDATED_BY = "updatedBy";

    private PolicyParameterMapper() {}

    static Map<String, AttributeValue> item(StoredParameter p) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.policyParameter(p.policyVersion(), p.name()));
        item.put("type", Items.s(TYPE));
        item.put(POLICY_VERSION, Items.s(p.policyVersion()));
        item.put(NAME, Items.s(p.name()));
        item.put(VALUE, p.value() instanceof Number number ? Items.n(number.longValue())
                : Items.s(p.value().toString()));
        item.put(UPDATED_AT, Items.s(p.updatedAt()));
        item.put(UPDATED_BY, Items.s(p.updatedBy()));
        return item;
    }

    static StoredParameter fromItem(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(VALUE);
        Object parsed = value == null ? null : value.n() != null ? (Object) Long.valueOf(value.n()) : value.s();
        return new StoredParameter(Items.str(item, POLICY_VERSION), Items.str(item, NAME), parsed,
                Items.str(item, UPDATED_AT), Items.str(item, UPDATED_BY));
    }
}
