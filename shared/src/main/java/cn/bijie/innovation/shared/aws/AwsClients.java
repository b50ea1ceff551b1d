package cn.bijie.innovation.shared.aws;

import cn.bijie.innovation.shared.config.Config;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Builds SDK clients the way every function needs them: region, credentials and endpoint set explicitly (no provider
 * chain walk at cold start), the URL-connection HTTP client, and the standard {@code AWS_ENDPOINT_URL} override so the
 * same build runs against MiniStack, LocalStack or AWS. Everything comes from the function's {@link Config}.
 */
public final class AwsClients {
    private final Config config;

    public AwsClients(Config config) {
        this.config = config;
    }

    public Region region() {
        return Region.of(config.get("AWS_REGION", config.get("AWS_DEFAULT_REGION", "us-east-1")));
    }

    /** The emulator's endpoint, or null on AWS. */
    public URI endpoint() {
        String url = config.get("AWS_ENDPOINT_URL");
        return url == null ? null : URI.create(url);
    }

    /**
     * The S3 endpoint: the SDK's standard service-specific {@code AWS_ENDPOINT_URL_S3} when set (a test points S3 alone
     * at a dead port), else the general one.
     */
    URI s3Endpoint() {
        String url = config.get("AWS_ENDPOINT_URL_S3");
        return url == null ? endpoint() : URI.create(url);
    }

    /**
     * Static credentials from the environment when it has them (locally, or a plain Lambda); a SnapStart function gets
     * none there and fetches them from the container endpoint instead.
     */
    public AwsCredentialsProvider credentials() {
        String keyId = config.get("AWS_ACCESS_KEY_ID");
        String secret = config.get("AWS_SECRET_ACCESS_KEY");
        if (keyId == null || secret == null) {
            return ContainerCredentialsProvider.builder().build();
        }
        String token = config.get("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(token == null
                ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, token));
    }

    public DynamoDbClient dynamoDb(ExecutionInterceptor... interceptors) {
        return configured(DynamoDbClient.builder(), interceptors).build();
    }

    /**
     * The S3 client of the documents function (S3 is optional in {@code shared}: only a function that ships the S3
     * SDK may call this). Path-style addressing against an emulator, whose host has no bucket subdomains.
     */
    public S3Client s3(ExecutionInterceptor... interceptors) {
        URI endpoint = s3Endpoint();
        S3ClientBuilder builder = configured(S3Client.builder(), interceptors).forcePathStyle(endpoint != null);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** What every client of a function shares: region, credentials, the URL-connection client, the endpoint. */
    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder,
            ExecutionInterceptor... interceptors) {
        builder.region(region())
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(overrides(interceptors));
        URI endpoint = endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /** Signs S3 URLs locally, without a call; same region, credentials and addressing as {@link #s3}. */
    public S3Presigner s3Presigner() {
        var builder = S3Presigner.builder()
                .region(region())
                .credentialsProvider(credentials());
        URI endpoint = s3Endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build());
        }
        return builder.build();
    }

    /**
     * SES v2, for the function that sends mail (the SES SDK is in its jar only, so only it may call this). No SDK
     * retries: a send whose answer was lost would go out twice; the caller retries throttling itself, with backoff.
     */
    public SesV2Client sesV2(ExecutionInterceptor... interceptors) {
        return configured(SesV2Client.builder()).overrideConfiguration(overrides(interceptors).toBuilder()
                .retryStrategy(AwsRetryStrategy.doNotRetry()).build()).build();
    }

    /** Secrets Manager: the SMTP relay's credentials, the page-token secret (only a jar with that SDK may call this). */
    public SecretsManagerClient secretsManager(ExecutionInterceptor... interceptors) {
        return configured(SecretsManagerClient.builder(), interceptors).build();
    }

    public static ClientOverrideConfiguration overrides(ExecutionInterceptor... interceptors) {
        var config = ClientOverrideConfiguration.builder();
        for (ExecutionInterceptor interceptor : interceptors) {
            config.addExecutionInterceptor(interceptor);
        }
        return config.build();
    }
}
