package cn.bijie.innovation.shared.testing;

import cn.bijie.innovation.local.EmulatorStack;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The system's resources in a test JVM's own MiniStack, created from template.yaml by the local runner's code, and
 * each function's environment as the template gives it — so an in-process handler is wired exactly as on Lambda.
 */
public final class TestStack {
    /**
     * A page-token key for tests that build a {@code PageToken} without a stack (test-only: a function reads its key
     * from the stack's generated secret, {@code PAGE_TOKEN_SECRET_ARN}).
     */
    public static final String PAGE_TOKEN_SECRET = "test-only page-token key, at least 32 characters long";

    private static TestStack shared;

    private final MiniStack miniStack;
    private EmulatorStack stack;

    private TestStack(MiniStack miniStack, EmulatorStack stack) {
        this.miniStack = miniStack;
        this.stack = stack;
    }

    /** The stack of this test JVM, created on first use. */
    public static synchronized TestStack shared() {
        if (shared == null) {
            MiniStack miniStack = MiniStack.shared();
            shared = new TestStack(miniStack, create(miniStack));
        }
        return shared;
    }

    /**
     * Empties the emulator and creates the template's resources again: for tests of a job that reads the whole table
     * (the reminder run), which must not meet other tests' items, run state or mail.
     */
    public synchronized TestStack reset() {
        miniStack.reset();
        stack.close();
        stack = create(miniStack);
        return this;
    }

    private static EmulatorStack create(MiniStack miniStack) {
        try {
            return EmulatorStack.create(ProjectRoot.path().resolve("template.yaml"), miniStack.endpoint(), "test",
                    Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public MiniStack miniStack() {
        return miniStack;
    }

    /** The environment of function {@code logicalId}, e.g. {@code TABLE_NAME}. */
    public Map<String, String> environment(String logicalId) {
        return stack.environment(logicalId);
    }

    /** Function {@code logicalId}'s configuration, e.g. for {@link AwsClients} against this MiniStack. */
    public Config config(String logicalId) {
        return new Config(environment(logicalId));
    }

    /** The SDK clients as function {@code logicalId} builds them, against this MiniStack. */
    public AwsClients clients(String logicalId) {
        return new AwsClients(config(logicalId));
    }

    public String table() {
        return stack.physicalName("Table");
    }

    public String bucket() {
        return stack.physicalName("DocumentBucket");
    }

    /** A DynamoDB client on this MiniStack, with optional interceptors (e.g. a call counter). */
    public DynamoDbClient dynamoDb(ExecutionInterceptor... interceptors) {
        return clients("OrganizationsFunction").dynamoDb(interceptors);
    }

    /** How many items the table holds: tests prove that a refused request wrote nothing. */
    public int countItems(DynamoDbClient dynamo) {
        int count = 0;
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> start = null;
        do {
            var finalStart = start;
            var page = dynamo.scan(r -> r.tableName(table()).select("COUNT").exclusiveStartKey(finalStart));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }
}
