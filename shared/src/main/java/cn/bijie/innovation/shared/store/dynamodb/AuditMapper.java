package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The audit entry's item: in the partition of the record it is about, sorted by time. */
final class AuditMapper {
    static final String TYPE = "AUDIT";

    private AuditMapper() {}

    static Map<String, AttributeValue> item(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, Items.s(entry.entityPk()));
        item.put(Keys.SK, Items.s(Keys.auditSortKey(entry.at().toString(), UUID.randomUUID().toString())));
        item.put("type", Items.s(TYPE));
        item.put("actor", Items.s(entry.actor()));
        item.put("action", Items.s(entry.action()));
        item.put("at", Items.s(entry.at().toString()));
        item.put("before", Items.s(entry.before() == null ? "null" : Json.write(entry.before())));
        item.put("after", Items.s(entry.after() == null ? "null" : Json.write(entry.after())));
        return item;
    }
}
