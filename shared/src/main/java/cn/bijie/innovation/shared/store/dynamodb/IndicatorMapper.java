package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.indicator.Counter;
import cn.bijie.innovation.shared.indicator.Holding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The indicator items, the only place their attribute names and keys are written. A holding
 * ({@code ORG#<uscc> / HOLD#<period>#<indicatorId>#<platformId>}) lists in {@code certs} the ACTIVE certifications that
 * make one platform count toward one indicator, and the {@code county} it was counted in; a counter
 * ({@code INDICATOR#<period> / <indicatorId>}) has {@code actual} and one {@code c_<county>} per county. Readers go by
 * the key: a holding's period, indicator and platform are read from its sort key.
 */
public final class IndicatorMapper {
    static final String HOLDING_TYPE = "INDICATOR_HOLDING";
    static final String COUNTER_TYPE = "INDICATOR_COUNTER";
    /** The sort keys of an organisation's holdings start with this. */
    static final String HOLDING_PREFIX = "HOLD#";
    static final String CERTS = "certs";
    static final String USCC = "uscc";
    static final String PERIOD = "period";
    static final String INDICATOR_ID = "indicatorId";
    static final String COUNTY = "county";
    static final String ACTUAL = "actual";
    /** A counter's count in one county is the attribute {@code c_<county>}. */
    public static final String COUNTY_PREFIX = "c_";

    private IndicatorMapper() {}

    /** Which ACTIVE certifications make one platform of the organisation count toward one indicator of one period. */
    public static Map<String, AttributeValue> holdingKey(String uscc, String period, String indicatorId,
            String platformId) {
        return Keys.key(Keys.organizationPk(uscc), HOLDING_PREFIX + period + "#" + indicatorId
                + (platformId == null ? "" : "#" + platformId));
    }

    static String counterPartition(String period) {
        return "INDICATOR#" + period;
    }

    public static Map<String, AttributeValue> counterKey(String period, String indicatorId) {
        return Keys.key(counterPartition(period), indicatorId);
    }

    static boolean isHolding(String sk) {
        return sk.startsWith(HOLDING_PREFIX);
    }

    /** A holding read by its key, whoever wrote its other attributes. */
    static Holding holding(String uscc, Map<String, AttributeValue> item) {
        String[] parts = Items.str(item, Keys.SK).substring(HOLDING_PREFIX.length()).split("#", 3);
        AttributeValue certs = item.get(CERTS);
        return new Holding(uscc, parts[0], parts[1], Items.str(item, COUNTY),
                certs == null || !certs.hasSs() ? Set.of() : Set.copyOf(certs.ss()), parts.length > 2 ? parts[2] : null);
    }

    static Counter counter(String period, Map<String, AttributeValue> item) {
        Map<String, Long> byCounty = new HashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(COUNTY_PREFIX) && value.n() != null) {
                byCounty.put(name.substring(COUNTY_PREFIX.length()), Long.parseLong(value.n()));
            }
        });
        Long actual = Items.num(item, ACTUAL);
        return new Counter(period, Items.str(item, Keys.SK), actual == null ? 0 : actual, byCounty);
    }

    /**
     * Adds or removes one certification of a holding, conditioned on the holding as read; the county is set when the
     * organisation starts counting, so the count stays where it was made.
     */
    static void moveHolding(WriteTransaction tx, IndicatorCounters.Change change) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":ids", AttributeValue.fromSs(List.of(change.certificationId())));
        String update;
        if (change.add() && change.seen().isEmpty()) {
            names.put("#type", "type");
            values.put(":type", Items.s(HOLDING_TYPE));
            values.put(":uscc", Items.s(change.uscc()));
            values.put(":period", Items.s(change.period()));
            values.put(":indicator", Items.s(change.indicatorId()));
            values.put(":county", Items.s(change.county()));
            update = "ADD " + CERTS + " :ids SET #type = :type, " + USCC + " = :uscc, " + PERIOD + " = :period, "
                    + INDICATOR_ID + " = :indicator, " + COUNTY + " = :county";
        } else {
            update = (change.add() ? "ADD " : "DELETE ") + CERTS + " :ids";
        }
        tx.update(holdingKey(change.uscc(), change.period(), change.indicatorId(), change.platformId()), update,
                names, values, asRead(change.seen()), ReadOutdated::new);
    }

    /**
     * A merge: {@code merged}'s certifications leave its holding for the kept platform's ({@code into}, whose
     * certifications were read as {@code kept}; created with the merged one's county when it has none), both
     * conditioned on the holdings as read.
     */
    static void mergeHolding(WriteTransaction tx, Holding merged, String into, Set<String> kept) {
        tx.update(holdingKey(merged.uscc(), merged.period(), merged.indicatorId(), merged.platformId()),
                "REMOVE " + CERTS, Map.of(), Map.of(), asRead(merged.certs()), ReadOutdated::new);
        Map<String, String> names = new HashMap<>(Map.of("#type", "type"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":ids",
                AttributeValue.fromSs(List.copyOf(merged.certs())), ":type", Items.s(HOLDING_TYPE),
                ":uscc", Items.s(merged.uscc()), ":period", Items.s(merged.period()),
                ":indicator", Items.s(merged.indicatorId())));
        String update = "ADD " + CERTS + " :ids SET #type = :type, " + USCC + " = :uscc, " + PERIOD + " = :period, "
                + INDICATOR_ID + " = :indicator";
        if (kept.isEmpty() && merged.county() != null) {
            values.put(":county", Items.s(merged.county()));
            update += ", " + COUNTY + " = :county";
        }
        tx.update(holdingKey(merged.uscc(), merged.period(), merged.indicatorId(), into), update, names, values,
                asRead(kept), ReadOutdated::new);
    }

    /** Moves a counter, and its county's count, by the change's delta. */
    static void moveCounter(WriteTransaction tx, IndicatorCounters.Change change) {
        tx.update(counterKey(change.period(), change.indicatorId()),
                "ADD " + ACTUAL + " :delta, #county :delta SET #type = :type, " + PERIOD + " = :period, "
                        + INDICATOR_ID + " = :indicator",
                Map.of("#county", COUNTY_PREFIX + change.county(), "#type", "type"),
                Map.of(":delta", Items.n(change.counterDelta()), ":type", Items.s(COUNTER_TYPE),
                        ":period", Items.s(change.period()), ":indicator", Items.s(change.indicatorId())),
                Condition.NONE, null);
    }

    /**
     * The holding still has as many certifications as the caller read, one of them among them (none: no {@code certs}
     * at all) — enough to know the organisation's count did not move meanwhile.
     */
    static Condition asRead(Set<String> seen) {
        if (seen.isEmpty()) {
            return new Condition("attribute_not_exists(" + CERTS + ")", Map.of(), Map.of());
        }
        String anyOne = seen.iterator().next();
        return new Condition("size(" + CERTS + ") = :seenSize AND contains(" + CERTS + ", :seenOne)", Map.of(),
                Map.of(":seenSize", Items.n(seen.size()), ":seenOne", Items.s(anyOne)));
    }

    /** One conditional update of one item, as a recount writes it. */
    record Replacement(Map<String, AttributeValue> key, String update, String condition, Map<String, String> names,
            Map<String, AttributeValue> values) {}

    /** The holding replaced by {@code after}, only if it still holds what {@code before} shows (null: nothing). */
    static Replacement holding(Holding before, Holding after) {
        Map<String, String> names = new HashMap<>(Map.of("#type", "type"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", Items.s(HOLDING_TYPE),
                ":uscc", Items.s(after.uscc()), ":period", Items.s(after.period()),
                ":indicator", Items.s(after.indicatorId())));
        String update = "SET #type = :type, " + USCC + " = :uscc, " + PERIOD + " = :period, " + INDICATOR_ID
                + " = :indicator";
        if (after.county() != null) {
            values.put(":county", Items.s(after.county()));
            update += ", " + COUNTY + " = :county";
        }
        if (after.certs().isEmpty()) {
            update += " REMOVE " + CERTS;
        } else {
            values.put(":certs", AttributeValue.fromSs(List.copyOf(after.certs())));
            update += ", " + CERTS + " = :certs";
        }
        Condition asRead = asRead(before == null ? Set.of() : before.certs());
        names.putAll(asRead.names());
        values.putAll(asRead.values());
        return new Replacement(holdingKey(after.uscc(), after.period(), after.indicatorId(), after.platformId()),
                update, asRead.expression(), names, values);
    }

    /** The counter's numbers replaced by {@code after}'s, only if it still shows {@code before}'s. */
    static Replacement counter(Counter before, Counter after) {
        Map<String, String> names = new HashMap<>(Map.of("#type", "type"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", Items.s(COUNTER_TYPE),
                ":period", Items.s(after.period()), ":indicator", Items.s(after.indicatorId()),
                ":actual", Items.n(after.actual()), ":was", Items.n(before.actual())));
        StringBuilder update = new StringBuilder("SET #type = :type, " + PERIOD + " = :period, " + INDICATOR_ID
                + " = :indicator, " + ACTUAL + " = :actual");
        Set<String> counties = new TreeSet<>(before.byCounty().keySet());
        counties.addAll(after.byCounty().keySet());
        int i = 0;
        for (String county : counties) {
            names.put("#c" + i, COUNTY_PREFIX + county);
            values.put(":c" + i, Items.n(after.inCounty(county)));
            update.append(", #c").append(i).append(" = :c").append(i);
            i++;
        }
        return new Replacement(counterKey(after.period(), after.indicatorId()), update.toString(),
                "attribute_not_exists(" + ACTUAL + ") OR " + ACTUAL + " = :was", names, values);
    }
}
