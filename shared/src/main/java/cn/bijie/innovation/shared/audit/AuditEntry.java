package cn.bijie.innovation.shared.audit;

import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Who changed what, when, from which state to which. Stored in the partition of the record it is about, written in
 * the same transaction as the change, never deleted by the API.
 */
public record AuditEntry(String entityPk, String actor, String action, Instant at, Object before, Object after) {

    public Map<String, AttributeValue> toItem() {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, Items.s(entityPk));
        item.put(Keys.SK, Items.s(Keys.auditSortKey(at.toString(), UUID.randomUUID().toString())));
        item.put("type", Items.s("AUDIT"));
        item.put("actor", Items.s(actor));
        item.put("action", Items.s(action));
        item.put("at", Items.s(at.toString()));
        item.put("before", Items.s(before == null ? "null" : Json.write(before)));
        item.put("after", Items.s(after == null ? "null" : Json.write(after)));
        return item;
    }
}
