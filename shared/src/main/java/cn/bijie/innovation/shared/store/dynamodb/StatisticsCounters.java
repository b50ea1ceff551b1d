package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.cultivation.StatisticsRow;
import cn.bijie.innovation.shared.organization.Organization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cultivation statistics as counters ({@code STATS / <DIMENSION>#<code>}: one row for all, one per county, per
 * industry and per growth tier), moved in the transaction of the change they count, so a read is one query of a
 * partition as large as the code lists. Organisations move with the organisation; pool entries, conversions and
 * recognitions count under the county, industry and tier the organisation had when they happened.
 */
public final class StatisticsCounters {
    static final String PK = "STATS";
    static final String TYPE = "STATISTICS";
    static final String DIMENSION = "dimension";
    static final String CODE = "code";
    public static final String ALL = "ALL";
    /** The tier row of organisations the bureau has not designated yet. */
    public static final String NO_TIER = "NONE";
    static final String ORGANIZATIONS = "organizations";
    static final String POOL_ENTERED = "poolEntered";
    static final String POOL_CONVERTED = "poolConverted";
    static final String CONVERSIONS_IN = "conversions#";
    static final String RECOGNITIONS_OF = "recognitions#";

    /** Where an organisation is counted. */
    public record Place(String county, String industry, String tier) {
        public static Place of(Organization o) {
            return new Place(o.county(), o.industry(), o.growthTier());
        }

        /** An organisation without a profile: counted in the row of all only. */
        public static Place unknown() {
            return new Place(null, null, null);
        }

        List<String> rows() {
            if (county == null) {
                return List.of(ALL + "#" + ALL);
            }
            return List.of(ALL + "#" + ALL, "COUNTY#" + county, "INDUSTRY#" + industry,
                    "TIER#" + (tier == null ? NO_TIER : tier));
        }
    }

    /** The counter moves of one transaction, netted per row: a row that moves by nothing is not written. */
    public static final class Moves {
        private final Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();

        public Moves add(Place place, String attribute, long by) {
            if (place != null) {
                for (String row : place.rows()) {
                    deltas.computeIfAbsent(row, r -> new LinkedHashMap<>()).merge(attribute, by, Long::sum);
                }
            }
            return this;
        }

        /** An organisation appears, moves or (never, today) disappears: {@code null} for "not counted". */
        public Moves organizationMoved(Place before, Place after) {
            return add(before, ORGANIZATIONS, -1).add(after, ORGANIZATIONS, 1);
        }

        public Moves poolEntered(Place place) {
            return add(place, POOL_ENTERED, 1);
        }

        public Moves converted(Place place, int year) {
            return add(place, POOL_CONVERTED, 1).add(place, CONVERSIONS_IN + year, 1);
        }

        public Moves recognised(Place place, String kind) {
            return add(place, RECOGNITIONS_OF + kind, 1);
        }

        /** Adds one update per row that moves to {@code tx}. */
        public void into(WriteTransaction tx) {
            deltas.forEach((row, moves) -> {
                List<String> adds = new ArrayList<>();
                Map<String, String> names = new HashMap<>();
                Map<String, AttributeValue> values = new HashMap<>();
                moves.forEach((attribute, by) -> {
                    if (by != 0) {
                        int i = adds.size();
                        names.put("#a" + i, attribute);
                        values.put(":a" + i, Items.n(by));
                        adds.add("#a" + i + " :a" + i);
                    }
                });
                if (adds.isEmpty()) {
                    return;
                }
                String[] parts = row.split("#", 2);
                names.put("#t", "type");
                names.put("#d", DIMENSION);
                names.put("#k", CODE);
                values.put(":t", Items.s(TYPE));
                values.put(":d", Items.s(parts[0]));
                values.put(":k", Items.s(parts[1]));
                tx.update(Keys.key(PK, row), "ADD " + String.join(", ", adds) + " SET #t = :t, #d = :d, #k = :k",
                        names, values, Condition.NONE, null);
            });
        }
    }

    static StatisticsRow fromItem(Map<String, AttributeValue> item) {
        Map<String, Long> years = new LinkedHashMap<>();
        Map<String, Long> kinds = new LinkedHashMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(CONVERSIONS_IN)) {
                years.put(name.substring(CONVERSIONS_IN.length()), Long.parseLong(value.n()));
            } else if (name.startsWith(RECOGNITIONS_OF)) {
                kinds.put(name.substring(RECOGNITIONS_OF.length()), Long.parseLong(value.n()));
            }
        });
        return new StatisticsRow(Items.str(item, DIMENSION), Items.str(item, CODE), count(item, ORGANIZATIONS),
                count(item, POOL_ENTERED), count(item, POOL_CONVERTED), years, kinds);
    }

    private static long count(Map<String, AttributeValue> item,
            String name) {
        Long n = Items.num(item, name);
        return n == null ? 0 : n;
    }
}
