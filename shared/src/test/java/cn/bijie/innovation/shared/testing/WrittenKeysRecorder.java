package cn.bijie.innovation.shared.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Records which partition keys each function really writes, for the {@code dynamodb:LeadingKeys} conditions of
 * template.yaml (e2e {@code LeadingKeysIT} holds every line against the writing function's condition). A global SDK
 * interceptor (listed in {@code software/amazon/awssdk/global/handlers/execution.interceptors} of the shared test
 * jar), so every client of every test JVM has it; it writes a line only for a call made inside a function handler's
 * {@code handleRequest} (fixtures seeding the table are not the function), to {@code target/written-keys.tsv} of
 * the module under test: {@code <handler class> TAB <IAM action> TAB <PK>}.
 */
public final class WrittenKeysRecorder implements ExecutionInterceptor {
    public static final String FILE = "written-keys.tsv";
    private static final String FUNCTIONS_PACKAGE = "cn.bijie.innovation.functions.";

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<String[]> writes = writes(context.request());
        if (writes.isEmpty()) {
            return;
        }
        String handler = handlerOnStack();
        if (handler == null) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (String[] write : writes) {
            lines.append(handler).append('\t').append(write[0]).append('\t').append(write[1]).append('\n');
        }
        append(lines.toString());
    }

    /** (IAM action, PK) of every item the request writes. */
    static List<String[]> writes(SdkRequest request) {
        List<String[]> out = new ArrayList<>();
        if (request instanceof PutItemRequest put) {
            out.add(write("dynamodb:PutItem", put.item()));
        } else if (request instanceof UpdateItemRequest update) {
            out.add(write("dynamodb:UpdateItem", update.key()));
        } else if (request instanceof DeleteItemRequest delete) {
            out.add(write("dynamodb:DeleteItem", delete.key()));
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    out.add(write("dynamodb:PutItem", item.put().item()));
                } else if (item.update() != null) {
                    out.add(write("dynamodb:UpdateItem", item.update().key()));
                } else if (item.delete() != null) {
                    out.add(write("dynamodb:DeleteItem", item.delete().key()));
                }
            }
        } else if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().values().forEach(requests -> requests.forEach(r -> out.add(r.putRequest() != null
                    ? write("dynamodb:PutItem", r.putRequest().item())
                    : write("dynamodb:DeleteItem", r.deleteRequest().key()))));
        }
        return out;
    }

    private static String[] write(String action, Map<String, AttributeValue> key) {
        AttributeValue pk = key.get("PK");
        return new String[] {action, pk == null ? "" : pk.s()};
    }

    /** The function handler whose {@code handleRequest} this call runs in, or null. */
    private static String handlerOnStack() {
        for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
            if (frame.getClassName().startsWith(FUNCTIONS_PACKAGE) && frame.getMethodName().equals("handleRequest")) {
                return frame.getClassName();
            }
        }
        return null;
    }

    private static synchronized void append(String lines) {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return;
        }
        try {
            Files.writeString(target.resolve(FILE), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot record written keys in " + target.resolve(FILE), e);
        }
    }
}
