package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * The operators' scan of the table, a page at a time, resumable by a token (the last key read, base64 JSON: the
 * operator's own position, no secret). Only maintenance runs scan; no request path ever does.
 */
final class TableScan {
    /** Items one Scan call evaluates at most. */
    private static final int PAGE = 1000;

    private final DynamoDbClient dynamo;
    private final String table;

    TableScan(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * The items matching {@code filter} (placeholders {@code #type} for the type attribute and any in {@code names},
     * {@code values}), handed to {@code each} page by page from {@code token} until {@code limit} items were
     * evaluated; answers the token to go on from, or null at the end of the table. Strongly consistent.
     */
    String pages(String filter, Map<String, String> names, Map<String, AttributeValue> values, String token,
            int limit, Consumer<List<Map<String, AttributeValue>>> each) {
        Map<String, AttributeValue> start = open(token);
        int read = 0;
        do {
            Map<String, AttributeValue> from = start;
            int left = Math.min(limit - read, PAGE);
            ScanResponse page = dynamo.scan(s -> s.tableName(table).consistentRead(true).filterExpression(filter)
                    .expressionAttributeNames(names).expressionAttributeValues(values).exclusiveStartKey(from)
                    .limit(left));
            each.accept(page.items());
            read += page.scannedCount();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && read < limit);
        return issue(start);
    }

    static String issue(Map<String, AttributeValue> key) {
        Map<String, String> position = Items.position(key);
        return position == null ? null : Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(position).getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> open(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            Map<String, String> position = Json.MAPPER.readValue(Base64.getUrlDecoder().decode(token),
                    new TypeReference<Map<String, String>>() {});
            return Items.startKey(position);
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("nextToken is not one a maintenance run issued", e);
        }
    }
}
