package cn.bijie.innovation.shared.imports;

import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.imports.RowCheck.Checked;
import cn.bijie.innovation.shared.imports.RowCheck.Outside;
import cn.bijie.innovation.shared.imports.RowCheck.Rejected;
import cn.bijie.innovation.shared.imports.RowCheck.Valid;
import cn.bijie.innovation.shared.imports.RowOutcome.Outcome;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.sheet.SheetLimits;
import cn.bijie.innovation.shared.sheet.SheetRejected;
import cn.bijie.innovation.shared.sheet.SheetRow;
import cn.bijie.innovation.shared.sheet.Sheets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One delivery of an uploaded list: reads the file, checks every row in order, and acts on the rows after the
 * import's checkpoint — recording, creating profiles, setting aside, queueing for review — storing their outcomes
 * and moving the checkpoint every {@code chunk} rows. A delivery that stops midway (timeout, crash) leaves the
 * checkpoint where the last chunk ended; the next delivery of the S3 event resumes there, and a row it records again
 * meets its own certification (derived id) and is not recorded twice. A file that cannot be read ends REJECTED.
 */
public final class ImportRun {
    /** The county of a profile an import creates when neither the row nor the code names one: staff fix it. */
    public static final String UNKNOWN_COUNTY = "UNKNOWN";
    /** The industry of a profile an import creates: a list does not say it. */
    public static final String UNKNOWN_INDUSTRY = "OTHER";

    private final ImportStore store;
    private final ImportFiles files;
    private final RecognitionRecorder recorder;
    private final Policy policy;
    private final ListHeaders headers;
    private final SheetLimits limits;
    private final Clock clock;
    private final int chunk;

    public ImportRun(ImportStore store, ImportFiles files, RecognitionRecorder recorder, Policy policy,
            ListHeaders headers, SheetLimits limits, Clock clock, int chunk) {
        this.store = store;
        this.files = files;
        this.recorder = recorder;
        this.policy = policy;
        this.headers = headers;
        this.limits = limits;
        this.clock = clock;
        this.chunk = chunk;
    }

    /** Processes the uploaded object {@code objectKey}; empty when it names no import or one already finished. */
    public Optional<ListImport> run(String objectKey) {
        String importId = ListImport.idOfObject(objectKey);
        Optional<ListImport> found = importId == null ? Optional.empty() : store.find(importId);
        if (found.isEmpty() || found.get().status().finished()) {
            return Optional.empty();
        }
        if (!store.start(importId, clock.instant().toString())) {
            return Optional.empty();
        }
        ListImport listImport = store.find(importId).orElseThrow();
        List<SheetRow> rows;
        ListHeaders.Layout layout;
        try {
            rows = Sheets.read(files.read(objectKey, limits.maxFileBytes()), limits);
            layout = headers.layout(rows).orElseThrow(() -> new SheetRejected(
                    "找不到表头：缺少必需的列「企业名称」或「统一社会信用代码」(no header row with a required column)"));
        } catch (SheetRejected e) {
            store.finish(importId, ImportStatus.REJECTED, e.getMessage(), clock.instant().toString());
            return store.find(importId);
        }
        process(listImport, rows.subList(layout.headerIndex() + 1, rows.size()),
                new RowCheck(policy, headers, layout, listImport.batch()));
        ListImport done = store.find(importId).orElseThrow();
        store.finish(importId, done.counts().rejected() > 0 ? ImportStatus.COMPLETED_WITH_ERRORS
                : ImportStatus.COMPLETED, null, clock.instant().toString());
        return store.find(importId);
    }

    private void process(ListImport listImport, List<SheetRow> rows, RowCheck check) {
        Caller staff = new Caller(listImport.createdBy(), Set.of(Role.STAFF), null, listImport.createdByEmail());
        Instant since = Instant.parse(listImport.startedAt());
        Map<String, List<String>> names = null;
        Set<String> created = new HashSet<>();
        int checkpoint = listImport.checkpoint();
        List<RowOutcome> pending = new ArrayList<>();
        for (SheetRow row : rows) {
            if (!check.isData(row)) {
                continue;
            }
            // every row is checked, also those done before, so that a repeat of an earlier row is still a repeat
            Checked checked = check.check(row);
            if (row.number() <= checkpoint) {
                continue;
            }
            if (names == null && checked instanceof Valid v && v.recognition().uscc() == null) {
                names = store.organizationsByName();
            }
            pending.add(act(listImport, staff, since, checked, names, created));
            if (pending.size() >= chunk) {
                checkpoint = advance(listImport.importId(), checkpoint, row.number(), pending);
            }
        }
        if (!pending.isEmpty()) {
            advance(listImport.importId(), checkpoint, pending.get(pending.size() - 1).row(), pending);
        }
    }

    /** Stores the chunk; when another delivery moved the checkpoint meanwhile, continues from where it is. */
    private int advance(String importId, int from, int to, List<RowOutcome> pending) {
        int next = store.advance(importId, from, to, List.copyOf(pending)) ? to
                : store.find(importId).map(ListImport::checkpoint).orElse(to);
        pending.clear();
        return next;
    }

    private RowOutcome act(ListImport listImport, Caller staff, Instant since, Checked checked,
            Map<String, List<String>> names, Set<String> created) {
        if (checked instanceof Rejected r) {
            return RowOutcome.rejected(r.row(), r.name(), r.column(), r.reason());
        }
        if (checked instanceof Outside o) {
            return new RowOutcome(o.row(), Outcome.OUTSIDE, o.name(), null, "所属地区", o.place(), null, false, null);
        }
        Recognition r = ((Valid) checked).recognition();
        String uscc = r.uscc();
        boolean organizationCreated = false;
        if (uscc == null) {
            List<String> matches = names.getOrDefault(Names.normalise(r.name()), List.of());
            if (matches.size() != 1) {
                return new RowOutcome(r.row(), Outcome.UNMATCHED, r.name(), null, "企业名称",
                        matches.isEmpty() ? "没有同名的组织资料" : "有 " + matches.size() + " 个同名的组织资料", null,
                        false, r);
            }
            uscc = matches.get(0);
        } else {
            var existing = store.organization(uscc);
            if (existing.isEmpty()) {
                if (r.name() == null) {
                    return RowOutcome.rejected(r.row(), null, "企业名称", "组织尚未登记，行中没有企业名称，无法新建");
                }
                organizationCreated = store.createOrganization(newProfile(uscc, r), listImport.importId(),
                        listImport.createdBy());
            } else {
                organizationCreated = listImport.importId().equals(existing.get().createdByImport());
            }
            organizationCreated = organizationCreated && created.add(uscc);
        }
        return outcome(r, uscc, recorder.record(staff, r, uscc, listImport.authority(), since), organizationCreated);
    }

    Organization newProfile(String uscc, Recognition r) {
        return new Organization(uscc, r.name().strip(), r.county() == null ? UNKNOWN_COUNTY : r.county(),
                UNKNOWN_INDUSTRY, null, null, clock.instant().toString());
    }

    static RowOutcome outcome(Recognition r, String uscc, RecognitionRecorder.Result result,
            boolean organizationCreated) {
        if (result instanceof RecognitionRecorder.Recorded recorded) {
            return new RowOutcome(r.row(), Outcome.RECORDED, r.name(), uscc, null, null,
                    recorded.certificationId(), organizationCreated, null);
        }
        if (result instanceof RecognitionRecorder.AlreadyRecorded skipped) {
            return new RowOutcome(r.row(), Outcome.SKIPPED, r.name(), uscc, null, "该认定此前已记录",
                    skipped.certificationId(), organizationCreated, null);
        }
        RecognitionRecorder.Invalid invalid = (RecognitionRecorder.Invalid) result;
        return new RowOutcome(r.row(), Outcome.REJECTED, r.name(), uscc, invalid.column(), invalid.reason(), null,
                organizationCreated, null);
    }
}
