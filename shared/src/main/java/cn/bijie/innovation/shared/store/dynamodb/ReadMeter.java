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
 * Counts what a DynamoDB client reads: items (a query's {@code ScannedCount}, the item a get found) and the read
 * capacity DynamoDB reports, which it asks for on every read; and the calls, by operation. For a job whose cost must
 * follow its due items, the run logs these figures.
 */
public final class ReadMeter implements ExecutionInterceptor {
    private final LongAdder items = new LongAdder();
    private final DoubleAdder capacity = new DoubleAdder();
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        calls.computeIfAbsent(request.getClass().getSimpleName().replace("Request", ""), k -> new LongAdder())
                .increment();
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
        SdkResponse response = context.response();
        if (response instanceof QueryResponse q) {
            count(q.scannedCount(), q.consumedCapacity());
        } else if (response instanceof GetItemResponse g) {
            count(g.hasItem() && !g.item().isEmpty() ? 1 : 0, g.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse b) {
            count(b.responses().values().stream().mapToInt(List::size).sum(), null);
            b.consumedCapacity().forEach(c -> count(0, c));
        } else if (response instanceof ScanResponse s) {
            count(s.scannedCount(), s.consumedCapacity());
        }
    }

    private void count(Integer read, ConsumedCapacity consumed) {
        items.add(read == null ? 0 : read);
        if (consumed != null && consumed.capacityUnits() != null) {
            capacity.add(consumed.capacityUnits());
        }
    }

    public long itemsRead() {
        return items.sum();
    }

    public double readCapacityUnits() {
        return capacity.sum();
    }

    /** Calls made so far, by operation ({@code Query}, {@code GetItem}, {@code TransactWriteItems} …). */
    public Map<String, Long> calls() {
        Map<String, Long> snapshot = new TreeMap<>();
        calls.forEach((operation, n) -> snapshot.put(operation, n.sum()));
        return snapshot;
    }
}
