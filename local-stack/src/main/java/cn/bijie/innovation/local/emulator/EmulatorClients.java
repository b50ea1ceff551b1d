package cn.bijie.innovation.local.emulator;

import cn.bijie.innovation.local.template.StackContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The runner's own SDK clients, all pointed at the emulator with its dummy credentials; built once, shared. */
public final class EmulatorClients implements AutoCloseable {
    final DynamoDbClient dynamoDb;
    public final DynamoDbStreamsClient streams;
    public final S3Client s3;
    final SesV2Client ses;
    final SecretsManagerClient secrets;
    public final SqsClient sqs;
    private final SdkHttpClient http;

    public EmulatorClients(StackContext stack) {
        http = UrlConnectionHttpClient.create();
        dynamoDb = configure(DynamoDbClient.builder(), stack).httpClient(http).build();
        streams = configure(DynamoDbStreamsClient.builder(), stack).httpClient(http).build();
        s3 = configure(S3Client.builder(), stack).httpClient(http).forcePathStyle(true).build();
        ses = configure(SesV2Client.builder(), stack).httpClient(http).build();
        secrets = configure(SecretsManagerClient.builder(), stack).httpClient(http).build();
        sqs = configure(SqsClient.builder(), stack).httpClient(http).build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, StackContext stack) {
        return builder.endpointOverride(stack.endpoint())
                .region(Region.of(stack.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
    }

    @Override
    public void close() {
        dynamoDb.close();
        streams.close();
        s3.close();
        ses.close();
        secrets.close();
        sqs.close();
        http.close();
    }
}
