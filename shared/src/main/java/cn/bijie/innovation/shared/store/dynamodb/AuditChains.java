package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditChain;
import cn.bijie.innovation.shared.audit.AuditStore.ChainHead;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Places a transaction's audit entries in their chains, inside the transaction itself (no call of its own).
 * Concurrent writers of one chain are ordered by its head item: each transaction puts the head it moves to under the
 * condition that the head is still the one it chained onto, so of two writers that chained onto the same entry
 * exactly one commits. The head a writer chains onto is the last one it saw: its own last commit, a head a cancelled
 * transaction returned ({@code ALL_OLD}), or, for a chain it has never seen, the empty chain (a new record). A
 * wrong guess costs one cancelled transaction, after which the entries are chained onto the actual head.
 */
final class AuditChains {
    /** Heads seen last, per chain; a bound keeps a long-lived container's memory flat (a miss costs one retry). */
    private static final int MAX_KNOWN = 10_000;
    private static final Map<String, ChainHead> KNOWN = new ConcurrentHashMap<>();

    private AuditChains() {}

    /** The audit entries of one transaction placed on the heads last seen, and the head puts that order them. */
    static Placement place(String table, List<Map<String, AttributeValue>> entries) {
        Map<String, List<Map<String, AttributeValue>>> byChain = new LinkedHashMap<>();
        entries.forEach(e -> byChain.computeIfAbsent(Items.str(e, Keys.PK), c -> new ArrayList<>()).add(e));
        List<TransactWriteItem> items = new ArrayList<>();
        Map<Integer, String> headAt = new LinkedHashMap<>();
        Map<String, ChainHead> moved = new LinkedHashMap<>();
        byChain.forEach((chain, chainEntries) -> {
            ChainHead from = KNOWN.getOrDefault(chain, new ChainHead(chain, 0, AuditChain.GENESIS));
            long seq = from.seq();
            String hash = from.seq() == 0 ? AuditChain.GENESIS : from.hash();
            for (Map<String, AttributeValue> entry : chainEntries) {
                Map<String, AttributeValue> item = AuditMapper.chained(entry, ++seq, hash);
                hash = Items.str(item, AuditMapper.HASH);
                items.add(put(table, item, "attribute_not_exists(PK)", Map.of(), Map.of()));
            }
            Map<String, AttributeValue> head = AuditMapper.headItem(chain, seq, hash);
            headAt.put(items.size(), chain);
            items.add(from.seq() == 0 ? put(table, head, "attribute_not_exists(PK)", Map.of(), Map.of())
                    : put(table, head, "#seq = :seq AND #hash = :hash",
                            Map.of("#seq", AuditMapper.SEQ, "#hash", AuditMapper.HASH),
                            Map.of(":seq", Items.n(from.seq()), ":hash", Items.s(from.hash()))));
            moved.put(chain, new ChainHead(chain, seq, hash));
        });
        return new Placement(items, headAt, moved);
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition,
            Map<String, String> names, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item).conditionExpression(condition)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (!names.isEmpty()) {
            put.expressionAttributeNames(names).expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /** The head of {@code chain} as a read found it ({@code item} null or empty: the chain has none yet). */
    static void seen(String chain, Map<String, AttributeValue> item) {
        know(AuditMapper.head(chain, item));
    }

    private static void know(ChainHead head) {
        if (KNOWN.size() >= MAX_KNOWN) {
            KNOWN.clear();
        }
        KNOWN.put(head.chain(), head);
    }

    /** What {@link #place} added to a transaction: its items, which of them are heads, and the heads after it. */
    record Placement(List<TransactWriteItem> items, Map<Integer, String> headAt, Map<String, ChainHead> moved) {

        /** The transaction committed: its heads are the chains' heads now. */
        void committed() {
            moved.values().forEach(AuditChains::know);
        }

        /**
         * Learns the heads that were not as guessed from a cancellation whose reasons for these items start at
         * {@code offset}; false when no head condition failed (then the failure is elsewhere).
         */
        boolean learn(DynamoDbClient dynamo, String table, List<CancellationReason> reasons, int offset) {
            boolean learned = false;
            for (Map.Entry<Integer, String> head : headAt.entrySet()) {
                int index = offset + head.getKey();
                if (index < reasons.size() && "ConditionalCheckFailed".equals(reasons.get(index).code())) {
                    String chain = head.getValue();
                    Map<String, AttributeValue> actual = reasons.get(index).item();
                    if (actual == null || actual.isEmpty()) {
                        // no ALL_OLD: the head is absent, or the emulator does not return it
                        actual = dynamo.getItem(r -> r.tableName(table).key(AuditMapper.headKey(chain))
                                .consistentRead(true)).item();
                    }
                    know(AuditMapper.head(chain, actual));
                    learned = true;
                }
            }
            return learned;
        }
    }
}
