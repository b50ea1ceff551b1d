package cn.bijie.innovation.functions.documents;

import static cn.bijie.innovation.functions.documents.DocumentsFixture.pdf;
import static cn.bijie.innovation.functions.documents.DocumentsFixture.staff;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.documents.Document;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.testing.ApiEvents;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.TestStack;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

/** Documents end to end on MiniStack: declare, upload through the presigned URL with plain HTTP, list, download. */
class DocumentsIT {
    /** Headers an HTTP client sets itself from the request (the length from the body, the host from the URL). */
    static final Set<String> SET_BY_CLIENT = Set.of("host", "content-length");

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    DocumentsFixture stack;
    String applicationId;

    @BeforeEach
    void anOpenApplication() {
        stack = new DocumentsFixture();
        applicationId = stack.application(stack.own, ApplicationStatus.SUBMITTED);
    }

    @Test
    void theRuntimeConstructor_wiresTableBucketAndTokenSecretFromTheTemplatesEnvironment() {
        Answer declared = stack.declare(applicationId, "a.pdf", pdf("x"), "application/pdf")
                .invoke(new DocumentsHandler(TestStack.shared().environment("DocumentsFunction")));
        assertThat(declared.status()).as(declared.rawBody()).isEqualTo(201);
    }

    @Test
    void upload_throughThePresignedUrl_thenStaffDownloadTheSameBytes_underTheChineseName() throws Exception {
        byte[] bytes = pdf("高新技术企业证书 GR202652000123");
        Answer declared = stack.declare(applicationId, "高新技术企业证书.pdf", bytes, "application/pdf").invoke(stack.handler);
        assertThat(declared.status()).as(declared.rawBody()).isEqualTo(201);

        HttpResponse<String> upload = put(declared.body(), bytes, null, null);
        Answer listed = staff(ApiEvents.sample("list-documents.json")).path("applicationId", applicationId)
                .invoke(stack.handler);
        Answer download = staff(ApiEvents.sample("get-document.json")).path("applicationId", applicationId)
                .path("documentId", declared.body().path("documentId").asText()).invoke(stack.handler);
        HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(
                URI.create(download.body().path("downloadUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(listed.body().path("items").get(0).path("uploaded").asBoolean()).isTrue();
        assertThat(listed.body().path("items").get(0).path("fileName").asText()).isEqualTo("高新技术企业证书.pdf");
        assertThat(download.status()).as(download.rawBody()).isEqualTo(200);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(bytes);
        assertThat(fetched.headers().firstValue("content-disposition")).hasValueSatisfying(d -> assertThat(d)
                .contains("filename*=UTF-8''%E9%AB%98%E6%96%B0%E6%8A%80%E6%9C%AF%E4%BC%81%E4%B8%9A%E8%AF%81%E4%B9%A6.pdf"));
        // who downloaded what, when: the audit entry of the URL issued, in the application's downloads partition
        assertThat(stack.dynamo.query(q -> q.tableName(TestStack.shared().table())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :audit)")
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.downloadsPk(applicationId)),
                        ":audit", Items.s("AUDIT#")))).items())
                .singleElement().satisfies(entry -> {
                    assertThat(Items.str(entry, "action")).isEqualTo("DOCUMENT_DOWNLOAD_ISSUED");
                    assertThat(Items.str(entry, "actor")).isEqualTo("u-staff");
                    assertThat(Items.str(entry, "after")).contains(declared.body().path("documentId").asText())
                            .contains("高新技术企业证书.pdf");
                });
    }

    @Test
    void presignedUpload_expiresWithinFifteenMinutes_underAKeyOfIdsOnly() {
        Answer declared = stack.declare(applicationId, "营业执照.png", new byte[] {1, 2, 3}, "image/png")
                .invoke(stack.handler);

        URI url = URI.create(declared.body().path("uploadUrl").asText());
        Instant expiresAt = Instant.parse(declared.body().path("expiresAt").asText());
        assertThat(url.getPath()).isEqualTo("/" + stack.stack.bucket() + "/applications/" + applicationId + "/"
                + declared.body().path("documentId").asText());
        assertThat(url.getQuery()).contains("X-Amz-Expires=900");
        assertThat(expiresAt).isBefore(Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(1));
        assertThat(declared.body().path("uploadHeaders").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("content-type", "content-length", "x-amz-checksum-sha256");
    }

    @Test
    void presignedUpload_isRefused_forAnotherLength_anotherType_orWithoutTheChecksum() throws Exception {
        byte[] bytes = pdf("declared");
        Answer declared = stack.declare(applicationId, "a.pdf", bytes, "application/pdf").invoke(stack.handler);

        HttpResponse<String> longer = put(declared.body(), pdf("declared, and then some"), null, null);
        HttpResponse<String> otherType = put(declared.body(), bytes, "content-type", "image/png");
        HttpResponse<String> noChecksum = put(declared.body(), bytes, "x-amz-checksum-sha256", null);

        assertThat(longer.statusCode()).isEqualTo(403);
        assertThat(otherType.statusCode()).isEqualTo(403);
        assertThat(noChecksum.statusCode()).isEqualTo(403);
        Answer listed = stack.owner(ApiEvents.sample("list-documents.json")).path("applicationId", applicationId)
                .invoke(stack.handler);
        assertThat(listed.body().path("items").get(0).path("uploaded").asBoolean()).isFalse();
    }

    @Test
    void aLieAboutTheSize_isCaught_theObjectIsNotUploaded_andTheDownloadIsConflict() {
        Answer declared = stack.declare(applicationId, "a.pdf", pdf("declared"), "application/pdf").invoke(stack.handler);
        String documentId = declared.body().path("documentId").asText();
        // bytes of another size at the key, written past the presigned URL
        stack.s3.putObject(p -> p.bucket(stack.stack.bucket()).key("applications/" + applicationId + "/"
                + documentId), RequestBody.fromString("short"));

        Answer listed = stack.owner(ApiEvents.sample("list-documents.json")).path("applicationId", applicationId)
                .invoke(stack.handler);
        Answer download = stack.owner(ApiEvents.sample("get-document.json")).path("applicationId", applicationId)
                .path("documentId", documentId).invoke(stack.handler);

        assertThat(listed.body().path("items").get(0).path("uploaded").asBoolean()).isFalse();
        assertThat(download.status()).isEqualTo(409);
    }

    @Test
    void list_isNewestFirst_andPagedWithASignedToken() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(stack.declare(applicationId, "d" + i + ".pdf", pdf("d" + i), "application/pdf").invoke(stack.handler)
                    .body().path("documentId").asText());
        }
        ApiEvent list = staff(ApiEvents.sample("list-documents.json")).path("applicationId", applicationId)
                .query("limit", "2");

        Answer first = list.copy().invoke(stack.handler);
        Answer second = list.copy().query("nextToken", first.body().path("nextToken").asText()).invoke(stack.handler);
        Answer foreign = list.copy().as("u-staff-2", null, "staff")
                .query("nextToken", first.body().path("nextToken").asText()).invoke(stack.handler);

        assertThat(documentIds(first)).containsExactly(ids.get(2), ids.get(1));
        assertThat(documentIds(second)).containsExactly(ids.get(0));
        assertThat(second.body().path("nextToken").isNull()).isTrue();
        assertThat(foreign.status()).isEqualTo(400);
    }

    @Test
    void idempotencyKey_replaysTheFirstTicket() {
        ApiEvent event = stack.declare(applicationId, "a.pdf", pdf("x"), "application/pdf").header("idempotency-key", "d1");

        Answer first = event.copy().invoke(stack.handler);
        Answer replay = event.copy().invoke(stack.handler);

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.rawBody()).isEqualTo(first.rawBody());
        assertThat(documentIds(stack.owner(ApiEvents.sample("list-documents.json")).path("applicationId", applicationId)
                .invoke(stack.handler))).hasSize(1);
    }

    @Test
    void awsCalls_aPresignCallsNoS3_aListOneTableReadAndOneLookAtS3_aDownloadTheFirstBytesToo() throws Exception {
        byte[] bytes = pdf("counted");
        stack.counter.reset();
        Answer declared = stack.declare(applicationId, "a.pdf", bytes, "application/pdf").header("idempotency-key", "c1")
                .invoke(stack.handler);
        List<String> declare = stack.counter.calls();
        put(declared.body(), bytes, null, null);
        stack.counter.reset();
        staff(ApiEvents.sample("list-documents.json")).path("applicationId", applicationId).invoke(stack.handler);
        List<String> list = stack.counter.calls();
        stack.counter.reset();
        staff(ApiEvents.sample("get-document.json")).path("applicationId", applicationId)
                .path("documentId", declared.body().path("documentId").asText()).invoke(stack.handler);
        List<String> download = stack.counter.calls();

        assertThat(declare).containsExactly("DynamoDb.TransactGetItems", "DynamoDb.TransactWriteItems");
        assertThat(list).containsExactly("DynamoDb.Query", "S3.ListObjectsV2");
        assertThat(download).as("the audit entry of the download (with its chain's head) is the one write")
                .containsExactly("DynamoDb.GetItem", "S3.HeadObject", "S3.GetObject", "DynamoDb.TransactWriteItems");
    }

    /**
     * The attack of issue 16: an executable declared as application/pdf under a name whose U+202E shows it as
     * 证书exe.pdf. The name is refused when declared; the same bytes under an honest name upload (S3 checks only
     * length, type header and checksum) but are never served to staff as a PDF.
     */
    @Test
    void anExecutableDeclaredAsPdf_underABidiName_isRefused_andUnderAnHonestName_isNeverServed() throws Exception {
        byte[] exe = "MZ\u0090\u0000\u0003 This program cannot be run in DOS mode.".getBytes(StandardCharsets.ISO_8859_1);

        Answer bidi = stack.declare(applicationId, "证书\u202Efdp.exe", exe, "application/pdf").invoke(stack.handler);
        Answer honest = stack.declare(applicationId, "证书.pdf", exe, "application/pdf").invoke(stack.handler);
        HttpResponse<String> upload = put(honest.body(), exe, null, null);
        Answer download = staff(ApiEvents.sample("get-document.json")).path("applicationId", applicationId)
                .path("documentId", honest.body().path("documentId").asText()).invoke(stack.handler);

        assertThat(bidi.status()).as(bidi.rawBody()).isEqualTo(400);
        assertThat(bidi.rawBody()).contains("fileName").contains("U+202E");
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
        assertThat(download.status()).as(download.rawBody()).isEqualTo(409);
        assertThat(download.rawBody()).contains("application/pdf").doesNotContain("downloadUrl");
    }

    /** A plain HTTP PUT with the signed headers, one of them replaced ({@code value}) or left out (null). */
    @Test
    void priming_readsIdsNoRecordHas_presignsAndLooksForAKeyNeverUploaded_andWritesNothing() {
        int before = stack.itemCount();
        // the runtime's wiring registers the SnapStart priming
        new DocumentsHandler(TestStack.shared().environment("DocumentsFunction"));

        Primed primed = Primed.primeAll();

        assertThat(primed.actions()).isGreaterThanOrEqualTo(3);
        assertThat(primed.errors()).isEmpty();
        assertThat(primed.statuses("GET /applications/{applicationId}/documents/{documentId}")).isNotEmpty()
                .containsOnly(404);
        assertThat(primed.statuses("GET /applications/{applicationId}/documents")).isNotEmpty().containsOnly(404);
        assertThat(primed.statuses("POST /applications/{applicationId}/documents")).isNotEmpty().containsOnly(400);
        assertThat(stack.itemCount()).isEqualTo(before);
        assertThat(stack.s3.listObjectsV2(l -> l.bucket(stack.stack.bucket()).prefix(Document.prefix(Priming.NO_SUCH_ID)))
                .contents()).isEmpty();
    }

    private HttpResponse<String> put(JsonNode ticket, byte[] body, String header, String value)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ticket.path("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        ticket.path("uploadHeaders").fields().forEachRemaining(h -> {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!SET_BY_CLIENT.contains(name) && !name.equals(header)) {
                request.header(h.getKey(), h.getValue().asText());
            }
        });
        if (header != null && value != null) {
            request.header(header, value);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static List<String> documentIds(Answer reply) {
        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.body().path("items").forEach(i -> ids.add(i.path("documentId").asText()));
        return ids;
    }
}
