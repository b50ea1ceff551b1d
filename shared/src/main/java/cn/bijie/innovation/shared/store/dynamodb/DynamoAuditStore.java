package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditStore;
import cn.bijie.innovation.shared.audit.StoredEntry;
import cn.bijie.innovation.shared.paging.Slice;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The audit trails: one chain is one {@code Query} of its record's partition ({@code AUDIT#…}, in order of position);
 * all of them, for the operators' verification only, one {@code Scan} of the table.
 */
public final class DynamoAuditStore implements AuditStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAuditStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Slice<StoredEntry> list(String chain, int limit, Map<String, String> start) {
        QueryResponse page = dynamo.query(q -> q.tableName(table).keyConditionExpression(
                        "#pk = :pk AND begins_with(#sk, :audit)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Items.s(chain), ":audit", Items.s(AuditMapper.ENTRY_PREFIX)))
                .consistentRead(true).limit(limit).exclusiveStartKey(Items.startKey(start)));
        return new Slice<>(page.items().stream().map(AuditMapper::fromItem).toList(),
                Items.position(page.lastEvaluatedKey()));
    }

    @Override
    public ChainHead walk(String chain, Consumer<StoredEntry> entries) {
        Map<String, String> start = null;
        do {
            Slice<StoredEntry> page = list(chain, 1000, start);
            page.items().forEach(entries);
            start = page.lastKey();
        } while (start != null);
        return AuditMapper.head(chain, dynamo.getItem(r -> r.tableName(table).key(AuditMapper.headKey(chain))
                .consistentRead(true)).item());
    }

    @Override
    public void walkAll(Consumer<StoredEntry> entries, Consumer<ChainHead> heads) {
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(s -> s.tableName(table)
                    .filterExpression("#type IN (:entry, :head)")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":entry", Items.s(AuditMapper.TYPE),
                            ":head", Items.s(AuditMapper.HEAD_TYPE)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                if (AuditMapper.HEAD_TYPE.equals(Items.str(item, "type"))) {
                    heads.accept(AuditMapper.head(Items.str(item, Keys.PK), item));
                } else {
                    entries.accept(AuditMapper.fromItem(item));
                }
            }
            start = page.lastEvaluatedKey() == null || page.lastEvaluatedKey().isEmpty() ? null
                    : page.lastEvaluatedKey();
        } while (start != null);
    }
}
