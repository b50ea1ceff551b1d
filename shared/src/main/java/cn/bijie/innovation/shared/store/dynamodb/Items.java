package cn.bijie.innovation.shared.store.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small helpers to build and read low-level DynamoDB items. */
public final class Items {
    private Items() {}

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** A string attribute, or null when absent or NULL. */
    public static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    public static Long num(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? null : Long.parseLong(value.n());
    }

    public static boolean flag(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /** A query's {@code LastEvaluatedKey} as a paging position (every key attribute is a string); null at the end. */
    public static Map<String, String> position(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> position = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> position.put(name, value.s()));
        return position;
    }

    /** The {@code ExclusiveStartKey} of a paging position; null for the first page. */
    public static Map<String, AttributeValue> startKey(Map<String, String> position) {
        if (position == null) {
            return null;
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        position.forEach((name, value) -> key.put(name, s(value)));
        return key;
    }

    /** Puts a string attribute unless the value is null (DynamoDB has no use for empty attributes). */
    public static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
