package cn.bijie.innovation.shared.imports;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.PayloadTooLarge;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.imports.RowOutcome.Outcome;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.time.Shanghai;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The routes of list imports: staff declare an upload and review the rows no profile matched; staff and supervisors
 * follow imports and read their reports. Applicants and the public see none of it.
 */
public final class ImportService {
    static final int MAX_TEXT = 100;
    static final Duration UPLOAD_TTL = Duration.ofMinutes(15);

    private final ImportStore store;
    private final ImportFiles files;
    private final RecognitionRecorder recorder;
    private final Policy policy;
    private final PageToken tokens;
    private final Clock clock;
    private final long maxBytes;

    public ImportService(ImportStore store, ImportFiles files, RecognitionRecorder recorder, Policy policy,
            PageToken tokens, Clock clock, long maxBytes) {
        this.store = store;
        this.files = files;
        this.recorder = recorder;
        this.policy = policy;
        this.tokens = tokens;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** {@code POST /imports}: staff; the import waits for its file at the presigned URL. */
    public Written<ImportTicket> create(Caller caller, ImportInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.optionalCode("kind", input.kind(), code -> policy.kind(code).isPresent());
        if (input.level() != null) {
            v.code("level", input.level(), code -> input.kind() == null ? policy.levelName(code).isPresent()
                    : policy.isLevelOf(input.kind(), code));
        }
        v.text("batchName", input.batchName(), MAX_TEXT);
        v.optionalText("authority", input.authority(), MAX_TEXT);
        LocalDate issuedOn = v.optionalDate("issuedOn", input.issuedOn());
        if (issuedOn != null && issuedOn.isAfter(Shanghai.today(clock))) {
            v.problem("issuedOn", "不能晚于今天 (must not be in the future)");
        }
        v.optionalText("documentNo", input.documentNo(), 64);
        v.text("fileName", input.fileName(), MAX_TEXT);
        if (input.fileName() != null && !input.fileName().toLowerCase(Locale.ROOT).matches(".+\\.(csv|xlsx)")) {
            v.problem("fileName", "须为 .csv 或 .xlsx 文件 (a .csv or .xlsx file)");
        }
        if (v.required("sizeBytes", input.sizeBytes()) && input.sizeBytes() < 1) {
            v.problem("sizeBytes", "至少 1 字节 (at least 1 byte)");
        }
        if (v.required("sha256", input.sha256()) && !isSha256(input.sha256())) {
            v.problem("sha256", "须为 SHA-256 摘要的 base64 (the file's SHA-256 digest, base64)");
        }
        v.throwIfAny();
        if (input.sizeBytes() > maxBytes) {
            throw new PayloadTooLarge("名单文件不能超过 " + maxBytes / (1024 * 1024) + " MiB (the list file is too large)");
        }
        Instant now = clock.instant();
        ListImport listImport = new ListImport(SortableId.next(clock), input.kind(), input.level(),
                input.batchName().strip(), strip(input.authority()), input.issuedOn(), strip(input.documentNo()),
                input.fileName().strip(), input.sizeBytes(), input.sha256(), ImportStatus.AWAITING_UPLOAD,
                caller.sub(), caller.email(), now.toString(), null, null, 0, ImportCounts.NONE, null);
        ImportFiles.Upload upload = files.presignUpload(listImport.objectKey(), input.sizeBytes(), input.sha256(),
                UPLOAD_TTL);
        return Written.of(new ImportTicket(listImport.importId(), upload.url(), upload.headers(),
                upload.expiresAt().toString()), store.create(listImport));
    }

    /** {@code GET /imports}: newest first. */
    public Page<ListImport> list(Caller caller, String limit, String nextToken) {
        caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        int pageSize = Page.limit(limit);
        Slice<ListImport> slice = store.list(pageSize, tokens.open(nextToken, caller.sub(), "imports"));
        return new Page<>(slice.items(), tokens.issue(slice.lastKey(), caller.sub(), "imports"));
    }

    /** {@code GET /imports/{importId}}. */
    public ListImport get(Caller caller, String importId) {
        caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        return find(importId);
    }

    /** {@code GET /imports/{importId}/report}: one line per data row, CSV with BOM. */
    public String report(Caller caller, String importId) {
        caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        find(importId);
        return ImportReport.csv(store.rows(importId));
    }

    /** {@code GET /imports/{importId}/unmatched}: the rows waiting for staff to name their organisation. */
    public List<ImportRow> unmatched(Caller caller, String importId) {
        caller.requireAny(Role.STAFF, Role.SUPERVISOR);
        find(importId);
        return store.rows(importId).stream().filter(r -> r.outcome() == Outcome.UNMATCHED).map(ImportRow::of)
                .toList();
    }

    /**
     * {@code POST /imports/{importId}/unmatched/{row}}: staff link a waiting row to a profile (or create one), and
     * only then is its recognition recorded.
     */
    public Written<ImportRow> review(Caller caller, String importId, String row, ReviewInput input,
            IdempotencyKey key) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.uscc("uscc", input.uscc());
        v.optionalText("name", input.name(), RowCheck.MAX_NAME);
        v.optionalCode("county", input.county(), policy::isCounty);
        v.throwIfAny();
        ListImport listImport = find(importId);
        Committed replay = store.replay(importId, key);
        if (replay != null) {
            return Written.replayed(replay);
        }
        RowOutcome waiting = store.rows(importId).stream().filter(r -> String.valueOf(r.row()).equals(row))
                .findFirst().orElseThrow(() -> new NotFound("该行不存在 (no such row)"));
        if (waiting.outcome() != Outcome.UNMATCHED) {
            throw new Conflict("该行无需核对或已核对 (this row does not wait for review)");
        }
        Recognition r = waiting.recognition();
        boolean created = false;
        if (store.organization(input.uscc()).isEmpty()) {
            String name = input.name() != null ? input.name().strip() : r.name();
            created = store.createOrganization(new Organization(input.uscc(), name,
                    input.county() != null ? input.county() : r.county() != null ? r.county()
                            : ImportRun.UNKNOWN_COUNTY, ImportRun.UNKNOWN_INDUSTRY, null, null,
                    clock.instant().toString()), importId, caller.sub());
        }
        RowOutcome reviewed = ImportRun.outcome(r, input.uscc(),
                recorder.record(caller, r, input.uscc(), listImport.authority(), clock.instant()), created);
        return Written.of(ImportRow.of(reviewed), store.resolve(importId, reviewed));
    }

    private ListImport find(String importId) {
        return (SortableId.isWellFormed(importId) ? store.find(importId) : java.util.Optional.<ListImport>empty())
                .orElseThrow(() -> new NotFound("导入记录不存在 (not found)"));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static boolean isSha256(String value) {
        try {
            return value.length() == 44 && Base64.getDecoder().decode(value).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
