package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.indicator.Counter;
import cn.bijie.innovation.shared.indicator.Holding;
import cn.bijie.innovation.shared.indicator.IndicatorStore;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.platform.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Reads of the indicator items: an organisation's holdings ({@code ORG#<uscc> / HOLD#<period>#<indicatorId>}) and a
 * period's counters ({@code INDICATOR#<period> / <indicatorId>}). A writer that moves counters reads the holdings
 * first and hands them to {@link IndicatorCounters}, which conditions its writes on them; the items' layout is
 * {@link IndicatorMapper}'s.
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
        return organizationItems(uscc, IndicatorMapper.HOLDING_PREFIX, IndicatorMapper.HOLDING_PREFIX + "\uffff")
                .holdings();
    }

    /**
     * The profile, the holdings and the platforms in one Query: they share the partition {@code ORG#<uscc>}, and the
     * sort keys {@code HOLD#…}, {@code PLATFORM#…} and {@code PROFILE} are neighbours (the audit trail, {@code AUDIT#…},
     * sorts before them).
     */
    @Override
    public OrganizationHoldings organization(String uscc) {
        return organizationItems(uscc, IndicatorMapper.HOLDING_PREFIX, "PROFILE");
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
                } else if (IndicatorMapper.isHolding(sk)) {
                    holdings.add(IndicatorMapper.holding(uscc, item));
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
                .expressionAttributeValues(Map.of(":pk", Items.s(IndicatorMapper.counterPartition(period)))));
        Map<String, Counter> counters = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : response.items()) {
            Counter counter = IndicatorMapper.counter(period, item);
            counters.put(counter.indicatorId(), counter);
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
                .map(item -> new CertificationRef(Items.str(item, CertificationMapper.CERTIFICATION_ID),
                        Items.str(item, CertificationMapper.USCC), Items.str(item, CertificationMapper.KIND),
                        Items.str(item, CertificationMapper.LEVEL), Items.str(item, CertificationMapper.PLATFORM_ID)))
                .toList();
    }

    @Override
    public void replaceHolding(Holding before, Holding after) {
        replace(IndicatorMapper.holding(before, after));
    }

    @Override
    public void replaceCounter(Counter before, Counter after) {
        replace(IndicatorMapper.counter(before, after));
    }

    /** A write the recount conditions on what it read: a live change meanwhile means "run it again". */
    private void replace(IndicatorMapper.Replacement write) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(write.key()).updateExpression(write.update())
                    .conditionExpression(write.condition()).expressionAttributeNames(write.names())
                    .expressionAttributeValues(write.values()));
        } catch (ConditionalCheckFailedException e) {
            throw new ReadOutdated();
        }
    }
}
