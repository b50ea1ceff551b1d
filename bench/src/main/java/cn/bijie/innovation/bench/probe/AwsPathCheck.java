package cn.bijie.innovation.bench.probe;

import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Runs beside a deployment jar (in its class loader): each service client the way it runs on AWS — no endpoint
 * override, so endpoints come from the SDK's own rules — up to the moment the signed request would leave the machine,
 * offline. Proves that what the shade configuration leaves out of the jars (docs/PERFORMANCE.md) is not needed there.
 * Each service has its own nested class, loaded only when that service is in the jar.
 */
public final class AwsPathCheck {
    static final Region REGION = Region.CN_NORTHWEST_1;
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("check", "check"));

    private AwsPathCheck() {}

    /** Thrown just before transmission, carrying the signed request's URL. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped(String url) {
            super(url, null, false, false);
        }
    }

    static ClientOverrideConfiguration stopBeforeTransmission() {
        return ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(30))
                .addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                        throw new Stopped(context.httpRequest().getUri().toString());
                    }
                }).build();
    }

    /** The URL the call would have gone to; anything else (a missing class, say) is thrown. */
    static String urlOf(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof Stopped stopped) {
                    return stopped.getMessage();
                }
            }
            throw e;
        }
        throw new IllegalStateException("the call was not stopped before transmission");
    }

    /** DynamoDB {@code GetItem}. */
    public static final class DynamoDb {
        private DynamoDb() {}

        public static String check() {
            try (var client = software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().region(REGION)
                    .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(stopBeforeTransmission()).build()) {
                return urlOf(() -> client.getItem(r -> r.tableName("t").key(Map.of(
                        "PK", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x")))));
            }
        }
    }

    /** S3 presigned {@code PUT} and {@code GET} (offline by nature) and a {@code HeadObject}. */
    public static final class S3 {
        private S3() {}

        public static String check() {
            try (var presigner = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder().region(REGION)
                    .credentialsProvider(CREDENTIALS).build();
                    var client = software.amazon.awssdk.services.s3.S3Client.builder().region(REGION)
                            .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                            .overrideConfiguration(stopBeforeTransmission()).build()) {
                String put = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(15))
                        .putObjectRequest(o -> o.bucket("b").key("k").contentType("application/pdf")
                                .contentLength(1L))).url().toString();
                String get = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(15))
                        .getObjectRequest(o -> o.bucket("b").key("k"))).url().toString();
                String head = urlOf(() -> client.headObject(r -> r.bucket("b").key("k")));
                return put + " " + get + " " + head;
            }
        }
    }

    /** SES v2 {@code SendEmail}. */
    public static final class SesV2 {
        private SesV2() {}

        public static String check() {
            try (var client = software.amazon.awssdk.services.sesv2.SesV2Client.builder().region(REGION)
                    .credentialsProvider(CREDENTIALS).httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(stopBeforeTransmission()).build()) {
                return urlOf(() -> client.sendEmail(r -> r.fromEmailAddress("a@example.com")
                        .destination(d -> d.toAddresses("b@example.com"))
                        .content(c -> c.simple(m -> m.subject(s -> s.data("s")).body(b -> b.text(t -> t.data("b")))))));
            }
        }
    }
}
