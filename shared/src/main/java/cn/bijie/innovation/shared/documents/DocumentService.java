package cn.bijie.innovation.shared.documents;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationService;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.PayloadTooLarge;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.Prior;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.retry.Retry;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Supporting documents: the owner declares a file and gets a presigned upload; the owner, staff and supervisors list
 * and download. Whether a file has arrived is read from the store each time, never taken from the applicant's word.
 */
public final class DocumentService {
    /** API.md: 1 byte to 20 MiB; more is a 413. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    /** API.md: presigned URLs live at most 15 minutes. */
    static final Duration UPLOAD_TTL = Duration.ofMinutes(15);
    static final Duration DOWNLOAD_TTL = Duration.ofMinutes(5);
    /** Keeps an application's partition (read whole by the list) small; far more than a real application needs. */
    static final int MAX_DOCUMENTS = 50;
    static final int MAX_FILE_NAME = 200;

    private final ApplicationService applications;
    private final DocumentStore store;
    private final DocumentStorage storage;
    private final Clock clock;

    public DocumentService(ApplicationService applications, DocumentStore store, DocumentStorage storage, Clock clock) {
        this.applications = applications;
        this.store = store;
        this.storage = storage;
        this.clock = clock;
    }

    /** {@code POST /applications/{id}/documents}: the owner, while the application is open. */
    public Written<UploadTicket> create(Caller caller, String applicationId, DocumentInput input,
            IdempotencyKey key) {
        validate(input);
        Prior<Application> prior = applications.forOwnerChange(caller, applicationId, key,
                "只有申报单位可以上传附件 (only the applicant may add documents)");
        if (prior.replay() != null) {
            return Written.replayed(prior.replay());
        }
        Application application = prior.record();
        if (!application.status().open()) {
            throw new Conflict("该申报已结束，不能再上传附件 (documents can be added only while the application is "
                    + "SUBMITTED or RETURNED; it is " + application.status() + ")");
        }
        Document document = new Document(SortableId.next(clock), applicationId, application.uscc(),
                input.fileName().strip(), input.contentType(), input.sizeBytes(), input.sha256(), input.category(),
                clock.instant().toString());
        DocumentStorage.Presigned upload = storage.presignUpload(document.objectKey(), document.contentType(),
                document.sizeBytes(), document.sha256(), UPLOAD_TTL);
        UploadTicket ticket = new UploadTicket(document.documentId(), upload.url(), upload.headers(),
                upload.expiresAt().toString());
        return Written.of(ticket, store.create(document, MAX_DOCUMENTS, caller.sub()));
    }

    /** {@code GET /applications/{id}/documents}: newest first, each with whether its bytes have arrived. */
    public Page<DocumentView> list(Caller caller, String applicationId, int limit, String nextToken) {
        requireReader(caller);
        requireWellFormed(applicationId);
        DocumentListing listing = store.list(applicationId, limit, nextToken, caller.sub());
        if (listing.application() == null) {
            throw noApplication();
        }
        caller.requireRead(listing.application().uscc(), "申报");
        Map<String, Long> sizes = listing.documents().isEmpty() ? Map.of()
                : storage.sizes(Document.prefix(applicationId));
        return new Page<>(listing.documents().stream()
                .map(d -> DocumentView.of(d, Objects.equals(sizes.get(d.objectKey()), d.sizeBytes())))
                .toList(), listing.nextToken());
    }

    /**
     * {@code GET /applications/{id}/documents/{documentId}}: a presigned download, 409 until the bytes arrived; each URL
     * issued is audited.
     */
    public DownloadTicket download(Caller caller, String applicationId, String documentId) {
        requireReader(caller);
        requireWellFormed(applicationId);
        if (!SortableId.isWellFormed(documentId)) {
            throw noDocument();
        }
        Document document = store.find(applicationId, documentId).orElseThrow(DocumentService::noDocument);
        caller.requireRead(document.uscc(), "附件");
        if (!uploaded(document)) {
            throw new Conflict("附件尚未上传或与申报的大小、校验和不符 (the file has not been uploaded yet, or it does not "
                    + "match the declared size and SHA-256)");
        }
        if (!FileSignature.matches(document.contentType(),
                storage.head(document.objectKey(), FileSignature.HEAD_BYTES))) {
            throw new Conflict("附件内容与申报的文件类型不符，不予下载 (the file's content is not a "
                    + document.contentType() + ": it is not served)");
        }
        DocumentStorage.Presigned download = storage.presignDownload(document.objectKey(),
                FileNames.forDownload(document.fileName(), document.contentType()), document.contentType(),
                DOWNLOAD_TTL);
        // S3's own log would name this function's role, never the person: the audit entry is ours, and no URL is
        // handed out unless it is written
        Retry.unitOfWork(() -> { // the entry joins the downloads' audit chain, which other downloads may move on
            store.recordDownload(document, caller.sub(), clock.instant(), download.expiresAt());
            return null;
        });
        return new DownloadTicket(download.url(), download.expiresAt().toString(), document.documentId(),
                document.fileName(), document.contentType(), document.sizeBytes(), document.category());
    }

    /**
     * The object exists with the declared size, and with the declared SHA-256 where the store reports one. S3 itself
     * refuses a body that does not match the signed checksum; an emulator may not, so the size is checked as well.
     */
    private boolean uploaded(Document document) {
        return storage.stat(document.objectKey())
                .filter(o -> o.sizeBytes() == document.sizeBytes())
                .filter(o -> o.sha256Base64() == null || o.sha256Base64().equals(document.sha256()))
                .isPresent();
    }

    /** API.md: documents are for the owner, staff and supervisors; finance sees subsidies, not files. */
    private static void requireReader(Caller caller) {
        if (!caller.has(Role.APPLICANT)) {
            caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        }
    }

    private static void validate(DocumentInput input) {
        Validator v = new Validator();
        v.text("fileName", input.fileName(), MAX_FILE_NAME);
        if (!v.hasProblem("fileName") && FileNames.hasPathSeparator(input.fileName())) {
            v.problem("fileName", "不能含路径分隔符 (no path separators)");
        }
        v.code("contentType", input.contentType(), FileSignature::accepted);
        if (v.required("sizeBytes", input.sizeBytes()) && input.sizeBytes() < 1) {
            v.problem("sizeBytes", "至少 1 字节 (at least 1 byte)");
        }
        if (v.required("sha256", input.sha256()) && !isSha256(input.sha256())) {
            v.problem("sha256", "须为 SHA-256 摘要的 base64 (the file's SHA-256 digest, base64)");
        }
        v.code("category", input.category(), DocumentCategory::isCategory);
        v.throwIfAny();
        if (input.sizeBytes() > MAX_BYTES) {
            throw new PayloadTooLarge("附件不能超过 20 MiB (a document may have at most 20 MiB)");
        }
    }

    private static boolean isSha256(String value) {
        try {
            return value.length() == 44 && Base64.getDecoder().decode(value).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void requireWellFormed(String applicationId) {
        if (!SortableId.isWellFormed(applicationId)) {
            throw noApplication();
        }
    }

    private static NotFound noApplication() {
        return new NotFound("申报不存在 (not found)");
    }

    private static NotFound noDocument() {
        return new NotFound("附件不存在 (not found)");
    }
}
