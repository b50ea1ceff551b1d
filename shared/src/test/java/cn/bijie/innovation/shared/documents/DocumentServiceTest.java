package cn.bijie.innovation.shared.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationService;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.application.InMemoryApplicationStore;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.FieldProblem;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.PayloadTooLarge;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.testing.TestStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of documents, over fakes of our own ports: the record store and the byte storage. */
class DocumentServiceTest {
    static final String OWN = "91520500MA6DKQ5X35";
    static final String OTHER = "91520581MA6H12345G";
    static final String APP_ID = "0190f1e2-3a4b-7c5d-8e6f-0123456789ab";
    static final String SHA = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC);
    static final DocumentInput PDF = new DocumentInput("高新技术企业证书.pdf", "application/pdf", 1234L, SHA,
            "CERTIFICATE");

    final InMemoryApplicationStore applications = new InMemoryApplicationStore();
    final FakeDocuments documents = new FakeDocuments();
    final FakeStorage storage = new FakeStorage();
    final DocumentService service = new DocumentService(
            new ApplicationService(applications, Policy.active(), new PageToken(TestStack.PAGE_TOKEN_SECRET), CLOCK),
                    documents, storage, CLOCK);
    final Caller owner = new Caller("u1", Set.of(Role.APPLICANT), OWN, null);

    @BeforeEach
    void anOpenApplication() {
        applications.applications.put(APP_ID, application(ApplicationStatus.SUBMITTED));
    }

    static Application application(ApplicationStatus status) {
        return new Application(APP_ID, status, "2026-11-20T01:00:00Z", OWN, "HIGH_TECH_ENTERPRISE", "NATIONAL",
                false, "某公司", "GR1", "2026-10-01", null, "520502", "2026-11-20T01:00:00Z", null, null);
    }

    @Test
    void create_presignsAnUploadOfExactlyTheDeclaredFile_underAKeyOfIdsOnly() {
        Committed committed = create(owner, APP_ID, PDF, null);

        assertThat(committed.status()).isEqualTo(201);
        Document stored = documents.items.get(0);
        assertThat(storage.presignedUploads).containsExactly(
                "applications/" + APP_ID + "/" + stored.documentId() + "|application/pdf|1234|" + SHA + "|PT15M");
        assertThat(stored.objectKey()).doesNotContain("高新").doesNotContain(".pdf");
        var body = Json.tree(committed.bodyJson());
        assertThat(body.path("documentId").asText()).isEqualTo(stored.documentId());
        assertThat(body.path("expiresAt").asText()).isEqualTo("2026-11-25T01:15:00Z");
    }

    @Test
    void create_isPayloadTooLarge_over20MiB_andAcceptsExactly20MiB() {
        var tooLarge = new DocumentInput("a.pdf", "application/pdf", 20L * 1024 * 1024 + 1, SHA, "OTHER");
        var exactly = new DocumentInput("a.pdf", "application/pdf", 20L * 1024 * 1024, SHA, "OTHER");

        assertThatThrownBy(() -> create(owner, APP_ID, tooLarge, null)).isInstanceOf(PayloadTooLarge.class);
        assertThat(create(owner, APP_ID, exactly, null).status()).isEqualTo(201);
    }

    @Test
    void create_namesEachBadField() {
        var bad = new DocumentInput("../x\u0000.pdf", "application/zip", 0L, "abc", "PHOTO");

        assertThatThrownBy(() -> create(owner, APP_ID, bad, null)).isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(FieldProblem::field)
                        .containsExactly("fileName", "contentType", "sizeBytes", "sha256", "category"));
        assertThat(documents.items).isEmpty();
    }

    @Test
    void create_isConflict_onceTheApplicationIsWithdrawn() {
        applications.applications.put(APP_ID, application(ApplicationStatus.WITHDRAWN));
        assertThatThrownBy(() -> create(owner, APP_ID, PDF, null)).isInstanceOf(Conflict.class);
        assertThat(documents.items).isEmpty();
    }

    @Test
    void create_isNotFound_forAnotherOrganisation_andForbidden_forStaff() {
        Caller other = new Caller("u2", Set.of(Role.APPLICANT), OTHER, null);
        Caller staff = new Caller("s1", Set.of(Role.STAFF), null, null);

        assertThatThrownBy(() -> create(other, APP_ID, PDF, null)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> create(staff, APP_ID, PDF, null)).isInstanceOf(Forbidden.class);
        assertThat(documents.items).isEmpty();
    }

    @Test
    void create_replaysTheFirstResponse_withoutPresigningAgain() {
        var key = new IdempotencyKey("u1", "k", "h");
        applications.responses.put("k", new Committed(201, "{\"documentId\":\"first\"}", true));

        assertThat(create(owner, APP_ID, PDF, key).bodyJson()).contains("first");
        assertThat(storage.presignedUploads).isEmpty();
    }

    @Test
    void list_saysUploadedOnlyWhenTheObjectHasTheDeclaredSize() {
        create(owner, APP_ID, PDF, null);
        create(owner, APP_ID, PDF, null);
        Document honest = documents.items.get(0);
        Document liar = documents.items.get(1);
        storage.objects.put(honest.objectKey(), new DocumentStorage.StoredObject(1234, SHA));
        storage.objects.put(liar.objectKey(), new DocumentStorage.StoredObject(99, SHA));

        Page<DocumentView> page = service.list(owner, APP_ID, 50, null);

        assertThat(page.items()).extracting(DocumentView::documentId, DocumentView::uploaded)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(honest.documentId(), true),
                        org.assertj.core.groups.Tuple.tuple(liar.documentId(), false));
    }

    @Test
    void download_isConflict_untilTheDeclaredBytesArrived() {
        create(owner, APP_ID, PDF, null);
        Document document = documents.items.get(0);

        assertThatThrownBy(() -> service.download(owner, APP_ID, document.documentId()))
                .isInstanceOf(Conflict.class);
        storage.objects.put(document.objectKey(), new DocumentStorage.StoredObject(1234, "AAAA" + SHA.substring(4)));
        assertThatThrownBy(() -> service.download(owner, APP_ID, document.documentId()))
                .as("a checksum the store reports must match too").isInstanceOf(Conflict.class);

        storage.objects.put(document.objectKey(), new DocumentStorage.StoredObject(1234, SHA));
        DownloadTicket ticket = service.download(owner, APP_ID, document.documentId());

        assertThat(ticket.downloadUrl()).isEqualTo("https://get/" + document.objectKey() + "?name=高新技术企业证书.pdf");
        assertThat(ticket.fileName()).isEqualTo("高新技术企业证书.pdf");
        assertThat(documents.downloads).as("audited once: the URL issued, not the refusals before it")
                .containsExactly(owner.sub() + " " + document.documentId() + " 2026-11-25T01:00:00Z "
                        + ticket.expiresAt());
    }

    @Test
    void download_isConflict_whenTheBytesAreNotWhatTheContentTypeSays_andNamedAfterTheType() {
        create(owner, APP_ID, new DocumentInput("证书", "application/pdf", 1234L, SHA, "CERTIFICATE"), null);
        Document document = documents.items.get(0);
        storage.objects.put(document.objectKey(), new DocumentStorage.StoredObject(1234, SHA));

        assertThat(service.download(owner, APP_ID, document.documentId()).downloadUrl())
                .as("saved with the extension of the checked type").endsWith("?name=证书.pdf");
        storage.heads.put(document.objectKey(), new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0});
        Caller staff = new Caller("s1", Set.of(Role.STAFF), null, null);
        assertThatThrownBy(() -> service.download(staff, APP_ID, document.documentId()))
                .isInstanceOf(Conflict.class).hasMessageContaining("application/pdf");
        assertThat(documents.downloads).as("the refused download is not audited as issued")
                .noneMatch(d -> d.startsWith("s1 "));
    }

    /** The attack of issue 16: U+202E makes 证书\u202Efdp.exe show as 证书exe.pdf and save as an .exe. */
    @Test
    void create_refusesAFileNameWithABidiOverride_orAnyControlOrFormatCharacter() {
        for (String name : List.of("证书\u202Efdp.exe", "a\u200Bb.pdf", "a\u2066b.pdf", "\uFEFFa.pdf", "a\u0000.pdf",
                "a\u001B[31m.pdf", "a\r\nb.pdf", "a\u2028b.pdf", "../a.pdf", "a\\b.pdf")) {
            DocumentInput input = new DocumentInput(name, "application/pdf", 1234L, SHA, "CERTIFICATE");
            assertThatThrownBy(() -> create(owner, APP_ID, input, null)).as(name)
                    .isInstanceOf(ValidationFailed.class).hasMessageContaining("fileName");
        }
        assertThat(documents.items).isEmpty();
    }

    @Test
    void download_isForbidden_forFinance_andNotFound_forAnotherOrganisation() {
        create(owner, APP_ID, PDF, null);
        Document document = documents.items.get(0);
        storage.objects.put(document.objectKey(), new DocumentStorage.StoredObject(1234, SHA));

        assertThatThrownBy(() -> service.download(new Caller("f", Set.of(Role.FINANCE), null, null), APP_ID,
                document.documentId())).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> service.download(new Caller("u2", Set.of(Role.APPLICANT), OTHER, null), APP_ID,
                document.documentId())).isInstanceOf(NotFound.class);
        assertThat(service.download(new Caller("v", Set.of(Role.SUPERVISOR), null, null), APP_ID,
                document.documentId()).documentId()).isEqualTo(document.documentId());
    }

    /** What the edge does: commit the service's decision with its answer. */
    private Committed create(Caller caller, String applicationId, DocumentInput input, IdempotencyKey key) {
        return Answers.commit(201, key, () -> service.create(caller, applicationId, input, key));
    }

    static final class FakeDocuments implements DocumentStore {
        final List<Document> items = new ArrayList<>();
        final List<String> downloads = new ArrayList<>();

        @Override
        public void recordDownload(Document document, String actor, Instant at, Instant urlExpiresAt) {
            downloads.add(actor + " " + document.documentId() + " " + at + " " + urlExpiresAt);
        }

        @Override
        public PendingWrite create(Document document, int maxDocuments, String actor) {
            return answer -> {
                items.add(document);
                return new Committed(answer.status(), answer.bodyJson(), false);
            };
        }

        @Override
        public Optional<Document> find(String applicationId, String documentId) {
            return items.stream().filter(d -> d.documentId().equals(documentId)).findFirst();
        }

        @Override
        public DocumentListing list(String applicationId, int limit, String nextToken, String callerSub) {
            return new DocumentListing(application(ApplicationStatus.SUBMITTED), List.copyOf(items), null);
        }
    }

    static final class FakeStorage implements DocumentStorage {
        final List<String> presignedUploads = new ArrayList<>();
        final Map<String, StoredObject> objects = new HashMap<>();
        /** The first bytes of each object; a PDF's unless a test says otherwise. */
        final Map<String, byte[]> heads = new HashMap<>();

        @Override
        public Presigned presignUpload(String objectKey, String contentType, long sizeBytes, String sha256Base64,
                Duration ttl) {
            presignedUploads.add(objectKey + "|" + contentType + "|" + sizeBytes + "|" + sha256Base64 + "|" + ttl);
            return new Presigned("https://put/" + objectKey, new LinkedHashMap<>(Map.of("content-type", contentType)),
                    CLOCK.instant().plus(ttl));
        }

        @Override
        public Presigned presignDownload(String objectKey, String fileName, String contentType, Duration ttl) {
            return new Presigned("https://get/" + objectKey + "?name=" + fileName, Map.of(), CLOCK.instant().plus(ttl));
        }

        @Override
        public Optional<StoredObject> stat(String objectKey) {
            return Optional.ofNullable(objects.get(objectKey));
        }

        @Override
        public byte[] head(String objectKey, int bytes) {
            return heads.getOrDefault(objectKey, "%PDF-1.7".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }

        @Override
        public Map<String, Long> sizes(String prefix) {
            Map<String, Long> sizes = new HashMap<>();
            objects.forEach((key, object) -> sizes.put(key, object.sizeBytes()));
            return sizes;
        }
    }
}
