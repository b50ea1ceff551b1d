package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.ledger.LedgerCount;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The finance ledger's write side: one item {@code LEDGER#TOTALS / TOTALS} whose attributes count subsidies and sum their
 * yuan per status and per value of each dimension ({@code n|<status>|<dimension>|<value>}, {@code y|…}), moved in
 * the same transaction as the subsidy writes it counts (create, amount set, notice, payment, cancellation), so
 * {@code GET /ledger} reads one item however many subsidies there are.
 *
 * <p>A subsidy's county is the organisation's when the subsidy was created, kept in its ledger entry
 * ({@code SUB#<id> / LEDGER}) so that later moves take it out of the county it was counted in. Concurrent moves meet
 * on the totals item: DynamoDB cancels one transaction ({@code TransactionConflict}) and the unit of work retries it.
 */
public final class LedgerCounters {
    static final String ENTRY_SK = "LEDGER";
    static final String ENTRY_COUNTY = "county";
    static final String ENTRY_TYPE = "LEDGER_ENTRY";
    static final String TOTALS_TYPE = "LEDGER_TOTALS";
    /** The county of an organisation without a profile (not expected: applying needs one). */
    static final String NO_COUNTY = "NONE";
    private static final String SEP = "|";

    private final DynamoDbClient dynamo;
    private final String table;

    public LedgerCounters(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static Map<String, AttributeValue> totalsKey() {
        return Keys.key("LEDGER#TOTALS", "TOTALS");
    }

    static Map<String, AttributeValue> entryKey(String subsidyId) {
        return Keys.key(Keys.subsidyPk(subsidyId), ENTRY_SK);
    }

    /** A subsidy written for the first time: its entry (with the organisation's county) and its counts. */
    public void created(WriteTransaction tx, Subsidy created) {
        Moves moves = new Moves();
        moves.add(tx, null, created, null);
        moves.commitTo(tx);
    }

    /** One subsidy's change of state or amount, in {@code tx}. */
    public void moved(WriteTransaction tx, Subsidy before, Subsidy after) {
        Moves moves = new Moves();
        moves.add(tx, before, after, entry(before.subsidyId()));
        moves.commitTo(tx);
    }

    /** Several subsidies' changes in one transaction (a notice opened or closed): one write to the totals. */
    public Moves moves() {
        return new Moves();
    }

    /** The county a subsidy is counted in, from its ledger entry; null when it has none yet. */
    String entry(String subsidyId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(entryKey(subsidyId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? null : Items.str(item, ENTRY_COUNTY);
    }

    String countyOf(String uscc) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.organization(uscc))
                .projectionExpression("#c").expressionAttributeNames(Map.of("#c", OrganizationMapper.COUNTY))
                .consistentRead(true)).item();
        String county = item == null ? null : Items.str(item, OrganizationMapper.COUNTY);
        return county == null ? NO_COUNTY : county;
    }

    /** Accumulated deltas, written as one update of the totals item. */
    public final class Moves {
        private final Map<String, Long> deltas = new LinkedHashMap<>();

        /**
         * Adds one subsidy's move; {@code county} is its entry's (null: it has none, so {@code before} was never
         * counted and the entry is written now).
         */
        public void add(WriteTransaction tx, Subsidy before, Subsidy after, String county) {
            if (county == null) {
                county = countyOf(after.uscc());
                Map<String, AttributeValue> item = new HashMap<>(entryKey(after.subsidyId()));
                item.put("type", Items.s(ENTRY_TYPE));
                item.put(ENTRY_COUNTY, Items.s(county));
                tx.put(item, Condition.absent(), ReadOutdated::new);
                before = null;
            }
            if (before != null) {
                count(before, county, -1);
            }
            count(after, county, 1);
        }

        /** As {@link #add}, reading the subsidy's entry first. */
        public void add(WriteTransaction tx, Subsidy before, Subsidy after) {
            add(tx, before, after, entry(after.subsidyId()));
        }

        private void count(Subsidy s, String county, int sign) {
            long yuan = s.amountYuan() == null ? 0 : s.amountYuan();
            String status = s.status().name();
            List<String> dims = new ArrayList<>(List.of("all" + SEP, "year" + SEP + Shanghai.dateOf(
                    Instant.parse(s.createdAt())).getYear(), "county" + SEP + county, "kind" + SEP + s.kind(),
                    "kindLevel" + SEP + s.kind() + "#" + s.level(), "rule" + SEP + s.rule()));
            if (s.status() == SubsidyStatus.PAID && s.paidOn() != null) {
                dims.add("paidYear" + SEP + s.paidOn().substring(0, 4));
            }
            for (String dim : dims) {
                deltas.merge("n" + SEP + status + SEP + dim, (long) sign, Long::sum);
                deltas.merge("y" + SEP + status + SEP + dim, sign * yuan, Long::sum);
            }
        }

        /** The counts and sums moved so far, by attribute of the totals item (the recount's expected totals). */
        Map<String, Long> deltas() {
            return deltas;
        }

        /** The one update of the totals item, when anything moved. */
        public void commitTo(WriteTransaction tx) {
            deltas.values().removeIf(d -> d == 0);
            if (deltas.isEmpty()) {
                return;
            }
            Map<String, String> names = new HashMap<>();
            Map<String, AttributeValue> values = new HashMap<>();
            List<String> adds = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, Long> delta : deltas.entrySet()) {
                names.put("#l" + i, delta.getKey());
                values.put(":l" + i, Items.n(delta.getValue()));
                adds.add("#l" + i + " :l" + i);
                i++;
            }
            names.put("#type", "type");
            values.put(":type", Items.s(TOTALS_TYPE));
            tx.update(totalsKey(), "ADD " + String.join(", ", adds) + " SET #type = :type", names, values,
                    Condition.NONE, null);
        }
    }

    /** Whether an attribute of the totals item is a count or a sum (not its key or type). */
    static boolean isTotal(String attribute) {
        return attribute.startsWith("n" + SEP) || attribute.startsWith("y" + SEP);
    }

    /** The counters as read back: every {@code n|…} attribute with its {@code y|…} twin. */
    static List<LedgerCount> read(Map<String, AttributeValue> totals) {
        List<LedgerCount> counts = new ArrayList<>();
        if (totals == null) {
            return counts;
        }
        for (Map.Entry<String, AttributeValue> attribute : totals.entrySet()) {
            String name = attribute.getKey();
            if (!name.startsWith("n" + SEP)) {
                continue;
            }
            String[] parts = name.split("\\" + SEP, -1);
            long count = Long.parseLong(attribute.getValue().n());
            AttributeValue yuan = totals.get("y" + name.substring(1));
            counts.add(new LedgerCount(parts[1], parts[2], parts[3], count,
                    yuan == null ? 0 : Long.parseLong(yuan.n())));
        }
        return counts;
    }
}
