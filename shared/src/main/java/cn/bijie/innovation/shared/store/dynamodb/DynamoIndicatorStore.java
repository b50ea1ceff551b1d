package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.indicator.Counter;
import cn.bijie.innovation.shared.indicator.Holding;
import cn.bijie.innovation.shared.indicator.IndicatorStore;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.platform.Platform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Reads of the indicator items: an organisation's holdings ({@code ORG#<uscc> / HOLD#<period>#<indicatorId>}) and a
 * period's counters ({@code INDICATOR#<period> / <indicatorId>}). A writer that moves counters reads the holdings
 * first and hands them to {@link IndicatorCounters}, which conditions its writes on them.
 */
public final class DynamoIndicatorStore implements IndicatorStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoIndicatorStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The organisation's holdings (one strongly consistent Query). */
    public List<Holding> holdings(String uscc) {
        return organizationItems(uscc, Keys.HOLDING_PREFIX, Keys.HOLDING_PREFIX + "\uffff").holdings();
    }

    /**
     * The profile, the holdings and the platforms in one Query: they share the partition {@code ORG#<uscc>}, and the
     * sort keys {@code HOLD#…}, {@code PLATFORM#…} and {@code PROFILE} are neighbours (the audit trail, {@code AUDIT#…},
     * sorts before them).
     */
    @Override
    public OrganizationHoldings organization(String uscc) {
        return organizationItems(uscc, Keys.HOLDING_PREFIX, "PROFILE");
    }

    private OrganizationHoldings organizationItems(String uscc, String from, String to) {
        Organization profile = null;
        List<Holding> holdings = new ArrayList<>();
        List<Platform> platforms = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            var response = dynamo.query(query -> query.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", Items.s(Keys.organizationPk(uscc)),
                            ":from", Items.s(from), ":to", Items.s(to)))
                    .exclusiveStartKey(after));
            for (Map<String, AttributeValue> item : response.items()) {
                String sk = Items.str(item, Keys.SK);
                if ("PROFILE".equals(sk)) {
                    profile = OrganizationMapper.fromItem(item);
                } else if (sk.startsWith(Keys.HOLDING_PREFIX)) {
                    holdings.add(holding(uscc, item));
                } else if (PlatformMapper.isPlatform(sk)) {
                    platforms.add(PlatformMapper.fromItem(item));
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new OrganizationHoldings(profile, holdings, platforms);
    }

    @Override
    public Map<String, Counter> counters(String period) {
        var response = dynamo.query(query -> query.tableName(table)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.indicatorPk(period)))));
        Map<String, Counter> counters = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : response.items()) {
            Map<String, Long> byCounty = new HashMap<>();
            item.forEach((name, value) -> {
                if (name.startsWith(IndicatorCounters.COUNTY_PREFIX) && value.n() != null) {
                    byCounty.put(name.substring(IndicatorCounters.COUNTY_PREFIX.length()), Long.parseLong(value.n()));
                }
            });
            Long actual = Items.num(item, "actual");
            String indicatorId = Items.str(item, Keys.SK);
            counters.put(indicatorId, new Counter(period, indicatorId, actual == null ? 0 : actual, byCounty));
        }
        return counters;
    }

    @Override
    public List<Recognition> history() {
        return IndexQuery.on(Indexes.ALL, CertificationMapper.ALL_PARTITION).all(dynamo, table).stream()
                .map(CertificationMapper::recognition).toList();
    }

    @Override
    public List<CertificationRef> certifications(String status) {
        return IndexQuery.on(Indexes.BY_STATUS, CertificationMapper.statusPartition(status)).all(dynamo, table).stream()
                .map(item -> new CertificationRef(Items.str(item, "certificationId"), Items.str(item, "uscc"),
                        Items.str(item, "kind"), Items.str(item, "level"), Items.str(item, "platformId")))
                .toList();
    }

    @Override
    public void replaceHolding(Holding before, Holding after) {
        Map<String, String> names = new HashMap<>(Map.of("#type", "type"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", Items.s(IndicatorCounters.HOLDING_TYPE),
                ":uscc", Items.s(after.uscc()), ":period", Items.s(after.period()),
                ":indicator", Items.s(after.indicatorId())));
        String update = "SET #type = :type, uscc = :uscc, period = :period, indicatorId = :indicator";
        if (after.county() != null) {
            values.put(":county", Items.s(after.county()));
            update += ", county = :county";
        }
        if (after.certs().isEmpty()) {
            update += " REMOVE certs";
        } else {
            values.put(":certs", AttributeValue.fromSs(List.copyOf(after.certs())));
            update += ", certs = :certs";
        }
        Condition asRead = IndicatorCounters.asRead(before == null ? Set.of() : before.certs());
        names.putAll(asRead.names());
        values.putAll(asRead.values());
        String expression = update;
        conditional(() -> dynamo.updateItem(r -> r.tableName(table)
                .key(Keys.holding(after.uscc(), after.period(), after.indicatorId(), after.platformId()))
                .updateExpression(expression).conditionExpression(asRead.expression())
                .expressionAttributeNames(names).expressionAttributeValues(values)));
    }

    @Override
    public void replaceCounter(Counter before, Counter after) {
        Map<String, String> names = new HashMap<>(Map.of("#type", "type"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", Items.s(IndicatorCounters.COUNTER_TYPE),
                ":period", Items.s(after.period()), ":indicator", Items.s(after.indicatorId()),
                ":actual", Items.n(after.actual()), ":was", Items.n(before.actual())));
        StringBuilder update = new StringBuilder(
                "SET #type = :type, period = :period, indicatorId = :indicator, actual = :actual");
        Set<String> counties = new TreeSet<>(before.byCounty().keySet());
        counties.addAll(after.byCounty().keySet());
        int i = 0;
        for (String county : counties) {
            names.put("#c" + i, IndicatorCounters.COUNTY_PREFIX + county);
            values.put(":c" + i, Items.n(after.inCounty(county)));
            update.append(", #c").append(i).append(" = :c").append(i);
            i++;
        }
        conditional(() -> dynamo.updateItem(r -> r.tableName(table)
                .key(Keys.indicatorCounter(after.period(), after.indicatorId()))
                .updateExpression(update.toString())
                .conditionExpression("attribute_not_exists(actual) OR actual = :was")
                .expressionAttributeNames(names).expressionAttributeValues(values)));
    }

    /** A write the recount conditions on what it read: a live change meanwhile means "run it again". */
    private static void conditional(Runnable write) {
        try {
            write.run();
        } catch (ConditionalCheckFailedException e) {
            throw new ReadOutdated();
        }
    }

    /** A holding read by its key ({@code HOLD#<period>#<indicatorId>}), whoever wrote its other attributes. */
    static Holding holding(String uscc, Map<String, AttributeValue> item) {
        String[] parts = Items.str(item, Keys.SK).substring(Keys.HOLDING_PREFIX.length()).split("#", 3);
        AttributeValue certs = item.get("certs");
        return new Holding(uscc, parts[0], parts[1], Items.str(item, "county"),
                certs == null || !certs.hasSs() ? Set.of() : Set.copyOf(certs.ss()), parts.length > 2 ? parts[2] : null);
    }
}
