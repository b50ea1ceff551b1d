package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.DomainException;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@code recount-ledger} (issue 14): the ledger totals rebuilt from the subsidies, like the indicators' recount. The
 * totals are read first, then the subsidies; a subsidy written before the ledger existed gets its ledger entry (the
 * county of its organisation now, as a new subsidy would); then every total that differs from the subsidies is set
 * to what they say, under the condition that it is still the value read first: a subsidy that moved since makes
 * that update fail, and it is reported to run again, never overwritten. Reads the whole table (a scan: the operators' run, no request path).
 */
final class LedgerRecount {
    /** Totals corrected per update (each with its own condition): well inside DynamoDB's expression limits. */
    private static final int PER_UPDATE = 40;

    private final DynamoDbClient dynamo;
    private final String table;

    LedgerRecount(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void run(MaintenanceTally tally) {
        LedgerCounters ledger = new LedgerCounters(dynamo, table);
        // the totals before the subsidies: a subsidy that moves after this read changes a total the corrections
        // below are conditioned on, so a move is never undone by a count from before it
        Map<String, AttributeValue> stored = dynamo.getItem(r -> r.tableName(table)
                .key(LedgerCounters.totalsKey()).consistentRead(true)).item();
        Map<String, AttributeValue> totals = stored == null ? Map.of() : stored;
        Map<String, Subsidy> all = new LinkedHashMap<>();
        Map<String, String> counties = new HashMap<>();
        new TableScan(dynamo, table).pages("#type IN (:subsidy, :entry)", Map.of("#type", "type"),
                Map.of(":subsidy", Items.s(SubsidyMapper.TYPE), ":entry", Items.s(LedgerCounters.ENTRY_TYPE)), null,
                Integer.MAX_VALUE, page -> page.forEach(item -> {
                    String id = Items.str(item, Keys.PK).substring(Keys.subsidyPk("").length());
                    if (SubsidyMapper.TYPE.equals(Items.str(item, "type"))) {
                        all.put(id, SubsidyMapper.fromItem(item));
                    } else {
                        counties.put(id, Items.str(item, LedgerCounters.ENTRY_COUNTY));
                    }
                }));
        tally.examined = all.size();
        boolean entriesWhole = true;
        for (Subsidy s : all.values()) {
            if (!counties.containsKey(s.subsidyId())) {
                String county = entry(ledger, s, tally);
                if (county != null) {
                    counties.put(s.subsidyId(), county);
                } else {
                    entriesWhole = false;
                }
            }
        }
        if (!entriesWhole) {
            // totals computed without that subsidy would be wrong the moment its entry exists
            tally.skip("LEDGER#TOTALS", "not recounted: a subsidy's entry could not be written: run again");
            return;
        }
        LedgerCounters.Moves expected = ledger.moves();
        all.values().stream().filter(s -> counties.containsKey(s.subsidyId()))
                .forEach(s -> expected.add(null, null, s, counties.get(s.subsidyId())));
        TreeSet<String> names = new TreeSet<>(expected.deltas().keySet());
        totals.keySet().stream().filter(LedgerCounters::isTotal).forEach(names::add);
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            long should = expected.deltas().getOrDefault(name, 0L);
            AttributeValue was = totals.get(name);
            if (was == null ? should != 0 : Long.parseLong(was.n()) != should) {
                differing.add(name);
                tally.change("LEDGER#TOTALS " + name, (was == null ? "0" : was.n()) + " → " + should);
            }
        }
        if (differing.isEmpty()) {
            tally.upToDate++;
            return;
        }
        for (int from = 0; from < differing.size(); from += PER_UPDATE) {
            List<String> part = differing.subList(from, Math.min(differing.size(), from + PER_UPDATE));
            if (!tally.dryRun) {
                correct(part, totals, expected.deltas(), tally);
            }
        }
    }

    /** The entry of a subsidy the ledger never counted; null when it could not be written (reported). */
    private String entry(LedgerCounters ledger, Subsidy s, MaintenanceTally tally) {
        String record = Keys.subsidyPk(s.subsidyId()) + " / " + LedgerCounters.ENTRY_SK;
        if (tally.dryRun) {
            String county = ledger.countyOf(s.uscc());
            tally.change(record, "ledger entry, county " + county);
            return county;
        }
        WriteTransaction tx = new WriteTransaction(table);
        ledger.moves().add(tx, null, s, null); // the entry only: these counts are the recount's, below
        try {
            new TableWriter(dynamo).commit(tx);
        } catch (DomainException e) {
            // a subsidy write counted it meanwhile: its entry is there now
            String county = ledger.entry(s.subsidyId());
            if (county == null) {
                tally.skip(record, "the subsidy changed meanwhile: run again");
            }
            return county;
        }
        tally.written++;
        String county = ledger.entry(s.subsidyId());
        tally.change(record, "ledger entry, county " + county);
        return county;
    }

    private void correct(List<String> part, Map<String, AttributeValue> totals, Map<String, Long> should,
            MaintenanceTally tally) {
        Map<String, String> names = new HashMap<>(Map.of("#type", "type"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", Items.s(LedgerCounters.TOTALS_TYPE)));
        List<String> sets = new ArrayList<>(List.of("#type = :type"));
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < part.size(); i++) {
            String name = part.get(i);
            names.put("#t" + i, name);
            values.put(":t" + i, Items.n(should.getOrDefault(name, 0L)));
            sets.add("#t" + i + " = :t" + i);
            AttributeValue was = totals.get(name);
            if (was == null) {
                conditions.add("attribute_not_exists(#t" + i + ")");
            } else {
                values.put(":w" + i, was);
                conditions.add("#t" + i + " = :w" + i);
            }
        }
        try {
            dynamo.updateItem(u -> u.tableName(table).key(LedgerCounters.totalsKey())
                    .updateExpression("SET " + String.join(", ", sets))
                    .conditionExpression(String.join(" AND ", conditions))
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            tally.written++;
        } catch (ConditionalCheckFailedException e) {
            tally.skip("LEDGER#TOTALS", "a subsidy moved the totals meanwhile (" + part.size() + " of them not "
                    + "corrected): run again");
        }
    }
}
