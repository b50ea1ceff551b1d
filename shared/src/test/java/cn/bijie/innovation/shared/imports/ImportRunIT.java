package cn.bijie.innovation.shared.imports;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.aws.S3ImportFiles;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.imports.RowOutcome.Outcome;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.sheet.SheetLimits;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.DynamoImportStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.testing.ListFiles;
import cn.bijie.innovation.shared.testing.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** An uploaded list through the import run against the table and bucket of template.yaml on MiniStack. */
class ImportRunIT {
    static final BureauFixture bureau = new BureauFixture();
    static final S3Client s3 = bureau.stack.clients("DocumentsFunction").s3();
    static final String bucket = bureau.stack.bucket();
    static final DynamoImportStore store = new DynamoImportStore(bureau.dynamo, bureau.table);
    static final S3ImportFiles files = new S3ImportFiles(s3, bureau.stack.clients("DocumentsFunction").s3Presigner(),
            bucket);
    static final RecognitionRecorder recorder = new RecognitionRecorder(bureau.certifications);
    static final ImportService service = new ImportService(store, files, recorder, bureau.policy, bureau.tokens,
            bureau.clock, SheetLimits.DEFAULT.maxFileBytes());

    static ImportRun run(ImportStore store, int chunk) {
        return new ImportRun(store, files, recorder, bureau.policy, ListHeaders.standard(), SheetLimits.DEFAULT,
                bureau.clock, chunk);
    }

    /** Declares an import as staff would and uploads {@code file} to its key. */
    static String upload(String fileName, byte[] file, String kind, String level, String issuedOn, String documentNo) {
        var committed = Answers.commit(201, null, () -> service.create(STAFF, new ImportInput(kind, level,
                "2026年第一批", "贵州省科学技术厅", issuedOn, documentNo, fileName, (long) file.length, sha256(file))));
        String importId = Json.tree(committed.bodyJson()).get("importId").asText();
        s3.putObject(p -> p.bucket(bucket).key(ListImport.OBJECT_PREFIX + importId), RequestBody.fromBytes(file));
        return importId;
    }

    static ListImport runOnce(String importId) {
        return run(store, 25).run(ListImport.OBJECT_PREFIX + importId).orElseThrow();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ImportRunIT.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theCityList_recordsEveryGoodRow_createsTheProfiles_andReportsTheTwoBadRows_andAgainChangesNothing()
            throws IOException {
        byte[] file = resource("bijie-hte-2026-uscc.gb18030.csv");
        String first = upload("毕节2026高企.csv", file, "HIGH_TECH_ENTERPRISE", "NATIONAL", null, null);

        ListImport done = runOnce(first);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(done.counts()).isEqualTo(new ImportCounts(21, 19, 0, 2, 0, 0, 19));
        String report = service.report(SUPERVISOR, first);
        assertThat(report).startsWith("\uFEFF行号,结果").contains("6,未通过校验,毕节百灵电子信息有限公司,,统一社会信用代码,统一社会信用代码无效或校验码错误")
                .contains("22,未通过校验,毕节大方新材料科技有限公司,,统一社会信用代码,与第 4 行重复");
        var profile = store.organization("91520527FEAYLUYL1X").orElseThrow();
        assertThat(profile.createdByImport()).isEqualTo(first);
        assertThat(profile.profile().county()).isEqualTo("520527");
        assertThat(profile.profile().contactEmail()).isNull();

        String again = upload("毕节2026高企.csv", file, "HIGH_TECH_ENTERPRISE", "NATIONAL", null, null);
        int items = bureau.stack.countItems(bureau.dynamo);
        ListImport second = runOnce(again);

        assertThat(second.counts()).isEqualTo(new ImportCounts(21, 0, 19, 2, 0, 0, 0));
        // the second import's own record: its 21 row outcomes, nothing else
        assertThat(bureau.stack.countItems(bureau.dynamo)).isEqualTo(items + 21);
        // a delivery of a finished import's event again does nothing
        assertThat(run(store, 25).run(ListImport.OBJECT_PREFIX + again)).isEmpty();
    }

    @Test
    void theProvinceList_matchesBijieRowsByName_exactlyOnce_andQueuesTheRestForReview() throws IOException {
        List<String> bijie = new String(resource("gz-hte-2026-batch1.bijie-rows.txt"), StandardCharsets.UTF_8)
                .lines().map(line -> line.split("\t")[1]).toList();
        var organizations = new DynamoOrganizationStore(bureau.dynamo, bureau.table);
        List<String> usccs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String uscc = TestData.newUscc();
            usccs.add(uscc);
            // half-width brackets and spaces in the profile: the same name
            String name = bijie.get(i).replace("（", "(").replace("）", ")");
            organizations.save(null, new Organization(uscc, i == 0 ? " " + name : name, "520502", "OTHER",
                    "o@example.com", null, "2026-11-01T00:00:00Z"), "seed");
        }
        // the 12th name twice: not a unique match
        organizations.save(null, new Organization(TestData.newUscc(), bijie.get(11), "520502", "OTHER",
                "o@example.com", null, "2026-11-01T00:00:00Z"), "seed");
        String importId = upload("贵州省2026年第一批高新技术企业名单.xlsx", resource("gz-hte-2026-batch1.xlsx"),
                "HIGH_TECH_ENTERPRISE", "NATIONAL", "2026-11-20", "黔科高企〔2026〕1号");

        ListImport done = runOnce(importId);

        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.counts()).isEqualTo(new ImportCounts(120, 11, 0, 0, 105, 4, 0));
        List<ImportRow> waiting = service.unmatched(STAFF, importId);
        assertThat(waiting).hasSize(4).extracting(ImportRow::name).contains(bijie.get(11));

        ImportRow reviewed = Json.read(Answers.commit(200, null, () -> service.review(STAFF, importId,
                String.valueOf(waiting.get(0).row()), new ReviewInput(usccs.get(11), null, null), null)).bodyJson(),
                ImportRow.class);

        assertThat(reviewed.outcome()).isEqualTo("RECORDED");
        assertThat(waiting.get(0).issuedOn()).isEqualTo("2026-11-20");
        assertThat(service.get(SUPERVISOR, importId).counts()).isEqualTo(new ImportCounts(120, 12, 0, 0, 105, 3, 0));
        assertThat(service.unmatched(STAFF, importId)).hasSize(3);
        assertThatThrownBy(() -> Answers.commit(200, null, () -> service.review(STAFF, importId,
                String.valueOf(waiting.get(0).row()), new ReviewInput(usccs.get(11), null, null), null)))
                .hasMessageContaining("已核对");
        assertThatThrownBy(() -> service.get(BureauFixture.applicant(usccs.get(0)), importId))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void aDeliveryKilledMidway_isFinishedByTheNext_recordingNoRowTwice() {
        List<List<String>> rows = new ArrayList<>(List.of(List.of("序号", "企业名称", "统一社会信用代码", "证书编号")));
        for (int i = 1; i <= 60; i++) {
            rows.add(List.of(String.valueOf(i), "毕节断点科技有限公司" + i, TestData.newUscc(), "GR2026K" + i));
        }
        String importId = upload("断点.xlsx", ListFiles.xlsx(rows), "HIGH_TECH_ENTERPRISE", "NATIONAL", "2026-11-20",
                null);
        ImportStore dying = new Dying(store, 2);

        assertThatThrownBy(() -> run(dying, 10).run(ListImport.OBJECT_PREFIX + importId))
                .isInstanceOf(IllegalStateException.class);
        ListImport midway = store.find(importId).orElseThrow();
        assertThat(midway.status()).isEqualTo(ImportStatus.PROCESSING);
        assertThat(midway.checkpoint()).isEqualTo(21);

        ListImport done = run(store, 10).run(ListImport.OBJECT_PREFIX + importId).orElseThrow();

        assertThat(done.counts()).isEqualTo(new ImportCounts(60, 60, 0, 0, 0, 0, 60));
        assertThat(store.rows(importId)).hasSize(60).allMatch(r -> r.outcome() == Outcome.RECORDED);
    }

    @Test
    void aFileThatIsNoList_endsRejected_withItsReason_andRecordsNothing() {
        String pdf = upload("名单.csv", "%PDF-1.4 not a list".getBytes(StandardCharsets.US_ASCII),
                "HIGH_TECH_ENTERPRISE", null, "2026-11-20", "X");
        String noColumns = upload("名单.csv", ListFiles.csv(StandardCharsets.UTF_8, true,
                List.of(List.of("序号", "备注"), List.of("1", "x"))), "HIGH_TECH_ENTERPRISE", null, "2026-11-20", "X");
        String bomb = upload("名单.xlsx", ListFiles.zipBomb(300), "HIGH_TECH_ENTERPRISE", null, "2026-11-20", "X");

        assertThat(runOnce(pdf)).satisfies(i -> {
            assertThat(i.status()).isEqualTo(ImportStatus.REJECTED);
            assertThat(i.problem()).contains("不是 CSV 或 XLSX");
        });
        assertThat(runOnce(noColumns).problem()).contains("企业名称");
        assertThat(runOnce(bomb).problem()).contains("zip bomb");
        assertThat(store.rows(pdf)).isEmpty();
    }

    /** The store of a delivery that dies (as at a timeout) after {@code chunks} checkpoints. */
    record Dying(ImportStore store, int chunks, int[] advanced) implements ImportStore {
        Dying(ImportStore store, int chunks) {
            this(store, chunks, new int[1]);
        }

        @Override
        public boolean advance(String importId, int from, int to, List<RowOutcome> rows) {
            if (advanced[0]++ == chunks) {
                throw new IllegalStateException("the function timed out");
            }
            return store.advance(importId, from, to, rows);
        }

        // @formatter:off
        @Override public cn.bijie.innovation.shared.idempotency.PendingWrite create(ListImport i) { return store.create(i); }
        @Override public Optional<ListImport> find(String id) { return store.find(id); }
        @Override public cn.bijie.innovation.shared.paging.Slice<ListImport> list(int l, Map<String, String> s) { return store.list(l, s); }
        @Override public boolean start(String id, String at) { return store.start(id, at); }
        @Override public void finish(String id, ImportStatus s, String p, String at) { store.finish(id, s, p, at); }
        @Override public List<RowOutcome> rows(String id) { return store.rows(id); }
        @Override public cn.bijie.innovation.shared.idempotency.PendingWrite resolve(String id, RowOutcome r) { return store.resolve(id, r); }
        @Override public cn.bijie.innovation.shared.idempotency.Committed replay(String id, cn.bijie.innovation.shared.idempotency.IdempotencyKey k) { return store.replay(id, k); }
        @Override public Map<String, List<String>> organizationsByName() { return store.organizationsByName(); }
        @Override public Optional<ImportedOrganization> organization(String uscc) { return store.organization(uscc); }
        @Override public boolean createOrganization(Organization o, String id, String actor) { return store.createOrganization(o, id, actor); }
        @Override public Optional<String> mailed(String marker) { return store.mailed(marker); }
        @Override public void markMailed(String m, String to, String o, String at) { store.markMailed(m, to, o, at); }
        // @formatter:on
    }

    static String sha256(byte[] file) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
