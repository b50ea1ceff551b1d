package cn.bijie.innovation.bench.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The reference program, the yardstick of every cold start: an SDK v2 DynamoDB client (url-connection client,
 * explicit region and credentials), one {@code GetItem} against the emulator, one Jackson write. Built alone into
 * {@code target/reference.jar} and run in a fresh JVM by the suite, in the same run as the functions.
 *
 * <p>Environment: {@code AWS_ENDPOINT_URL}, {@code TABLE_NAME}, {@code AWS_REGION}, {@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}.
 */
public final class ReferenceProgram {
    private ReferenceProgram() {}

    public static void main(String[] args) throws Exception {
        DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(Region.of(System.getenv("AWS_REGION")))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        System.getenv("AWS_ACCESS_KEY_ID"), System.getenv("AWS_SECRET_ACCESS_KEY"))))
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL")))
                .build();
        GetItemResponse response = dynamo.getItem(r -> r.tableName(System.getenv("TABLE_NAME")).key(Map.of(
                "PK", AttributeValue.fromS("ORG#reference"), "SK", AttributeValue.fromS("PROFILE"))));
        String json = new ObjectMapper().writeValueAsString(Map.of("found", response.hasItem()));
        System.out.println("@bench " + json);
    }
}
