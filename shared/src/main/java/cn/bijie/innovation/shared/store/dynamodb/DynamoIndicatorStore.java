package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.indicator.Holding;
import cn.bijie.innovation.shared.indicator.IndicatorCounters;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.organization.Organization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads of the indicator items: an organisation's holdings ({@code ORG#<uscc> / HOLD#<period>#<indicatorId>}) and a
 * period's counters ({@code INDICATOR#<period> / <indicatorId>}). A writer that moves counters reads the holdings
 * first and hands them to {@link IndicatorCounters}, which conditions its writes on them.
 */
public final class DynamoIndicatorStore {
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
     * The profile and the holdings in one Query: they share the partition {@code ORG#<uscc>}, and the sort keys
     * {@code HOLD#…} and {@code PROFILE} are neighbours (the audit trail, {@code AUDIT#…}, sorts before both).
     */
    public OrganizationHoldings organization(String uscc) {
        return organizationItems(uscc, Keys.HOLDING_PREFIX, "PROFILE");
    }

    private OrganizationHoldings organizationItems(String uscc, String from, String to) {
        Organization profile = null;
        List<Holding> holdings = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> after = start;
            var response = dynamo.query(query -> query.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND SK BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":pk", Items.s(Keys.organizationPk(uscc)),
                            ":from", Items.s(from), ":to", Items.s(to)))
                    .exclusiveStartKey(after));
            for (Map<String, AttributeValue> item : response.items()) {
                String type = Items.str(item, "type");
                if ("ORGANIZATION".equals(type)) {
                    profile = DynamoOrganizationStore.fromItem(item);
                } else if (IndicatorCounters.HOLDING_TYPE.equals(type)) {
                    holdings.add(holding(item));
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new OrganizationHoldings(profile, holdings);
    }

    /** The counters of one period by indicator id (one Query: as many items as the period has indicators). */
    public Map<String, Map<String, AttributeValue>> counters(String period) {
        var response = dynamo.query(query -> query.tableName(table)
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.indicatorPk(period)))));
        Map<String, Map<String, AttributeValue>> counters = new LinkedHashMap<>();
        response.items().forEach(item -> counters.put(Items.str(item, Keys.SK), item));
        return counters;
    }

    static Holding holding(Map<String, AttributeValue> item) {
        AttributeValue certs = item.get("certs");
        return new Holding(Items.str(item, "uscc"), Items.str(item, "period"), Items.str(item, "indicatorId"),
                Items.str(item, "county"), certs == null || !certs.hasSs() ? Set.of() : Set.copyOf(certs.ss()));
    }
}
