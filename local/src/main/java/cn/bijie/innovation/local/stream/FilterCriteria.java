package cn.bijie.innovation.local.stream;

import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.local.template.TemplateModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An event source mapping's {@code FilterCriteria}: a record goes to the function if any pattern matches it. Patterns are
 * EventBridge-style: nested objects follow the record, a leaf is an array of alternatives — exact values,
 * {"prefix":…}, {"exists":…}, {"anything-but":…}, {"numeric":[op, n, …]}.
 */
final class FilterCriteria {
    private final List<JsonNode> patterns;

    private FilterCriteria(List<JsonNode> patterns) {
        this.patterns = patterns;
    }

    static FilterCriteria none() {
        return new FilterCriteria(List.of());
    }

    /** From the event's resolved {@code FilterCriteria} property ({@code Filters: [{Pattern: '…json…'}]}). */
    static FilterCriteria fromTemplate(Object filterCriteria) {
        List<JsonNode> patterns = new ArrayList<>();
        for (Object filter : TemplateModel.list(TemplateModel.map(filterCriteria).get("Filters"))) {
            Object pattern = TemplateModel.map(filter).get("Pattern");
            try {
                patterns.add(pattern instanceof String text ? Json.MAPPER.readTree(text) : Json.MAPPER.valueToTree(pattern));
            } catch (IOException e) {
                throw new IllegalArgumentException("FilterCriteria pattern is not JSON: " + pattern, e);
            }
        }
        return new FilterCriteria(patterns);
    }

    boolean isEmpty() {
        return patterns.isEmpty();
    }

    boolean matches(JsonNode record) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> matchesObject(p, record));
    }

    private static boolean matchesObject(JsonNode pattern, JsonNode event) {
        for (Map.Entry<String, JsonNode> field : pattern.properties()) {
            JsonNode value = event == null ? null : event.get(field.getKey());
            JsonNode rule = field.getValue();
            boolean ok = rule.isObject() ? value != null && value.isObject() && matchesObject(rule, value)
                    : matchesLeaf(rule, value);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A leaf: alternatives against a value (a missing value only satisfies {"exists":false}). */
    private static boolean matchesLeaf(JsonNode alternatives, JsonNode value) {
        Iterable<JsonNode> rules = alternatives.isArray() ? alternatives : List.of(alternatives);
        for (JsonNode rule : rules) {
            if (rule.isObject() && rule.has("exists")) {
                boolean present = value != null && !value.isNull();
                if (present == rule.get("exists").asBoolean()) {
                    return true;
                }
                continue;
            }
            if (value == null) {
                continue;
            }
            if (value.isArray()) { // an array in the record matches when any element does
                for (JsonNode element : value) {
                    if (matchesRule(rule, element)) {
                        return true;
                    }
                }
            } else if (matchesRule(rule, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesRule(JsonNode rule, JsonNode value) {
        if (rule.isObject()) {
            if (rule.has("prefix")) {
                return value.isTextual() && value.asText().startsWith(rule.get("prefix").asText());
            }
            if (rule.has("anything-but")) {
                JsonNode excluded = rule.get("anything-but");
                if (excluded.isArray()) {
                    for (JsonNode e : excluded) {
                        if (same(e, value)) {
                            return false;
                        }
                    }
                    return true;
                }
                return !same(excluded, value);
            }
            if (rule.has("numeric")) {
                return numeric(rule.get("numeric"), value);
            }
            return false;
        }
        return same(rule, value);
    }

    private static boolean same(JsonNode rule, JsonNode value) {
        if (rule.isNull()) {
            return value.isNull();
        }
        if (rule.isNumber() && value.isNumber()) {
            return rule.decimalValue().compareTo(value.decimalValue()) == 0;
        }
        return rule.isValueNode() && value.isValueNode() && rule.asText().equals(value.asText())
                && rule.isTextual() == value.isTextual();
    }

    private static boolean numeric(JsonNode conditions, JsonNode value) {
        double number;
        try {
            number = value.isNumber() ? value.asDouble() : Double.parseDouble(value.asText());
        } catch (NumberFormatException e) {
            return false;
        }
        for (int i = 0; i + 1 < conditions.size(); i += 2) {
            double bound = conditions.get(i + 1).asDouble();
            boolean ok = switch (conditions.get(i).asText()) {
                case "=" -> number == bound;
                case "<" -> number < bound;
                case "<=" -> number <= bound;
                case ">" -> number > bound;
                case ">=" -> number >= bound;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
