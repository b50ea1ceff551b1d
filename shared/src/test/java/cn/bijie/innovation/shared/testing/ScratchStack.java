package cn.bijie.innovation.shared.testing;

import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import cn.bijie.innovation.shared.aws.AwsClients;

/** Interim: the table of docs/CONTRACTS.md on the test JVM's MiniStack, until the shared TestStack lands. */
public final class ScratchStack {
    public static final String TABLE = "Table";

    private ScratchStack() {}

    public static DynamoDbClient dynamo(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(MiniStack.shared().endpoint())
                .overrideConfiguration(AwsClients.overrides(interceptors)).build();
    }

    public static void createTable(DynamoDbClient dynamo) {
        List<String> indexes = List.of("GSI1", "GSI2", "GSI3");
        dynamo.createTable(t -> t.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(List.of("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK",
                        "DUEPK", "DUESK").stream().map(n -> AttributeDefinition.builder().attributeName(n)
                        .attributeType(ScalarAttributeType.S).build()).toList())
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH),
                        k -> k.attributeName("SK").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(java.util.stream.Stream.concat(indexes.stream().map(i -> index(i, i + "PK",
                        i + "SK")), java.util.stream.Stream.of(index("DueIndex", "DUEPK", "DUESK"))).toList()));
    }

    private static GlobalSecondaryIndex index(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(k -> k.attributeName(pk).keyType(KeyType.HASH),
                        k -> k.attributeName(sk).keyType(KeyType.RANGE))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }
}
