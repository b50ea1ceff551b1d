package cn.bijie.innovation.shared.subsidy;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.ClassificationInput;
import cn.bijie.innovation.shared.certification.RevocationInput;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.testing.FourEyes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the record decides, against a real table (issue 12's cases): each recognition belongs to a platform, a renewal
 * is what the enterprise's history shows, an upgrade is per platform, a platform-level is paid once, a DIFFERENCE is
 * recalculated when what it subtracted is cancelled, and nothing is paid outside (or before staff set) the window.
 */
class PlatformHistoryIT {
    static final String HTE = "HIGH_TECH_ENTERPRISE";
    static final BureauFixture bureau = new BureauFixture();

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

    Subsidy calculate(Certification c) {
        bureau.calculator.onCertificationRecorded(c.certificationId());
        return bureau.subsidyOf(c.certificationId());
    }

    @Test
    void aHighTechEnterpriseReRecognised_isARenewal_whateverTheCallerClaimed() {
        String uscc = organization();
        Subsidy first = calculate(bureau.record(uscc, HTE, "NATIONAL", false, "GR2021-" + uscc, "2021-11-20"));
        Certification again = bureau.record(uscc, HTE, "NATIONAL", false, "GR2024-" + uscc, "2024-11-20");

        assertThat(first.rule()).isEqualTo("HIGH_TECH_ENTERPRISE_NEW");
        assertThat(again.renewal()).isTrue();
        assertThat(again.renewalClaimed()).isFalse();
        assertThat(again.renewalMismatch()).isTrue();
        assertThat(again.subsidyNote()).contains("renewal=false").contains("重新认定");
        assertThat(again.platformId()).isEqualTo(first.platformId());
        Subsidy renewal = calculate(again);
        assertThat(renewal.rule()).isEqualTo("HIGH_TECH_ENTERPRISE_RENEWAL");
        assertThat(renewal.classification()).isEqualTo("RENEWAL");
        assertThat(renewal.status()).isEqualTo(SubsidyStatus.PENDING_AMOUNT);
    }

    @Test
    void twoLaboratoriesOfOneOrganisation_areTwoPlatforms_eachPaidInFull() {
        FourEyes.set(bureau.policyService, "PLATFORM_UPGRADE_MODE", "DIFFERENCE");
        String uscc = organization();
        Subsidy a = calculate(bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "A 实验室", "KL-A-" + uscc,
                "2025-03-01"));
        Subsidy b = calculate(bureau.record(uscc, "KEY_LABORATORY", "NATIONAL", false, "B 实验室", "KL-B-" + uscc,
                "2025-06-01"));

        assertThat(a.amountYuan()).isEqualTo(500_000L);
        assertThat(b.platformId()).isNotEqualTo(a.platformId());
        assertThat(b.classification()).isEqualTo("NEW");
        assertThat(b.amountYuan()).isEqualTo(1_000_000L);
        assertThat(b.explanation()).doesNotContain("此前已获省级补助");
        assertThat(bureau.certificationStore.organization(uscc).platforms()).hasSize(2);
    }

    @Test
    void anEngineeringCentreBecomingANationalInnovationCentre_isAnUpgrade_andItsDifferenceIsRecalculatedOnCancellation() {
        FourEyes.set(bureau.policyService, "PLATFORM_UPGRADE_MODE", "DIFFERENCE");
        String uscc = organization();
        Certification provincial = bureau.record(uscc, "ENGINEERING_RESEARCH_CENTER", "PROVINCIAL", false,
                "毕节煤化工中心", "ERC-" + uscc, "2024-03-01");
        Subsidy p = calculate(provincial);
        Subsidy n = calculate(bureau.record(uscc, "TECH_INNOVATION_CENTER", "NATIONAL", false, "毕节煤化工中心",
                "TIC-" + uscc, "2025-06-01"));

        assertThat(n.platformId()).isEqualTo(p.platformId());
        assertThat(n.classification()).isEqualTo("UPGRADE");
        assertThat(n.amountYuan()).isEqualTo(500_000L);
        assertThat(n.subtractedSubsidyId()).isEqualTo(p.subsidyId());

        bureau.revoke(STAFF, provincial.certificationId(), new RevocationInput("撤销省级认定"));
        assertThat(bureau.calculator.onCertificationRevoked(provincial.certificationId())).isEqualTo(1);
        assertThat(bureau.calculator.onCertificationRevoked(provincial.certificationId()))
                .as("a repeated delivery moves nothing").isZero();

        Subsidy recalculated = bureau.subsidyOf(n.certificationId());
        assertThat(recalculated.amountYuan()).isEqualTo(1_000_000L);
        assertThat(recalculated.subtractedSubsidyId()).isNull();
        assertThat(recalculated.note()).contains(p.subsidyId());
        assertThat(recalculated.status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
    }

    @Test
    void fullMode_paysTheNationalAmount_andTheSecondProvincialRecognitionNothing() {
        String uscc = organization();
        Subsidy p = calculate(bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "KL1-" + uscc, "2024-03-01"));
        Subsidy again = calculate(bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "KL2-" + uscc,
                "2024-09-01"));
        Subsidy n = calculate(bureau.record(uscc, "KEY_LABORATORY", "NATIONAL", false, "KL3-" + uscc, "2025-06-01"));
        Subsidy lower = calculate(bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "KL4-" + uscc,
                "2025-09-01"));

        assertThat(p.amountYuan()).isEqualTo(500_000L);
        assertThat(again.status()).isEqualTo(SubsidyStatus.NOT_PAYABLE);
        assertThat(again.classification()).isEqualTo("REPEAT");
        assertThat(again.explanation()).contains(p.subsidyId());
        assertThat(n.classification()).isEqualTo("UPGRADE");
        assertThat(n.amountYuan()).isEqualTo(1_000_000L);
        assertThat(n.explanation()).contains("FULL").contains("500000");
        assertThat(lower.classification()).isEqualTo("LOWER");
        assertThat(lower.status()).isEqualTo(SubsidyStatus.NOT_PAYABLE);
    }

    @Test
    void staffOverrideTheClassification_withAReason_andTheUnpaidSubsidyIsReassessed() {
        String uscc = organization();
        calculate(bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "KLO1-" + uscc, "2024-03-01"));
        Certification second = bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "KLO2-" + uscc,
                "2024-09-01");
        assertThat(calculate(second).status()).isEqualTo(SubsidyStatus.NOT_PAYABLE);

        assertThatThrownBy(() -> Answers.commit(200, null, () -> bureau.certifications.reclassify(STAFF,
                second.certificationId(), new ClassificationInput("NEW", " ")))).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> Answers.commit(200, null, () -> bureau.certifications.reclassify(STAFF,
                second.certificationId(), new ClassificationInput("RENEWAL", "x"))))
                .isInstanceOf(ValidationFailed.class);
        Answers.commit(200, null, () -> bureau.certifications.reclassify(STAFF, second.certificationId(),
                new ClassificationInput("NEW", "经核查为另一实验室")));
        assertThat(bureau.calculator.onReclassified(second.certificationId())).isTrue();

        Subsidy reassessed = bureau.subsidyOf(second.certificationId());
        assertThat(reassessed.status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
        assertThat(reassessed.amountYuan()).isEqualTo(500_000L);
        assertThat(reassessed.explanation()).contains("经核查为另一实验室");
        assertThat(bureau.certificationStore.find(second.certificationId()).orElseThrow().classification())
                .isEqualTo("NEW");
    }

    @Test
    void untilStaffSetTheWindow_subsidiesWait_andOutsideItNothingIsPaid() {
        bureau.resetParameters();
        String uscc = organization();
        Subsidy old = calculate(bureau.record(uscc, HTE, "NATIONAL", false, "GR2012-" + uscc, "2012-05-01"));
        String other = organization();
        Subsidy recent = calculate(bureau.record(other, HTE, "NATIONAL", false, "GR2025-" + other, "2025-05-01"));

        for (Subsidy waiting : List.of(old, recent)) {
            assertThat(waiting.status()).isEqualTo(SubsidyStatus.PENDING_AMOUNT);
            assertThat(waiting.amountYuan()).isNull();
            assertThat(waiting.explanation()).contains("SUBSIDY_WINDOW_FROM");
        }

        FourEyes.set(bureau.policyService, "SUBSIDY_WINDOW_FROM", "2019-01-01");
        assertThat(bureau.calculator.onParameterChanged("SUBSIDY_WINDOW_FROM")).isGreaterThanOrEqualTo(2);

        assertThat(bureau.subsidyOf(recent.certificationId())).satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
            assertThat(s.amountYuan()).isEqualTo(100_000L);
        });
        assertThat(bureau.subsidyOf(old.certificationId())).satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubsidyStatus.NOT_PAYABLE);
            assertThat(s.amountYuan()).isNull();
            assertThat(s.explanation()).contains("2012-05-01").contains("2019-01-01").contains("SUBSIDY_WINDOW_FROM");
        });
    }

    @Test
    void twoStaffRecordingTheSameRecognitionAtOnce_leaveOneRecognitionAndOneSubsidy() throws Exception {
        String uscc = organization();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Callable<Certification>> both = new ArrayList<>();
        both.add(() -> bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "黔科合平台〔2025〕" + uscc,
                "2025-04-01"));
        both.add(() -> bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "黔科合平台[2025]" + uscc,
                "2025-04-02"));
        List<Certification> recorded = new ArrayList<>();
        int conflicts = 0;
        try {
            for (Future<Certification> f : pool.invokeAll(both)) {
                try {
                    recorded.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOfAny(Conflict.class,
                            cn.bijie.innovation.shared.errors.ReadOutdated.class);
                    conflicts++;
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(recorded).hasSize(1);
        assertThat(conflicts).isEqualTo(1);
        Subsidy subsidy = calculate(recorded.get(0));
        assertThat(subsidy.amountYuan()).isEqualTo(500_000L);
        assertThat(bureau.certificationStore.organization(uscc).platforms()).singleElement()
                .satisfies(p -> assertThat(p.recognitions()).hasSize(1));
        assertThat(bureau.subsidies.list(BureauFixture.FINANCE, uscc, null, null, null).items()).hasSize(1);
    }
}
