package cn.bijie.innovation.shared.certification;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.FINANCE;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.subsidy.DisbursementInput;
import cn.bijie.innovation.shared.subsidy.RecoveryInput;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.time.Shanghai;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two records of one platform merged, against a real table: recognitions, subsidies, platform-levels and holdings move
 * in one transaction; a platform-level held twice is kept by one subsidy (the other REPEAT, or, paid twice,
 * RECOVERY_DUE); the subsidy function's recalculation afterwards agrees; refusals, idempotency and a race with
 * recordings.
 */
class PlatformMergeIT {
    static final BureauFixture bureau = new BureauFixture();
    static final String INDICATOR = "PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER";

    @BeforeEach
    void defaults() {
        bureau.resetParameters();
        bureau.openSubsidyWindow();
    }

    String organization() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        return uscc;
    }

    Certification record(String uscc, String kind, String level, String name, String number, String issuedOn) {
        Certification c = bureau.record(uscc, kind, level, false, name, number + "-" + uscc, issuedOn);
        bureau.calculator.onCertificationRecorded(c.certificationId());
        return c;
    }

    static Committed merge(Caller caller, String uscc, String platformId, String into) {
        return Answers.commit(200, null, () -> bureau.platformMerges.merge(caller, uscc, platformId,
                new MergeInput(into, "同一工程研究中心，两次登记")));
    }

    static Platform platform(String uscc, String platformId) {
        return bureau.certificationStore.organization(uscc).platform(platformId).orElseThrow();
    }

    @Test
    void merge_movesRecognitionsSubsidiesAndHoldings_andTheDuplicateProvincialLevelBecomesRepeat() {
        String uscc = organization();
        long counted = bureau.counter(INDICATOR);
        Certification a = record(uscc, "ENGINEERING_RESEARCH_CENTER", "PROVINCIAL", "毕节煤化工工程研究中心", "ERC",
                "2025-03-01");
        Certification b = record(uscc, "TECH_INNOVATION_CENTER", "PROVINCIAL", "毕节市煤化工技术创新中心", "TIC",
                "2025-06-01");
        assertThat(bureau.counter(INDICATOR)).as("two records, two platforms").isEqualTo(counted + 2);
        assertThat(bureau.subsidyOf(a.certificationId()).amountYuan()).isEqualTo(500_000L);
        assertThat(bureau.subsidyOf(b.certificationId()).amountYuan()).isEqualTo(500_000L);

        bureau.calls.reset();
        MergeResult result = BureauFixture.read(merge(STAFF, uscc, a.platformId(), b.platformId()).bodyJson(),
                MergeResult.class);
        // the organisation's partition, the moved certification, both subsidies and their ledger entries, one write
        assertThat(bureau.callsByOperation()).isEqualTo(Map.of("Query", 1, "GetItem", 5, "TransactWriteItems", 1));

        assertThat(result.merged().status()).isEqualTo("MERGED");
        assertThat(result.merged().mergedInto()).isEqualTo(b.platformId());
        Platform merged = platform(uscc, a.platformId());
        Platform kept = platform(uscc, b.platformId());
        assertThat(merged.status()).isEqualTo("MERGED");
        assertThat(merged.mergeReason()).isEqualTo("同一工程研究中心，两次登记");
        assertThat(merged.recognitions()).isEmpty();
        assertThat(kept.recognitions()).extracting(Platform.Recognition::certificationId)
                .containsExactly(a.certificationId(), b.certificationId());
        assertThat(result.kept()).isEqualTo(kept);
        assertThat(bureau.certificationStore.find(a.certificationId()).orElseThrow().platformId())
                .isEqualTo(b.platformId());
        assertThat(bureau.counter(INDICATOR)).as("one platform counts once").isEqualTo(counted + 1);
        assertThat(bureau.certificationStore.organization(uscc).holdings())
                .filteredOn(h -> h.indicatorId().equals(INDICATOR) && !h.certs().isEmpty()).singleElement()
                .satisfies(h -> {
                    assertThat(h.platformId()).isEqualTo(b.platformId());
                    assertThat(h.certs()).containsExactlyInAnyOrder(a.certificationId(), b.certificationId());
                });

        // the earlier recognition keeps the provincial level; the later one's subsidy pays nothing more
        Subsidy first = bureau.subsidyOf(a.certificationId());
        Subsidy second = bureau.subsidyOf(b.certificationId());
        assertThat(first.platformId()).isEqualTo(b.platformId());
        assertThat(first.platformLevel()).isEqualTo(b.platformId() + "#PROVINCIAL");
        assertThat(first.status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
        assertThat(second.status()).isEqualTo(SubsidyStatus.NOT_PAYABLE);
        assertThat(second.classification()).isEqualTo("REPEAT");
        assertThat(second.amountYuan()).isNull();
        assertThat(second.explanation()).contains(first.subsidyId());
        assertThat(second.note()).contains(a.platformId()).contains(b.platformId());
        assertThat(bureau.item(Keys.key("PAID#" + a.platformId() + "#PROVINCIAL", "PAID"))).isEmpty();
        assertThat(Items.str(bureau.item(Keys.key("PAID#" + b.platformId() + "#PROVINCIAL", "PAID")), "subsidyId"))
                .isEqualTo(first.subsidyId());

        assertThat(audit(Keys.organizationPk(uscc))).contains("PLATFORM_MERGED", "PLATFORM_MERGE_KEPT");
        assertThat(audit(Keys.certificationPk(a.certificationId()))).contains("CERTIFICATION_PLATFORM_MERGED");
        assertThat(audit(Keys.subsidyPk(second.subsidyId()))).contains("SUBSIDY_PLATFORM_MERGED");
        // the subsidy function's recalculation after the merge (the certification's stream record) agrees
        assertThat(bureau.calculator.onPlatformMerged(a.certificationId())).isZero();
        assertThat(bureau.subsidyOf(b.certificationId())).isEqualTo(second);
    }

    @Test
    void merge_ofTwoPaidProvincialSubsidies_makesTheLaterOneRecoveryDue_andFinanceRecoversIt() {
        String uscc = organization();
        Certification a = record(uscc, "KEY_LABORATORY", "PROVINCIAL", "毕节煤化工重点实验室", "KL-A", "2025-03-01");
        Certification b = record(uscc, "KEY_LABORATORY", "PROVINCIAL", "毕节市煤化工重点实验室", "KL-B", "2025-06-01");
        String sa = Subsidy.idFor(a.certificationId());
        String sb = Subsidy.idFor(b.certificationId());
        bureau.passNotice(sa, sb);
        String today = Shanghai.today(bureau.clock).toString();
        bureau.disburse(FINANCE, sa, new DisbursementInput(today, "V-A-" + uscc));
        bureau.disburse(FINANCE, sb, new DisbursementInput(today, "V-B-" + uscc));

        merge(STAFF, uscc, b.platformId(), a.platformId());

        assertThat(bureau.subsidyOf(a.certificationId()).status()).isEqualTo(SubsidyStatus.PAID);
        Subsidy twice = bureau.subsidyOf(b.certificationId());
        assertThat(twice.status()).isEqualTo(SubsidyStatus.RECOVERY_DUE);
        assertThat(twice.note()).contains("重复拨付").contains(sa);
        assertThat(twice.platformLevel()).isNull();
        assertThat(twice.amountYuan()).isEqualTo(500_000L);
        Subsidy recovered = BureauFixture.read(Answers.commit(200, null, () -> bureau.subsidies.recover(FINANCE, sb,
                new RecoveryInput(500_000L, today, "R-" + uscc))).bodyJson(), Subsidy.class);
        assertThat(recovered.status()).isEqualTo(SubsidyStatus.RECOVERED);
        assertThat(Items.str(bureau.item(Keys.key("PAID#" + a.platformId() + "#PROVINCIAL", "PAID")), "subsidyId"))
                .as("the paid one still holds the level").isEqualTo(sa);
    }

    @Test
    void merge_waitsForARunningNotice_whenASubsidyOnItWouldLoseItsLevel() {
        String uscc = organization();
        Certification a = record(uscc, "KEY_LABORATORY", "PROVINCIAL", "毕节甲重点实验室", "KL-NA", "2025-03-01");
        Certification b = record(uscc, "KEY_LABORATORY", "PROVINCIAL", "毕节乙重点实验室", "KL-NB", "2025-06-01");
        String sa = Subsidy.idFor(a.certificationId());
        bureau.passNotice(sa);
        bureau.disburse(FINANCE, sa, new DisbursementInput(Shanghai.today(bureau.clock).toString(), "V-N-" + uscc));
        bureau.openNotice(Subsidy.idFor(b.certificationId()));

        assertThatThrownBy(() -> merge(STAFF, uscc, b.platformId(), a.platformId()))
                .isInstanceOf(Conflict.class).hasMessageContaining("public notice");
        assertThat(bureau.subsidyOf(b.certificationId()).status()).isEqualTo(SubsidyStatus.ON_NOTICE);
        assertThat(platform(uscc, b.platformId()).merged()).isFalse();
    }

    @Test
    void merge_recalculatesTheKeptPlatformsUnpaidSubsidies_aNationalOneBecomesAnUpgrade() {
        String uscc = organization();
        Certification provincial = record(uscc, "KEY_LABORATORY", "PROVINCIAL", "毕节磷化工重点实验室", "KL-P",
                "2025-03-01");
        Certification national = record(uscc, "KEY_LABORATORY", "NATIONAL", "国家磷化工重点实验室毕节分室", "KL-N",
                "2025-09-01");
        assertThat(bureau.subsidyOf(national.certificationId()).classification()).isEqualTo("NEW");

        merge(STAFF, uscc, national.platformId(), provincial.platformId());
        assertThat(bureau.calculator.onPlatformMerged(national.certificationId())).isPositive();

        Subsidy upgrade = bureau.subsidyOf(national.certificationId());
        assertThat(upgrade.classification()).isEqualTo("UPGRADE");
        assertThat(upgrade.platformLevel()).isEqualTo(provincial.platformId() + "#NATIONAL");
        assertThat(bureau.subsidyOf(provincial.certificationId()).status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
    }

    @Test
    void merge_isRefused_plainly_forWhatIsNotOnePlatform() {
        String uscc = organization();
        Certification lab = record(uscc, "KEY_LABORATORY", "PROVINCIAL", "毕节重点实验室", "KL", "2025-03-01");
        Certification centre = record(uscc, "ENGINEERING_RESEARCH_CENTER", "PROVINCIAL", "毕节工程中心", "ERC",
                "2025-03-02");
        Certification hte = record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", "毕节高企", "GR", "2025-03-03");
        String other = organization();
        Certification elsewhere = record(other, "KEY_LABORATORY", "PROVINCIAL", "他人实验室", "KL-O", "2025-03-01");

        assertThatThrownBy(() -> merge(STAFF, uscc, lab.platformId(), centre.platformId()))
                .isInstanceOf(Conflict.class).hasMessageContaining("kind families");
        assertThatThrownBy(() -> merge(STAFF, uscc, hte.platformId(), lab.platformId()))
                .isInstanceOf(Conflict.class).hasMessageContaining("high-tech enterprise");
        assertThatThrownBy(() -> merge(STAFF, uscc, lab.platformId(), elsewhere.platformId()))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("into");
        assertThatThrownBy(() -> merge(STAFF, uscc, lab.platformId(), lab.platformId()))
                .isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> merge(STAFF, uscc, elsewhere.platformId(), lab.platformId()))
                .as("another organisation's platform in the path").isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> merge(BureauFixture.applicant(uscc), uscc, lab.platformId(), centre.platformId()))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> Answers.commit(200, null, () -> bureau.platformMerges.merge(STAFF, uscc,
                lab.platformId(), new MergeInput(centre.platformId(), " ")))).isInstanceOf(ValidationFailed.class);
        assertThat(platform(uscc, lab.platformId()).merged()).isFalse();
        assertThat(bureau.certificationStore.find(lab.certificationId()).orElseThrow().platformId())
                .isEqualTo(lab.platformId());
    }

    @Test
    void merge_repeated_answersTheSame_withOrWithoutAnIdempotencyKey_andAnotherTargetIsConflict() {
        String uscc = organization();
        Certification a = record(uscc, "MAKERSPACE", "PROVINCIAL", "毕节众创空间", "MS-A", "2025-03-01");
        Certification b = record(uscc, "MAKERSPACE", "PROVINCIAL", "毕节市众创空间", "MS-B", "2025-04-01");
        Certification c = record(uscc, "MAKERSPACE", "PROVINCIAL", "七星关众创空间", "MS-C", "2025-05-01");
        var key = IdempotencyKey.of(STAFF.sub(), "merge-" + uscc, "merge a into b");

        Committed first = Answers.commit(200, key, () -> bureau.platformMerges.merge(STAFF, uscc, a.platformId(),
                new MergeInput(b.platformId(), "同一众创空间")));
        Committed replay = Answers.commit(200, key, () -> bureau.platformMerges.merge(STAFF, uscc, a.platformId(),
                new MergeInput(b.platformId(), "同一众创空间")));
        Committed again = Answers.commit(200, null, () -> bureau.platformMerges.merge(STAFF, uscc, a.platformId(),
                new MergeInput(b.platformId(), "同一众创空间")));

        assertThat(replay.replayed()).isTrue();
        assertThat(replay.bodyJson()).isEqualTo(first.bodyJson());
        assertThat(again.bodyJson()).isEqualTo(first.bodyJson());
        assertThat(audit(Keys.organizationPk(uscc))).filteredOn("PLATFORM_MERGED"::equals).hasSize(1);
        assertThatThrownBy(() -> merge(STAFF, uscc, a.platformId(), c.platformId()))
                .isInstanceOf(Conflict.class).hasMessageContaining(b.platformId());
        assertThatThrownBy(() -> merge(STAFF, uscc, c.platformId(), a.platformId()))
                .as("into a merged platform").isInstanceOf(Conflict.class).hasMessageContaining(b.platformId());
    }

    @Test
    void merge_racingRecordingsOnBothPlatforms_losesNoRecognition() throws Exception {
        String uscc = organization();
        String nameA = "毕节新材料技术创新中心";
        String nameB = "毕节市新材料技术创新中心";
        Certification a = record(uscc, "TECH_INNOVATION_CENTER", "PROVINCIAL", nameA, "TIC-A", "2025-03-01");
        Certification b = record(uscc, "TECH_INNOVATION_CENTER", "PROVINCIAL", nameB, "TIC-B", "2025-04-01");
        long counted = bureau.counter(INDICATOR);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Object>> work = new ArrayList<>();
        work.add(() -> {
            start.await();
            return merge(STAFF, uscc, a.platformId(), b.platformId());
        });
        for (int i = 0; i < 4; i++) {
            String name = i % 2 == 0 ? nameA : nameB;
            String number = "TIC-R" + i + "-" + uscc;
            work.add(() -> {
                start.await();
                return bureau.record(uscc, "TECH_INNOVATION_CENTER", "NATIONAL", false, name, number,
                        "2025-0" + (5 + work.size() % 3) + "-01");
            });
        }
        List<Future<Object>> futures = new ArrayList<>();
        work.forEach(w -> futures.add(pool.submit(w)));
        start.countDown();
        List<String> recorded = new ArrayList<>(List.of(a.certificationId(), b.certificationId()));
        for (Future<Object> f : futures) {
            Object done = f.get();
            if (done instanceof Certification c) {
                recorded.add(c.certificationId());
            }
        }
        pool.shutdown();

        assertThat(recorded).hasSize(6);
        assertThat(platform(uscc, a.platformId()).recognitions()).isEmpty();
        assertThat(platform(uscc, b.platformId()).recognitions()).extracting(Platform.Recognition::certificationId)
                .containsExactlyInAnyOrderElementsOf(recorded);
        for (String id : recorded) {
            assertThat(bureau.certificationStore.find(id).orElseThrow().platformId()).as(id)
                    .isEqualTo(b.platformId());
        }
        assertThat(bureau.counter(INDICATOR)).as("one platform").isEqualTo(counted - 1);
    }

    @Test
    void aMergeDecidedBeforeARecordingOrASubsidyOnItsPlatforms_failsWhole_andSucceedsWhenDecidedAgain() {
        String uscc = organization();
        Certification a = bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "毕节丙实验室", "KL-RA-" + uscc,
                "2025-03-01");
        Certification b = record(uscc, "KEY_LABORATORY", "PROVINCIAL", "毕节丁实验室", "KL-RB", "2025-06-01");
        MergeInput input = new MergeInput(b.platformId(), "同一实验室");

        var beforeSubsidy = bureau.platformMerges.merge(STAFF, uscc, a.platformId(), input);
        bureau.calculator.onCertificationRecorded(a.certificationId()); // the stream, meanwhile
        assertThatThrownBy(() -> beforeSubsidy.write().commit(null)).isInstanceOf(ReadOutdated.class);
        var beforeRecording = bureau.platformMerges.merge(STAFF, uscc, a.platformId(), input);
        Certification c = bureau.record(uscc, "KEY_LABORATORY", "NATIONAL", false, "毕节丙实验室", "KL-RC-" + uscc,
                "2025-09-01");
        assertThatThrownBy(() -> beforeRecording.write().commit(null)).isInstanceOf(ReadOutdated.class);
        assertThat(platform(uscc, a.platformId()).merged()).isFalse();

        merge(STAFF, uscc, a.platformId(), b.platformId());

        assertThat(platform(uscc, b.platformId()).recognitions()).extracting(Platform.Recognition::certificationId)
                .containsExactlyInAnyOrder(a.certificationId(), b.certificationId(), c.certificationId());
        assertThat(bureau.subsidyOf(a.certificationId()).platformId()).isEqualTo(b.platformId());
    }

    @Test
    void merge_tooLargeForOneTransaction_isConflict_andWritesNothing() {
        String uscc = organization();
        Certification a = record(uscc, "ENTERPRISE_TECH_CENTER", "MUNICIPAL", "毕节企业技术中心", "ETC-0",
                "2024-01-01");
        for (int i = 1; i < 35; i++) {
            bureau.record(uscc, "ENTERPRISE_TECH_CENTER", "MUNICIPAL", false, "毕节企业技术中心",
                    "ETC-" + i + "-" + uscc, "2024-01-0" + (1 + i % 9));
        }
        Certification b = record(uscc, "ENTERPRISE_TECH_CENTER", "MUNICIPAL", "毕节市企业技术中心", "ETC-B",
                "2024-02-01");

        assertThatThrownBy(() -> merge(STAFF, uscc, a.platformId(), b.platformId()))
                .isInstanceOf(Conflict.class).hasMessageContaining("one transaction");
        assertThat(platform(uscc, a.platformId()).merged()).isFalse();
        assertThat(platform(uscc, a.platformId()).recognitions()).hasSize(35);
    }

    static List<String> audit(String pk) {
        return bureau.dynamo.query(q -> q.tableName(bureau.table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :a)")
                        .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":a", Items.s("AUDIT#"))))
                .items().stream().map(i -> Items.str(i, "action")).toList();
    }
}
