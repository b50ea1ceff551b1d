package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.testing.MiniStack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * A table with the keys and indexes of docs/CONTRACTS.md on the test JVM's MiniStack, one per test class, and a
 * client that counts the DynamoDB calls it makes (to measure calls per request).
 */
public final class ItTable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public final DynamoDbClient dynamo;
    public final String name;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private ItTable(DynamoDbClient dynamo, String name) {
        this.dynamo = dynamo;
        this.name = name;
    }

    public static ItTable create() {
        MiniStack miniStack = MiniStack.shared();
        ItTable[] self = new ItTable[1];
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                self[0].calls.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                        k -> new AtomicInteger()).incrementAndGet();
            }
        };
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(miniStack.endpoint())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(counter))
                .build();
        String name = "it-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        self[0] = new ItTable(dynamo, name);
        List<String> attributes = List.of("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK",
                "DUEPK", "DUESK");
        dynamo.createTable(t -> t.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes.stream().map(a -> AttributeDefinition.builder().attributeName(a)
                        .attributeType(ScalarAttributeType.S).build()).toList())
                .keySchema(key("PK", "SK"))
                .globalSecondaryIndexes(index("GSI1"), index("GSI2"), index("GSI3"),
                        GlobalSecondaryIndex.builder().indexName(DueIndex.NAME).keySchema(key("DUEPK", "DUESK"))
                                .projection(p -> p.projectionType(ProjectionType.ALL)).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        return self[0];
    }

    private static GlobalSecondaryIndex index(String name) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(name + "PK", name + "SK"))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static List<KeySchemaElement> key(String hash, String range) {
        return List.of(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(range).keyType(KeyType.RANGE).build());
    }

    /** The calls made since the last {@link #resetCalls()}, by operation (e.g. {@code TransactWriteItems}). */
    public Map<String, Integer> calls() {
        Map<String, Integer> snapshot = new java.util.TreeMap<>();
        calls.forEach((operation, count) -> snapshot.put(operation, count.get()));
        return snapshot;
    }

    public void resetCalls() {
        calls.clear();
    }

    /** One item, or an empty map. */
    public Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key) {
        var item = dynamo.getItem(r -> r.tableName(name).key(key).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }
}
