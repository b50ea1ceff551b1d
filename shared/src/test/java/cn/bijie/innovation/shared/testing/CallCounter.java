package cn.bijie.innovation.shared.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS SDK calls a client makes: "one DynamoDB call per write request", measured. One entry per API call,
 * however many HTTP attempts its retries took; presigning a URL is no call and never shows up.
 */
public final class CallCounter implements ExecutionInterceptor {
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** The operation names since the last {@link #reset()}, in order, e.g. {@code TransactWriteItems}. */
    public List<String> operations() {
        return calls.stream().map(call -> call.substring(call.indexOf('.') + 1)).toList();
    }

    /** The calls with their service, e.g. {@code DynamoDb.TransactWriteItems}, {@code S3.HeadObject}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls to one service ({@code "DynamoDb"}, {@code "S3"}) since the last {@link #reset()}. */
    public List<String> calls(String service) {
        return calls.stream().filter(call -> call.startsWith(service + ".")).toList();
    }

    public int count() {
        return calls.size();
    }

    public void reset() {
        calls.clear();
    }
}
