package cn.bijie.innovation.shared.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the AWS SDK calls a client makes: add it to a client ({@code AwsClients.dynamoDb(counter)}), run one request,
 * read {@link #calls()}. One entry per API call ({@code "DynamoDb.TransactWriteItems"}), however many HTTP attempts
 * its retries took; presigning a URL is no call and never shows up.
 */
public final class CallCounter implements ExecutionInterceptor {
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    /** The calls since the last {@link #reset()}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The calls to one service ({@code "DynamoDb"}, {@code "S3"}) since the last {@link #reset()}. */
    public List<String> calls(String service) {
        return calls.stream().filter(call -> call.startsWith(service + ".")).toList();
    }

    public void reset() {
        calls.clear();
    }
}
