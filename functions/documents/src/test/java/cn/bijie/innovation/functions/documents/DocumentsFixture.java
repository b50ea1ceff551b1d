package cn.bijie.innovation.functions.documents;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.aws.S3DocumentStorage;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.store.dynamodb.DynamoApplicationStore;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.testing.ApiEvents;
import cn.bijie.innovation.shared.testing.CallCounter;
import cn.bijie.innovation.shared.testing.TestData;
import cn.bijie.innovation.shared.testing.TestStack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The documents handler wired as in Lambda (the clients of {@code AwsClients}, configured as template.yaml configures
 * DocumentsFunction) against the test JVM's stack; two fresh organisations and helpers to make their applications.
 */
class DocumentsFixture {
    final TestStack stack = TestStack.shared();
    final Config config = stack.config("DocumentsFunction");
    final AwsClients clients = new AwsClients(config);
    final CallCounter counter = new CallCounter();
    final DynamoDbClient dynamo = clients.dynamoDb(counter);
    final S3Client s3 = clients.s3(counter);
    final PageToken tokens = new PageToken(PageTokenSecret.of(config));
    final DynamoApplicationStore applications = new DynamoApplicationStore(dynamo, stack.table(), 10);
    final DocumentsHandler handler = new DocumentsHandler(DocumentsHandler.service(dynamo, stack.table(), tokens,
            new S3DocumentStorage(s3, clients.s3Presigner(), config.require("BUCKET_NAME"))));
    final String own = TestData.newUscc();
    final String other = TestData.newUscc();

    DocumentsFixture() {
        TestData.profile(dynamo, stack.table(), own, "520502");
        TestData.profile(dynamo, stack.table(), other, "520581");
    }

    /** A stored application of {@code uscc} in {@code status}; answers its id. */
    String application(String uscc, ApplicationStatus status) {
        String now = Instant.now().toString();
        Application application = new Application(SortableId.next(Clock.systemUTC()), ApplicationStatus.SUBMITTED,
                now, uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "某公司", "GR1", "2026-10-01", null, "520502", now,
                null, null);
        applications.create(application, 1000, "seed").commit(null);
        if (status != ApplicationStatus.SUBMITTED) {
            applications.change(application, application.withStatus(status, Instant.now().toString()), "SEED",
                    "seed").commit(null);
        }
        return application.applicationId();
    }

    ApiEvent declare(String applicationId, String fileName, byte[] bytes, String contentType) {
        return owner(ApiEvents.sample("create-document.json")).path("applicationId", applicationId)
                .header("idempotency-key", null)
                .bodyField("fileName", "\"" + fileName + "\"").bodyField("contentType", "\"" + contentType + "\"")
                .bodyField("sizeBytes", Integer.toString(bytes.length)).bodyField("sha256", "\"" + sha256(bytes) + "\"");
    }

    ApiEvent owner(ApiEvent event) {
        return event.as("u-" + own, own, "applicant");
    }

    static ApiEvent staff(ApiEvent event) {
        return event.as("u-staff", null, "staff");
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    int itemCount() {
        return stack.countItems(dynamo);
    }
}
