package cn.bijie.innovation.functions.documents;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Env;
import cn.bijie.innovation.shared.documents.S3DocumentStorage;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.store.dynamodb.DynamoApplicationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.testing.ApiEvent;
import cn.bijie.innovation.shared.testing.CallCounter;
import cn.bijie.innovation.shared.testing.MiniStack;
import cn.bijie.innovation.shared.testing.ScratchStack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The documents handler wired as in Lambda (the clients of {@code AwsClients}, configured through {@code Env}) against
 * the test JVM's MiniStack: an empty table and bucket, two organisations, and helpers to make applications.
 */
class DocumentsFixture {
    static final String OWN = "91520500MA6DKQ5X35";
    static final String OTHER = "91520581MA6H12345G";
    static final String BUCKET = "documents";
    static final String SECRET = "test-page-token-secret-of-at-least-32-chars";

    final CallCounter counter = new CallCounter();
    final DynamoDbClient dynamo;
    final S3Client s3;
    final DocumentsHandler handler;
    final DynamoApplicationStore applications;

    DocumentsFixture() {
        MiniStack.shared().reset();
        Env.use(Map.of("AWS_ENDPOINT_URL", MiniStack.shared().endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test"));
        dynamo = AwsClients.dynamoDb(counter);
        s3 = AwsClients.s3(counter);
        ScratchStack.createTable(dynamo);
        s3.createBucket(b -> b.bucket(BUCKET));
        PageToken tokens = new PageToken(SECRET);
        applications = new DynamoApplicationStore(dynamo, ScratchStack.TABLE, tokens, 10);
        handler = new DocumentsHandler(DocumentsHandler.service(dynamo, ScratchStack.TABLE, tokens,
                new S3DocumentStorage(s3, AwsClients.s3Presigner(), BUCKET)));
        for (String uscc : new String[] {OWN, OTHER}) {
            new DynamoOrganizationStore(dynamo, ScratchStack.TABLE).save(null, new Organization(uscc, "某公司",
                    "520502", "NEW_MATERIALS", "a@example.com", null, "2026-11-01T00:00:00Z"), "seed");
        }
    }

    /** A stored application of {@code uscc} in {@code status}; answers its id. */
    String application(String uscc, ApplicationStatus status) {
        String now = Instant.now().toString();
        Application application = new Application(SortableId.next(Clock.systemUTC()), ApplicationStatus.SUBMITTED,
                now, uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "某公司", "GR1", "2026-10-01", null, "520502", now,
                null, null);
        applications.create(application, "seed", null);
        if (status != ApplicationStatus.SUBMITTED) {
            applications.change(application, application.withStatus(status, Instant.now().toString()), "SEED",
                    "seed", null, 200);
        }
        return application.applicationId();
    }

    static ApiEvent declare(String applicationId, String fileName, byte[] bytes, String contentType) {
        return owner(ApiEvent.sample("create-document.json")).path("applicationId", applicationId)
                .header("idempotency-key", null)
                .bodyField("fileName", "\"" + fileName + "\"").bodyField("contentType", "\"" + contentType + "\"")
                .bodyField("sizeBytes", Integer.toString(bytes.length)).bodyField("sha256", "\"" + sha256(bytes) + "\"");
    }

    static ApiEvent owner(ApiEvent event) {
        return event.as("u-own", OWN, "applicant");
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
        return dynamo.scan(s -> s.tableName(ScratchStack.TABLE).select("COUNT")).count();
    }
}
