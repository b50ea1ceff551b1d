package cn.bijie.innovation.functions.imports;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.testing.ApiEvents;
import cn.bijie.innovation.shared.testing.ApiEvents.Claims;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import cn.bijie.innovation.shared.testing.TestStack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Both import handlers wired as in Lambda (template.yaml's environment) against the test stack: the routes declare
 * an import, the S3 event of its uploaded file runs it. (Their writes are recorded for LeadingKeysIT.)
 */
class ImportRecognitionsIT {
    final TestStack stack = TestStack.shared();
    final ImportsHandler routes = new ImportsHandler(stack.environment("ImportsFunction"));
    final ImportRecognitionsHandler run = new ImportRecognitionsHandler(
            stack.environment("ImportRecognitionsFunction"));

    @Test
    void theSampleList_uploaded_isImported_andAnEventOfAnotherKeyDoesNothing() throws Exception {
        byte[] list = Files.readAllBytes(ProjectRoot.path().resolve("events/lists/gz-platforms-2025.xlsx"));
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(list));
        ApiEvent.Answer created = ApiEvents.event("POST /imports", Claims.of("staff"), """
                {"batchName":"贵州省2025年创新平台","fileName":"gz-platforms-2025.xlsx","sizeBytes":%d,"sha256":"%s"}"""
                .formatted(list.length, sha256)).invoke(routes);
        assertThat(created.status()).as(created.rawBody()).isEqualTo(201);
        String importId = created.body().path("importId").asText();
        String bucket = stack.bucket();
        new AwsClients(stack.config("ImportsFunction")).s3().putObject(p -> p.bucket(bucket)
                .key("imports/" + importId), RequestBody.fromBytes(list));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run.handleRequest(new java.io.ByteArrayInputStream(s3Event(bucket, "imports/" + importId)), out, null);

        ApiEvent.Answer done = ApiEvents.event("GET /imports/{importId}", Claims.of("supervisor"), null, importId)
                .invoke(routes);
        assertThat(done.body().path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.body().path("counts").path("recorded").asInt()).isPositive();
        assertThat(done.body().path("counts").path("outside").asInt()).isPositive();
        assertThat(done.body().path("counts").path("organizationsCreated").asInt())
                .isEqualTo(done.body().path("counts").path("recorded").asInt());
        String sample = Files.readString(ProjectRoot.path().resolve("events/import-recognitions.json"));
        run.handleRequest(new java.io.ByteArrayInputStream(sample.getBytes(StandardCharsets.UTF_8)), out, null);
    }

    static byte[] s3Event(String bucket, String key) {
        return """
                {"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"%s"},"object":{"key":"%s"}}}]}"""
                .formatted(bucket, key).getBytes(StandardCharsets.UTF_8);
    }
}
