package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.errors.DomainException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The writes of one request, assembled by the service that owns the change and committed as one
 * {@code TransactWriteItems}. Each conditional write says which failure its condition stands for, so a cancelled
 * transaction becomes the right {@link DomainException} and nothing is half-written.
 */
public final class WriteTransaction {
    private final String table;
    private final List<TransactWriteItem> items = new ArrayList<>();
    private final List<Function<Map<String, AttributeValue>, ? extends DomainException>> failures = new ArrayList<>();
    /** Audit entries, chained when the transaction commits ({@link AuditChains}). */
    private final List<Map<String, AttributeValue>> audits = new ArrayList<>();

    public WriteTransaction(String table) {
        this.table = table;
    }

    public WriteTransaction put(Map<String, AttributeValue> item, Condition condition,
            Supplier<? extends DomainException> onConditionFailed) {
        if (AuditMapper.unchained(item)) {
            // its position and links depend on the chain's head at commit time; its own condition is the chain's
            audits.add(item);
            return this;
        }
        return putNaming(item, condition, onConditionFailed == null ? null : existing -> onConditionFailed.get());
    }

    /** A put whose failure names what stands in its way: {@code onConditionFailed} gets the item found there. */
    public WriteTransaction putNaming(Map<String, AttributeValue> item, Condition condition,
            Function<Map<String, AttributeValue>, ? extends DomainException> onConditionFailed) {
        Put.Builder put = Put.builder().tableName(table).item(item)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (condition.expression() != null) {
            put.conditionExpression(condition.expression());
            if (!condition.names().isEmpty()) {
                put.expressionAttributeNames(condition.names());
            }
            if (!condition.values().isEmpty()) {
                put.expressionAttributeValues(condition.values());
            }
        }
        return add(TransactWriteItem.builder().put(put.build()).build(), onConditionFailed);
    }

    /**
     * An update; {@code names}/{@code values} serve both the update and the condition expression, so they must not
     * reuse the placeholders {@code #c}/{@code :c} of {@link Condition#equals}.
     */
    public WriteTransaction update(Map<String, AttributeValue> key, String updateExpression, Map<String, String> names,
            Map<String, AttributeValue> values, Condition condition, Supplier<? extends DomainException> onConditionFailed) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.putAll(condition.names());
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.putAll(condition.values());
        Update.Builder update = Update.builder().tableName(table).key(key).updateExpression(updateExpression)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        if (condition.expression() != null) {
            update.conditionExpression(condition.expression());
        }
        if (!allNames.isEmpty()) {
            update.expressionAttributeNames(allNames);
        }
        if (!allValues.isEmpty()) {
            update.expressionAttributeValues(allValues);
        }
        return add(TransactWriteItem.builder().update(update.build()).build(), onConditionFailed);
    }

    /** A delete under a condition (e.g. the item still names what the request read). */
    public WriteTransaction delete(Map<String, AttributeValue> key, Condition condition,
            Supplier<? extends DomainException> onConditionFailed) {
        Delete.Builder delete = Delete.builder().tableName(table).key(key);
        if (condition.expression() != null) {
            delete.conditionExpression(condition.expression());
            if (!condition.names().isEmpty()) {
                delete.expressionAttributeNames(condition.names());
            }
            if (!condition.values().isEmpty()) {
                delete.expressionAttributeValues(condition.values());
            }
        }
        return add(TransactWriteItem.builder().delete(delete.build()).build(), onConditionFailed);
    }

    /** A condition on an item this request does not change (e.g. the organisation's profile exists). */
    public WriteTransaction check(Map<String, AttributeValue> key, Condition condition,
            Supplier<? extends DomainException> onConditionFailed) {
        ConditionCheck.Builder check = ConditionCheck.builder().tableName(table).key(key)
                .conditionExpression(condition.expression());
        if (!condition.names().isEmpty()) {
            check.expressionAttributeNames(condition.names());
        }
        if (!condition.values().isEmpty()) {
            check.expressionAttributeValues(condition.values());
        }
        return add(TransactWriteItem.builder().conditionCheck(check.build()).build(), onConditionFailed);
    }

    private WriteTransaction add(TransactWriteItem item, Supplier<? extends DomainException> onConditionFailed) {
        return add(item, onConditionFailed == null ? null
                : (Function<Map<String, AttributeValue>, ? extends DomainException>) existing -> onConditionFailed.get());
    }

    private WriteTransaction add(TransactWriteItem item,
            Function<Map<String, AttributeValue>, ? extends DomainException> onConditionFailed) {
        items.add(item);
        failures.add(onConditionFailed);
        return this;
    }

    public String table() {
        return table;
    }

    List<TransactWriteItem> items() {
        return items;
    }

    /** The audit entries to chain at commit, in the order they were put. */
    List<Map<String, AttributeValue>> audits() {
        return audits;
    }

    /**
     * The failure that the condition of write {@code index} stands for, given the item found there (empty when none),
     * or null where none was declared.
     */
    Function<Map<String, AttributeValue>, ? extends DomainException> failureAt(int index) {
        return failures.get(index);
    }

    public int size() {
        return items.size();
    }
}
