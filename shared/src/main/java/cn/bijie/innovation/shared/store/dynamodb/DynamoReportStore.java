package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.indicator.Counter;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.report.ReportStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Daily snapshots of a period's indicator counters: {@code REPORT#<period> / SNAP#<date>}, the counters as JSON. */
public final class DynamoReportStore implements ReportStore {
    static final String TYPE = "REPORT_SNAPSHOT";
    static final String COUNTERS = "counters";
    static final String DATE = "date";
    private static final String PREFIX = "SNAP#";
    private static final TypeReference<List<Counter>> COUNTER_LIST = new TypeReference<>() {};

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoReportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    static String pk(String period) {
        return "REPORT#" + period;
    }

    @Override
    public void snapshot(String period, LocalDate date, Map<String, Counter> counters) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(pk(period), PREFIX + date));
        item.put("type", Items.s(TYPE));
        item.put(DATE, Items.s(date.toString()));
        try {
            item.put(COUNTERS, Items.s(Json.MAPPER.writeValueAsString(List.copyOf(counters.values()))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public Optional<Snapshot> snapshotOn(String period, LocalDate date) {
        var response = dynamo.query(r -> r.tableName(table)
                .keyConditionExpression("PK = :pk AND SK BETWEEN :first AND :last")
                .expressionAttributeValues(Map.of(":pk", Items.s(pk(period)), ":first", Items.s(PREFIX),
                        ":last", Items.s(PREFIX + date)))
                .scanIndexForward(false).limit(1).consistentRead(true));
        if (response.items().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.items().get(0);
        try {
            List<Counter> counters = Json.MAPPER.readValue(Items.str(item, COUNTERS), COUNTER_LIST);
            Map<String, Counter> byId = new HashMap<>();
            counters.forEach(c -> byId.put(c.indicatorId(), c));
            return Optional.of(new Snapshot(LocalDate.parse(Items.str(item, DATE)), byId));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot unreadable", e);
        }
    }
}
