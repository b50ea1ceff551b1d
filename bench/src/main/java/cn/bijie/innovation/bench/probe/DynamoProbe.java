package cn.bijie.innovation.bench.probe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
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
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * Counts every AWS SDK call of the functions it is loaded beside, and what each DynamoDB call read. Registered through
 * the SDK's global interceptor list ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in the probe
 * jar), so a function's own no-arg constructor picks it up without a line of its code knowing: the suite puts the probe
 * jar on the function's class loader and nowhere else.
 *
 * <p>Items read: a {@code GetItem} that found its item reads 1, a {@code Query} or {@code Scan} reads what it examined
 * ({@code ScannedCount}, before any filter), batch and transactional gets read what they returned. Consumed capacity is
 * asked for ({@code ReturnConsumedCapacity=TOTAL}) and recorded where the service answers with it.
 */
public final class DynamoProbe implements ExecutionInterceptor {
    private static final List<Map<String, Object>> CALLS = new ArrayList<>();

    /** The calls recorded since the last drain, oldest first; each {@code service, operation, itemsRead, capacity}. */
    public static synchronized List<Map<String, Object>> drain() {
        List<Map<String, Object>> calls = new ArrayList<>(CALLS);
        CALLS.clear();
        return calls;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof GetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof QueryRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof ScanRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof TransactWriteItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof TransactGetItemsRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        if (request instanceof BatchGetItemRequest r) {
            return r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
        }
        return request;
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, context.response());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, context.response().orElse(null));
    }

    private static void record(ExecutionAttributes attributes, SdkResponse response) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("service", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
        call.put("operation", attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        call.put("failed", response == null);
        call.put("itemsRead", itemsRead(response));
        call.put("capacity", capacity(response));
        synchronized (DynamoProbe.class) {
            CALLS.add(call);
        }
    }

    static int itemsRead(SdkResponse response) {
        if (response instanceof GetItemResponse r) {
            return r.hasItem() && !r.item().isEmpty() ? 1 : 0;
        }
        if (response instanceof QueryResponse r) {
            return r.scannedCount() == null ? r.count() : r.scannedCount();
        }
        if (response instanceof ScanResponse r) {
            return r.scannedCount() == null ? r.count() : r.scannedCount();
        }
        if (response instanceof BatchGetItemResponse r) {
            return r.responses().values().stream().mapToInt(List::size).sum();
        }
        if (response instanceof TransactGetItemsResponse r) {
            return (int) r.responses().stream().filter(item -> item.hasItem() && !item.item().isEmpty()).count();
        }
        return 0;
    }

    /** Total capacity units the service reported, or null when it reported none. */
    static Double capacity(SdkResponse response) {
        List<ConsumedCapacity> reported = new ArrayList<>();
        if (response instanceof GetItemResponse r) {
            reported.add(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            reported.add(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            reported.add(r.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse r) {
            reported.addAll(r.consumedCapacity());
        } else if (response instanceof TransactGetItemsResponse r) {
            reported.addAll(r.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse r) {
            reported.addAll(r.consumedCapacity());
        }
        double total = 0;
        boolean any = false;
        for (ConsumedCapacity capacity : reported) {
            if (capacity != null && capacity.capacityUnits() != null) {
                total += capacity.capacityUnits();
                any = true;
            }
        }
        return any ? total : null;
    }
}
