package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditChain;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code chain-audit} (issue 14): the audit entries written before the hash chain ({@code AUDIT#<at>#<uuid>}, no
 * position or hash) of a record that has no chain yet become its chain: in time order, each moved to
 * {@code AUDIT#<position>} with its links, and the head put — in one transaction per record, the old items deleted
 * under the condition that they are still unchained and the head put only where none is, so a record written
 * meanwhile (its write started the chain) is skipped, never chained over. A record whose chain has a head already is
 * left alone and reported. Old entries are found by a scan (the operators' run, never a request path).
 */
final class AuditChainBackfill {
    /** Entries a record may have to be chained in one transaction: one put and one delete each, and the head. */
    static final int MAX_ENTRIES = 49;

    private final DynamoDbClient dynamo;
    private final String table;

    AuditChainBackfill(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    String run(MaintenanceTally tally, String token, int limit) {
        Set<String> seen = new HashSet<>();
        return new TableScan(dynamo, table).pages("#type = :audit AND attribute_not_exists(#seq)",
                Map.of("#type", "type", "#seq", AuditMapper.SEQ), Map.of(":audit", Items.s(AuditMapper.TYPE)), token,
                limit, page -> page.forEach(item -> {
                    String chain = Items.str(item, Keys.PK);
                    if (seen.add(chain)) {
                        chain(chain, tally);
                    }
                }));
    }

    private void chain(String chain, MaintenanceTally tally) {
        tally.examined++;
        Map<String, AttributeValue> head = dynamo.getItem(r -> r.tableName(table).key(AuditMapper.headKey(chain))
                .consistentRead(true)).item();
        List<Map<String, AttributeValue>> old = new ArrayList<>();
        for (Map<String, AttributeValue> entry : dynamo.queryPaginator(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :audit)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Items.s(chain),
                        ":audit", Items.s(AuditMapper.ENTRY_PREFIX)))).items()) {
            if (!entry.containsKey(AuditMapper.SEQ)) {
                old.add(entry);
            }
        }
        if (old.isEmpty()) {
            tally.upToDate++;
            return;
        }
        if (head != null && !head.isEmpty()) {
            tally.report(chain, old.size() + " entries from before the chain; the record's chain has a head already "
                    + "(written since), so they are left as they are");
            return;
        }
        if (old.size() > MAX_ENTRIES) {
            tally.report(chain, old.size() + " entries from before the chain: more than one transaction holds ("
                    + MAX_ENTRIES + "); left as they are");
            return;
        }
        old.sort(Comparator.comparing((Map<String, AttributeValue> e) -> Items.str(e, AuditMapper.AT))
                .thenComparing(e -> Items.str(e, Keys.SK)));
        String what = old.size() + " entries chained in time order, head at " + old.size();
        WriteTransaction tx = new WriteTransaction(table);
        String hash = AuditChain.GENESIS;
        long seq = 0;
        for (Map<String, AttributeValue> entry : old) {
            Map<String, AttributeValue> chained = AuditMapper.chained(entry, ++seq, hash);
            hash = Items.str(chained, AuditMapper.HASH);
            tx.put(chained, Condition.absent(), null);
            tx.delete(Keys.key(chain, Items.str(entry, Keys.SK)), new Condition(
                    "attribute_exists(PK) AND attribute_not_exists(#seq)", Map.of("#seq", AuditMapper.SEQ), Map.of()),
                    null);
        }
        tx.put(AuditMapper.headItem(chain, seq, hash), Condition.absent(), null);
        tally.commit(new TableWriter(dynamo), tx, chain, what,
                "the record was written meanwhile (its chain has begun): run again to report it");
    }
}
