package cn.bijie.innovation.shared.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Counts the AWS SDK calls a client makes, by operation name: "one DynamoDB call per write request", measured. */
public final class CallCounter implements ExecutionInterceptor {
    private final List<String> operations = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    public List<String> operations() {
        return List.copyOf(operations);
    }

    public int count() {
        return operations.size();
    }

    public void reset() {
        operations.clear();
    }
}
