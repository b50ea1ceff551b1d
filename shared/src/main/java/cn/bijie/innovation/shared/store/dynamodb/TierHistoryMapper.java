package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.organization.TierChange;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A step of the tier history ({@code ORG#<uscc> / TIER#<changedAt>}), beside the profile; read oldest first. */
public final class TierHistoryMapper {
    static final String TYPE = "ORGANIZATION_TIER";
    static final String PREFIX = "TIER#";
    static final String USCC = "uscc";
    static final String TIER = "tier";
    static final String PREVIOUS_TIER = "previousTier";
    static final String EFFECTIVE_ON = "effectiveOn";
    static final String REASON = "reason";
    static final String CHANGED_BY = "changedBy";
    static final String CHANGED_AT = "changedAt";

    private TierHistoryMapper() {}

    static Map<String, AttributeValue> item(TierChange c) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.organizationPk(c.uscc()),
                PREFIX + c.changedAt()));
        item.put("type", Items.s(TYPE));
        item.put(USCC, Items.s(c.uscc()));
        item.put(TIER, Items.s(c.tier()));
        Items.putIfPresent(item, PREVIOUS_TIER, c.previousTier());
        item.put(EFFECTIVE_ON, Items.s(c.effectiveOn()));
        item.put(REASON, Items.s(c.reason()));
        item.put(CHANGED_BY, Items.s(c.changedBy()));
        item.put(CHANGED_AT, Items.s(c.changedAt()));
        return item;
    }

    static TierChange fromItem(Map<String, AttributeValue> item) {
        return new TierChange(Items.str(item, USCC), Items.str(item, TIER), Items.str(item, PREVIOUS_TIER),
                Items.str(item, EFFECTIVE_ON), Items.str(item, REASON), Items.str(item, CHANGED_BY),
                Items.str(item, CHANGED_AT));
    }
}
