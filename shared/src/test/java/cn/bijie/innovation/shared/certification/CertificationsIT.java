package cn.bijie.innovation.shared.certification;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.IdempotencyKeyReused;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.Condition;
import cn.bijie.innovation.shared.store.dynamodb.DueIndex;
import cn.bijie.innovation.shared.store.dynamodb.DynamoIndicatorCounterMoves;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import cn.bijie.innovation.shared.store.dynamodb.WriteTransaction;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Recording, deciding and revoking against a real table: the item, its audit trail, the counters it moves. */
class CertificationsIT {
    static final BureauFixture bureau = new BureauFixture();
    static final String HTE = "HIGH_TECH_ENTERPRISE";

    @Test
    void record_writesTheCertification_itsAuditEntry_andItsFirstReminderDate() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");

        Certification c = bureau.record(uscc, HTE, "NATIONAL", false, "GR2026-1", "2026-11-01");

        var item = bureau.item(Keys.certification(c.certificationId()));
        assertThat(Items.str(item, "status")).isEqualTo("ACTIVE");
        assertThat(c.expiresOn()).as("the last valid day").isEqualTo("2029-10-31");
        assertThat(Items.str(item, DueIndex.SK)).startsWith("2029-08-02#CERT#" + c.certificationId());
        assertThat(Items.str(item, "GSI2PK")).isEqualTo("CERT#ACTIVE");
        assertThat(audit(Keys.certificationPk(c.certificationId()))).containsExactly("CERTIFICATION_RECORDED");
    }

    @Test
    void record_countsTheOrganisationOnce_perIndicatorAndCounty() {
        String a = newUscc();
        String b = newUscc();
        bureau.organization(a, "520581");
        bureau.organization(b, "BJKFQ");
        long before = bureau.counter("ENTERPRISE_TECH_CENTER");
        long qianxi = bureau.countyCounter("ENTERPRISE_TECH_CENTER", "520581");
        long zone = bureau.countyCounter("ENTERPRISE_TECH_CENTER", "BJKFQ");

        bureau.record(a, "ENTERPRISE_TECH_CENTER", "PROVINCIAL", false, "ETC-A1", "2026-10-01");
        bureau.record(a, "ENTERPRISE_TECH_CENTER", "NATIONAL", false, "ETC-A2", "2026-11-01");
        bureau.record(b, "ENTERPRISE_TECH_CENTER", "PROVINCIAL", false, "ETC-B1", "2026-10-01");

        assertThat(bureau.counter("ENTERPRISE_TECH_CENTER")).isEqualTo(before + 2);
        assertThat(bureau.countyCounter("ENTERPRISE_TECH_CENTER", "520581")).isEqualTo(qianxi + 1);
        assertThat(bureau.countyCounter("ENTERPRISE_TECH_CENTER", "BJKFQ")).isEqualTo(zone + 1);
    }

    @Test
    void twoPlatformsOfOneOrganisation_countTwo_andARevokedOneDropsOut() {
        String uscc = newUscc();
        bureau.organization(uscc, "520523");
        String indicator = "PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER";
        long before = bureau.counter(indicator);

        Certification engineering = bureau.record(uscc, "ENGINEERING_RESEARCH_CENTER", "PROVINCIAL", false,
                "毕节煤化工工程中心", "ERC-2P-" + uscc, "2026-10-01");
        bureau.record(uscc, "TECH_INNOVATION_CENTER", "PROVINCIAL", false, "毕节新材料技术创新中心",
                "TIC-2P-" + uscc, "2026-10-02");

        assertThat(bureau.counter(indicator)).as("two platforms (个), one organisation").isEqualTo(before + 2);
        bureau.revoke(STAFF, engineering.certificationId(), new RevocationInput("撤销"));
        assertThat(bureau.counter(indicator)).isEqualTo(before + 1);
    }

    @Test
    void record_isConflict_forTheSameCertificateTwice_andCountsNothingMore() {
        String uscc = newUscc();
        bureau.organization(uscc, "520523");
        bureau.record(uscc, "MAKERSPACE", "PROVINCIAL", false, "MS-1", "2026-11-01");
        long counted = bureau.counter("PROVINCIAL_MAKERSPACE");
        long inCounty = bureau.countyCounter("PROVINCIAL_MAKERSPACE", "520523");

        assertThatThrownBy(() -> bureau.record(uscc, "MAKERSPACE", "PROVINCIAL", false, "MS-1", "2026-11-01"))
                .isInstanceOf(Conflict.class);

        assertThat(bureau.counter("PROVINCIAL_MAKERSPACE")).isEqualTo(counted);
        assertThat(bureau.countyCounter("PROVINCIAL_MAKERSPACE", "520523")).isEqualTo(inCounty);
    }

    @Test
    void record_isConflictNamingTheFirst_forTheSameCertificateInAnotherBracketStyleOrWithAnotherDate() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        String number = "黔科合平台〔2019〕" + uscc.substring(10);
        Certification first = bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, number, "2026-11-01");
        long counted = bureau.counter("PROVINCIAL_MAKERSPACE");

        for (String again : new String[] {number.replace('〔', '[').replace('〕', ']'),
                number.replace("〔", "（").replace("〕", "）") + "号", " " + number.replace("〔", "【").replace("〕", "】")}) {
            assertThatThrownBy(() -> bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, again, "2026-10-20"))
                    .as(again).isInstanceOf(Conflict.class).hasMessageContaining(first.certificationId());
        }
        assertThat(bureau.counter("PROVINCIAL_MAKERSPACE")).isEqualTo(counted);
        assertThat(bureau.certificationStore.organization(uscc).platforms()).singleElement()
                .satisfies(p -> assertThat(p.recognitions()).hasSize(1));
    }

    @Test
    void record_replaysTheFirstAnswer_forTheSameIdempotencyKey_andRefusesItForAnotherBody() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        var input = new CertificationInput(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "重点实验室", "KL-9",
                "2026-11-01", null, null, null);
        var key = new IdempotencyKey(STAFF.sub(), "key-" + uscc, "hash-1");

        var first = Answers.commit(201, key, () -> bureau.certifications.record(STAFF, input));
        var second = Answers.commit(201, key, () -> bureau.certifications.record(STAFF, input));

        assertThat(second.replayed()).isTrue();
        assertThat(second.bodyJson()).isEqualTo(first.bodyJson());
        assertThat(second.status()).isEqualTo(201);
        var other = new IdempotencyKey(STAFF.sub(), "key-" + uscc, "hash-2");
        assertThatThrownBy(() -> Answers.commit(201, other, () -> bureau.certifications.record(STAFF,
                new CertificationInput(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "重点实验室", "KL-10", "2026-11-01",
                        null, null, null))))
                .isInstanceOf(IdempotencyKeyReused.class);
    }

    @Test
    void renewalAndRevocation_moveTheCounter_onlyWhenTheOrganisationStartsOrStopsHolding() {
        String uscc = newUscc();
        bureau.organization(uscc, "520524");
        long base = bureau.counter(HTE);
        long inCounty = bureau.countyCounter(HTE, "520524");

        Certification first = bureau.record(uscc, HTE, "NATIONAL", false, "GR-T1", "2026-01-10");
        Certification renewal = bureau.record(uscc, HTE, "NATIONAL", true, "GR-T2", "2026-11-10");
        assertThat(bureau.counter(HTE)).as("a renewal does not count twice").isEqualTo(base + 1);

        bureau.revoke(STAFF, first.certificationId(), new RevocationInput("证书注销"));
        assertThat(bureau.counter(HTE)).as("the renewal still holds").isEqualTo(base + 1);

        bureau.revoke(STAFF, renewal.certificationId(), new RevocationInput("证书注销"));
        assertThat(bureau.counter(HTE)).isEqualTo(base);
        assertThat(bureau.countyCounter(HTE, "520524")).isEqualTo(inCounty);
    }

    @Test
    void revoke_removesTheReminderDate_andIsConflictTheSecondTime() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        Certification c = bureau.record(uscc, HTE, "NATIONAL", false, "GR-R1", "2026-06-01");

        bureau.revoke(STAFF, c.certificationId(), new RevocationInput("弄虚作假"));

        var item = bureau.item(Keys.certification(c.certificationId()));
        assertThat(Items.str(item, "status")).isEqualTo("REVOKED");
        assertThat(Items.str(item, "GSI2PK")).isEqualTo("CERT#REVOKED");
        assertThat(item).doesNotContainKeys(DueIndex.PK, DueIndex.SK);
        assertThatThrownBy(() -> bureau.revoke(STAFF, c.certificationId(),
                new RevocationInput("again"))).isInstanceOf(Conflict.class);
        assertThat(audit(Keys.certificationPk(c.certificationId())))
                .containsExactly("CERTIFICATION_RECORDED", "CERTIFICATION_REVOKED");
    }

    @Test
    void expiry_uncountsTheOrganisation_throughTheSeamTheReminderRunCalls() {
        String uscc = newUscc();
        bureau.organization(uscc, "520525");
        Certification c = bureau.record(uscc, HTE, "NATIONAL", false, "GR-E1", "2026-02-01");
        long counted = bureau.counter(HTE);

        // what the reminder run does on the expiry date: status and counters in one transaction, through its seam
        var tx = new WriteTransaction(bureau.table);
        tx.update(Keys.certification(c.certificationId()), "SET #s = :expired", Map.of("#s", "status"),
                Map.of(":expired", Items.s("EXPIRED")), Condition.equals("status", Items.s("ACTIVE")), null);
        new DynamoIndicatorCounterMoves(bureau.dynamo, bureau.table, bureau.policy)
                .deactivated(tx, c.certificationId(), uscc, c.kind(), c.level());
        new TableWriter(bureau.dynamo).commit(tx);

        assertThat(bureau.counter(HTE)).isEqualTo(counted - 1);
        assertThat(bureau.indicatorStore.holdings(uscc)).singleElement()
                .satisfies(h -> assertThat(h.certs()).isEmpty());
    }

    @Test
    void concurrentCertifications_ofOneOrganisation_countItOnce() throws Exception {
        String uscc = newUscc();
        bureau.organization(uscc, "520526");
        long base = bureau.counter("PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER");
        long inCounty = bureau.countyCounter("PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER", "520526");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Certification>> jobs = IntStream.range(0, 8).<Callable<Certification>>mapToObj(i -> () ->
                    bureau.record(uscc, i % 2 == 0 ? "ENGINEERING_RESEARCH_CENTER" : "TECH_INNOVATION_CENTER",
                            "PROVINCIAL", false, "EC-" + i, "2026-11-01")).toList();
            for (Future<Certification> done : pool.invokeAll(jobs)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(bureau.counter("PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER")).isEqualTo(base + 1);
        assertThat(bureau.countyCounter("PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER", "520526"))
                .isEqualTo(inCounty + 1);
        assertThat(bureau.indicatorStore.holdings(uscc)).singleElement()
                .satisfies(h -> assertThat(h.certs()).hasSize(8));
    }

    @Test
    void decision_certifies_theApplication_andTakesItOffTheWaitingList() {
        String uscc = newUscc();
        bureau.organization(uscc, "BLDJ");
        String applicationId = bureau.application(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "KL-APP-1");
        long centres = bureau.countyCounter("PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER", "BLDJ");

        var committed = bureau.decide(STAFF, applicationId,
                new DecisionInput("CERTIFIED", null, null, null, null, "贵州省科学技术厅", null));

        DecisionResult result = BureauFixture.read(committed.bodyJson(), DecisionResult.class);
        assertThat(committed.status()).isEqualTo(200);
        assertThat(result.status()).isEqualTo("CERTIFIED");
        assertThat(result.certification().applicationId()).isEqualTo(applicationId);
        var application = bureau.item(Keys.key("APP#" + applicationId, "APP"));
        assertThat(Items.str(application, "status")).isEqualTo("CERTIFIED");
        assertThat(Items.str(application, "GSI2PK")).isEqualTo("APP#CERTIFIED");
        assertThat(Items.str(application, "certificationId")).isEqualTo(result.certificationId());
        assertThat(application).doesNotContainKeys(DueIndex.PK, DueIndex.SK);
        assertThat(audit("APP#" + applicationId)).containsExactly("APPLICATION_SUBMITTED", "APPLICATION_CERTIFIED");
        assertThat(bureau.countyCounter("PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER", "BLDJ"))
                .as("key laboratories do not count toward that indicator (POLICY.md, 一)").isEqualTo(centres);
    }

    @Test
    void decision_isConflict_onAnApplicationNoLongerSubmitted() {
        String uscc = newUscc();
        bureau.organization(uscc, "JHH");
        String applicationId = bureau.application(uscc, "MAKERSPACE", "PROVINCIAL", false, "MS-APP-1");
        long makerspaces = bureau.countyCounter("PROVINCIAL_MAKERSPACE", "JHH");
        bureau.decide(STAFF, applicationId,
                new DecisionInput("RETURNED", "请补充批复文件", null, null, null, null, null));

        assertThatThrownBy(() -> bureau.decide(STAFF, applicationId,
                new DecisionInput("CERTIFIED", null, null, null, null, null, null))).isInstanceOf(Conflict.class);

        var application = bureau.item(Keys.key("APP#" + applicationId, "APP"));
        assertThat(Items.str(application, "status")).isEqualTo("RETURNED");
        assertThat(Items.str(application, "reason")).isEqualTo("请补充批复文件");
        assertThat(bureau.countyCounter("PROVINCIAL_MAKERSPACE", "JHH")).as("nothing half-written")
                .isEqualTo(makerspaces);
    }

    @Test
    void list_pagesThroughAnOrganisationsCertifications_newestFirst() {
        String uscc = newUscc();
        bureau.organization(uscc, "520527");
        for (int i = 1; i <= 3; i++) {
            bureau.record(uscc, "MAKERSPACE", "MUNICIPAL", false, "MS-L" + i, "2026-0" + i + "-01");
        }
        var owner = BureauFixture.applicant(uscc);

        var first = bureau.certifications.list(owner, null, null, null, null, "2", null);
        var second = bureau.certifications.list(owner, null, null, null, null, "2", first.nextToken());

        assertThat(first.items()).extracting(Certification::certificateNo).containsExactly("MS-L3", "MS-L2");
        assertThat(second.items()).extracting(Certification::certificateNo).containsExactly("MS-L1");
        assertThatThrownBy(() -> bureau.certifications.list(BureauFixture.applicant(newUscc()), null, null, null,
                null, "2", first.nextToken())).hasMessageContaining("nextToken");
    }

    @Test
    void list_findsCertificationsExpiringBeforeADate_byStatus() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        LocalDate today = Shanghai.today(bureau.clock);
        Certification soon = bureau.record(uscc, HTE, "NATIONAL", false, "GR-X1",
                today.minusYears(3).plusDays(20).toString());

        var page = bureau.certifications.list(STAFF, null, null, "ACTIVE", today.plusDays(30).toString(), "100",
                null);

        assertThat(page.items()).extracting(Certification::certificationId).contains(soon.certificationId());
        assertThat(page.items()).allSatisfy(c -> assertThat(c.expiresOn()).isLessThan(today.plusDays(30).toString()));
    }

    /** The actions of a record's audit trail, oldest first. */
    static List<String> audit(String pk) {
        return bureau.dynamo.query(q -> q.tableName(bureau.table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :a)")
                        .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":a", Items.s("AUDIT#"))))
                .items().stream().map(i -> Items.str(i, "action")).toList();
    }
}
