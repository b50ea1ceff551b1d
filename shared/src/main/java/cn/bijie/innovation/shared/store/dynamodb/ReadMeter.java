package cn.bijie.innovation.shared.store.dynamodb;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Counts what a DynamoDB client reads: items (a query's {@code ScannedCount}, the item a get found, what a batch
 * returned) and the read capacity DynamoDB reports, which it asks for on every read; and every call, by operation
 * and index ({@code "Query DueIndex"}, {@code "GetItem"}, {@code "TransactWriteItems"} …). A job whose cost must
 * follow its due items logs these figures.
 */
public final class ReadMeter implements ExecutionInterceptor {
    private static final ExecutionAttribute<String> OPERATION = new ExecutionAttribute<>("ReadMeter.operation");

    private final DoubleAdder capacity = new DoubleAdder();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> items = new ConcurrentHashMap<>();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String operation = request.getClass().getSimpleName().replace("Request", "");
        if (request instanceof QueryRequest q && q.indexName() != null) {
            operation += " " + q.indexName();
        } else if (request instanceof ScanRequest s && s.indexName() != null) {
            operation += " " + s.indexName();
        }
        attributes.putAttribute(OPERATION, operation);
        calls.computeIfAbsent(operation, k -> new LongAdder()).increment();
        if (request instanceof QueryRequest q) {
            return q.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof GetItemRequest g) {
            return g.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof BatchGetItemRequest b) {
            return b.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof ScanRequest s) {
            return s.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(OPERATION);
        SdkResponse response = context.response();
        if (response instanceof QueryResponse q) {
            count(operation, q.scannedCount(), q.consumedCapacity());
        } else if (response instanceof GetItemResponse g) {
            count(operation, g.hasItem() && !g.item().isEmpty() ? 1 : 0, g.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse b) {
            count(operation, b.responses().values().stream().mapToInt(List::size).sum(), null);
            b.consumedCapacity().forEach(c -> count(operation, 0, c));
        } else if (response instanceof ScanResponse s) {
            count(operation, s.scannedCount(), s.consumedCapacity());
        }
    }

    private void count(String operation, Integer read, ConsumedCapacity consumed) {
        items.computeIfAbsent(operation, k -> new LongAdder()).add(read == null ? 0 : read);
        if (consumed != null && consumed.capacityUnits() != null) {
            capacity.add(consumed.capacityUnits());
        }
    }

    /** Items read so far, by every read operation. */
    public long itemsRead() {
        return items.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Items read so far, by operation and index. */
    public Map<String, Long> itemsReadBy() {
        return snapshot(items);
    }

    public double readCapacityUnits() {
        return capacity.sum();
    }

    /** Calls made so far, by operation and index. */
    public Map<String, Long> calls() {
        return snapshot(calls);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((operation, n) -> snapshot.put(operation, n.sum()));
        return snapshot;
    }
}
