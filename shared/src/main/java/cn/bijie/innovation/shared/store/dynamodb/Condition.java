package cn.bijie.innovation.shared.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A condition expression with its name and value maps. */
public record Condition(String expression, Map<String, String> names, Map<String, AttributeValue> values) {

    public static final Condition NONE = new Condition(null, Map.of(), Map.of());

    /** The item must not exist yet. */
    public static Condition absent() {
        return new Condition("attribute_not_exists(PK)", Map.of(), Map.of());
    }

    /** The item must exist. */
    public static Condition present() {
        return new Condition("attribute_exists(PK)", Map.of(), Map.of());
    }

    /** The item exists and {@code attribute} equals {@code value}. */
    public static Condition equals(String attribute, AttributeValue value) {
        return new Condition("#c = :c", Map.of("#c", attribute), Map.of(":c", value));
    }
}
