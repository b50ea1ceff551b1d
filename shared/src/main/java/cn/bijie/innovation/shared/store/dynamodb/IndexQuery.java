package cn.bijie.innovation.shared.store.dynamodb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A list as {@code Query}s on one of the list indexes ({@code GSI1}: an organisation's records, {@code GSI2}: by
 * status, {@code GSI3}: all), newest first; the filters the key cannot carry go into the {@code FilterExpression}, and
 * {@link #fill} reads on until the page is full, so a page is empty only at the end.
 */
public final class IndexQuery {
    /** The most items one read of {@link #fill} evaluates (a read returns at most 1 MB anyway). */
    static final int MAX_READ = 1000;

    private final String index;
    private final String partition;
    private String sortBelow;
    private String sortPrefix;
    private boolean ascending;
    private final List<String> filters = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, AttributeValue> values = new HashMap<>();

    private IndexQuery(String index, String partition) {
        this.index = index;
        this.partition = partition;
    }

    /** The items whose {@code <index>PK} is {@code partition}. */
    public static IndexQuery on(String index, String partition) {
        return new IndexQuery(index, partition);
    }

    /** Only sort keys below {@code bound} (e.g. {@code GSI2SK < 2027-01-01} for "expires before"). */
    public IndexQuery sortBelow(String bound) {
        this.sortBelow = bound;
        return this;
    }

    /** Only sort keys that begin with {@code prefix} (skipped when null): a search over a bounded key range. */
    public IndexQuery sortBeginsWith(String prefix) {
        this.sortPrefix = prefix;
        return this;
    }

    /** In ascending sort-key order (e.g. by name) instead of newest first. */
    public IndexQuery ascending() {
        this.ascending = true;
        return this;
    }

    /** {@code attribute} exists ({@code true}) or not ({@code false}), skipped when null. */
    public IndexQuery whereExists(String attribute, Boolean exists) {
        if (exists != null) {
            int n = filters.size();
            names.put("#f" + n, attribute);
            filters.add((exists ? "attribute_exists(#f" : "attribute_not_exists(#f") + n + ")");
        }
        return this;
    }

    /** {@code contains(attribute, value)} (a member of a set), skipped when value is null. */
    public IndexQuery whereContains(String attribute, String value) {
        if (value != null) {
            int n = filters.size();
            names.put("#f" + n, attribute);
            values.put(":f" + n, AttributeValue.fromS(value));
            filters.add("contains(#f" + n + ", :f" + n + ")");
        }
        return this;
    }

    /** {@code attribute = value}, skipped when value is null. */
    public IndexQuery whereEquals(String attribute, String value) {
        return where(attribute, "=", value);
    }

    /** {@code attribute < value}, skipped when value is null. */
    public IndexQuery whereBelow(String attribute, String value) {
        return where(attribute, "<", value);
    }

    /** {@code attribute IN (values…)}. */
    public IndexQuery whereIn(String attribute, List<String> options) {
        int n = filters.size();
        List<String> placeholders = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            placeholders.add(":f" + n + "_" + i);
            values.put(":f" + n + "_" + i, AttributeValue.fromS(options.get(i)));
        }
        names.put("#f" + n, attribute);
        filters.add("#f" + n + " IN (" + String.join(", ", placeholders) + ")");
        return this;
    }

    private IndexQuery where(String attribute, String operator, String value) {
        if (value != null) {
            int n = filters.size();
            names.put("#f" + n, attribute);
            values.put(":f" + n, AttributeValue.fromS(value));
            filters.add("#f" + n + " " + operator + " :f" + n);
        }
        return this;
    }

    /** Up to {@code limit} matching items after {@code start}, and the position after them (null: the end). */
    public record Filled(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> next) {}

    /**
     * Up to {@code limit} matching items after {@code start} (null: from the newest). A filter may drop most of what a
     * query reads, so it reads on, each read larger than the last, until the page is full or the index partition
     * ends: an empty page is the end, never a page with a next position. The first read evaluates {@code limit} items,
     * as an unfiltered page needs.
     */
    public Filled fill(DynamoDbClient dynamo, String table, int limit, Map<String, AttributeValue> start) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> from = start;
        int read = limit;
        while (true) {
            QueryResponse response = page(dynamo, table, read, from);
            Map<String, AttributeValue> last = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            for (Map<String, AttributeValue> item : response.items()) {
                items.add(item);
                if (items.size() == limit) {
                    boolean more = item != response.items().get(response.items().size() - 1) || last != null;
                    return new Filled(items, more ? position(item) : null);
                }
            }
            if (last == null) {
                return new Filled(items, null);
            }
            from = last;
            read = Math.min(read * 4, MAX_READ);
        }
    }

    /** The {@code ExclusiveStartKey} that continues after {@code item}: its table key and its key in the index. */
    private Map<String, AttributeValue> position(Map<String, AttributeValue> item) {
        return Map.of(Keys.PK, item.get(Keys.PK), Keys.SK, item.get(Keys.SK),
                index + "PK", item.get(index + "PK"), index + "SK", item.get(index + "SK"));
    }

    private QueryResponse page(DynamoDbClient dynamo, String table, Integer limit, Map<String, AttributeValue> start) {
        Map<String, String> allNames = new HashMap<>(names);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allNames.put("#pk", index + "PK");
        allValues.put(":pk", AttributeValue.fromS(partition));
        String keyCondition = "#pk = :pk";
        if (sortBelow != null) {
            allNames.put("#sk", index + "SK");
            allValues.put(":sk", AttributeValue.fromS(sortBelow));
            keyCondition += " AND #sk < :sk";
        } else if (sortPrefix != null) {
            allNames.put("#sk", index + "SK");
            allValues.put(":sk", AttributeValue.fromS(sortPrefix));
            keyCondition += " AND begins_with(#sk, :sk)";
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(keyCondition).expressionAttributeNames(allNames)
                .expressionAttributeValues(allValues).scanIndexForward(ascending);
        if (!filters.isEmpty()) {
            query.filterExpression(String.join(" AND ", filters));
        }
        if (limit != null) {
            query.limit(limit);
        }
        if (start != null) {
            query.exclusiveStartKey(start);
        }
        return dynamo.query(query.build());
    }

    /** Every matching item, page after page (for background work, never a request path list). */
    public List<Map<String, AttributeValue>> all(DynamoDbClient dynamo, String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = page(dynamo, table, null, start);
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
