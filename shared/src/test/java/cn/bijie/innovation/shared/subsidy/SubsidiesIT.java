package cn.bijie.innovation.shared.subsidy;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.FINANCE;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.calculation.SubsidyCalculator.Outcome;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.RevocationInput;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.policy.ParameterInput;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.DueIndex;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.testing.FourEyes;
import cn.bijie.innovation.shared.time.Shanghai;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subsidy a recognition earns, against a real table: computed once by the subsidy function, cancelled or flagged
 * by a revocation, paid by finance; the renewal amount that waits for its parameter. Parameters are global to a
 * policy version: each test starts from the policy file's defaults.
 */
class SubsidiesIT {
    static final String HTE = "HIGH_TECH_ENTERPRISE";

    static final BureauFixture bureau = new BureauFixture();

    @BeforeEach
    void defaults() {
        bureau.resetParameters();
        bureau.openSubsidyWindow();
    }

    String organization(String county) {
        String uscc = newUscc();
        bureau.organization(uscc, county);
        return uscc;
    }

    @Test
    void newRecognitions_earnThePolicyAmounts_once() {
        String uscc = organization("520502");

        Certification hte = bureau.recordAndCalculate(uscc, HTE, "NATIONAL", false, "GR-1");
        Certification lab = bureau.recordAndCalculate(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "KL-1");
        Certification centre = bureau.recordAndCalculate(uscc, "ENTERPRISE_TECH_CENTER", "NATIONAL", false, "ETC-1");
        Certification workstation = bureau.recordAndCalculate(uscc, "ACADEMICIAN_WORKSTATION", "PROVINCIAL", false,
                "AW-1");

        assertThat(bureau.subsidyOf(hte.certificationId())).satisfies(s -> {
            assertThat(s.amountYuan()).isEqualTo(100_000L);
            assertThat(s.status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
            assertThat(s.rule()).isEqualTo("HIGH_TECH_ENTERPRISE_NEW");
            assertThat(s.policyVersion()).isEqualTo("BJ-2019");
            assertThat(s.explanation()).contains("三(一)");
        });
        assertThat(bureau.subsidyOf(lab.certificationId()).amountYuan()).isEqualTo(500_000L);
        assertThat(bureau.subsidyOf(centre.certificationId()).amountYuan()).isEqualTo(1_000_000L);
        assertThat(bureau.subsidyOf(centre.certificationId()).explanation()).contains("三(二)");
        assertThat(bureau.subsidyOf(workstation.certificationId())).isNull();
        assertThat(workstation.subsidyEligible()).isFalse();
        assertThat(workstation.subsidyNote()).contains("不设补助");
        assertThat(bureau.calculator.onCertificationRecorded(hte.certificationId())).isEqualTo(Outcome.EXISTED);
    }

    @Test
    void awaitingPayment_isDue_afterTheUnpaidDays_untilPaid() {
        String uscc = organization("520521");
        Certification c = bureau.recordAndCalculate(uscc, HTE, "NATIONAL", false, "GR-D1");
        String subsidyId = Subsidy.idFor(c.certificationId());
        assertThat(bureau.item(Keys.subsidy(subsidyId))).as("not due before its notice").doesNotContainKey(DueIndex.PK);
        String due = bureau.passNotice(subsidyId).plusDays(bureau.policy.reminders().subsidyUnpaidDays()).toString();

        assertThat(Items.str(bureau.item(Keys.subsidy(subsidyId)), DueIndex.SK)).startsWith(due + "#SUB#");

        bureau.disburse(FINANCE, subsidyId, new DisbursementInput(today(), "PZ-2026-001"));

        var item = bureau.item(Keys.subsidy(subsidyId));
        assertThat(Items.str(item, "status")).isEqualTo("PAID");
        assertThat(Items.str(item, "voucherNo")).isEqualTo("PZ-2026-001");
        assertThat(item).doesNotContainKeys(DueIndex.PK, DueIndex.SK);
    }

    @Test
    void disbursement_isOnlyFromAwaitingPayment_andOnlyForFinance() {
        String uscc = organization("520523");
        Certification c = bureau.recordAndCalculate(uscc, HTE, "NATIONAL", false, "GR-P1");
        String subsidyId = Subsidy.idFor(c.certificationId());
        var paying = new DisbursementInput(today(), "PZ-1");

        assertThatThrownBy(() -> bureau.disburse(STAFF, subsidyId, paying))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> bureau.disburse(BureauFixture.applicant(uscc), subsidyId, paying))
                .isInstanceOf(Forbidden.class);
        bureau.passNotice(subsidyId);
        bureau.disburse(FINANCE, subsidyId, paying);
        assertThatThrownBy(() -> bureau.disburse(FINANCE, subsidyId, new DisbursementInput(today(), "PZ-2")))
                .isInstanceOf(Conflict.class);
        assertThat(bureau.subsidyOf(c.certificationId()).voucherNo()).isEqualTo("PZ-1");
    }

    @Test
    void revocationBeforePayment_cancelsTheSubsidy() {
        String uscc = organization("520524");
        Certification c = bureau.recordAndCalculate(uscc, "TECH_INNOVATION_CENTER", "PROVINCIAL", false, "TIC-1");

        bureau.revoke(STAFF, c.certificationId(), new RevocationInput("材料不实"));

        Subsidy s = bureau.subsidyOf(c.certificationId());
        assertThat(s.status()).isEqualTo(SubsidyStatus.CANCELLED);
        assertThat(s.amountYuan()).as("what it would have been").isEqualTo(500_000L);
        assertThat(bureau.item(Keys.subsidy(s.subsidyId()))).doesNotContainKeys(DueIndex.PK, DueIndex.SK);
        assertThatThrownBy(() -> bureau.disburse(FINANCE, s.subsidyId(),
                new DisbursementInput(today(), "PZ-9"))).isInstanceOf(Conflict.class);
    }

    @Test
    void revocationAfterPayment_makesItDueForRecovery_andFinanceRecordsTheRecovery() {
        String uscc = organization("520525");
        Certification c = bureau.recordAndCalculate(uscc, HTE, "NATIONAL", false, "GR-RP");
        String subsidyId = Subsidy.idFor(c.certificationId());
        bureau.passNotice(subsidyId);
        bureau.disburse(FINANCE, subsidyId, new DisbursementInput(today(), "PZ-7"));

        bureau.revoke(STAFF, c.certificationId(), new RevocationInput("撤销高企资格"));

        Subsidy s = bureau.subsidyOf(c.certificationId());
        assertThat(s.status()).isEqualTo(SubsidyStatus.RECOVERY_DUE);
        assertThat(s.certificationRevoked()).isTrue();
        assertThat(s.note()).contains("追回");
        assertThat(bureau.subsidies.list(FINANCE, uscc, "RECOVERY_DUE", null, null).items())
                .extracting(Subsidy::subsidyId).containsExactly(subsidyId);

        assertThatThrownBy(() -> recover(subsidyId, 100_001L)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> Answers.commit(200, null, () -> bureau.subsidies.recover(STAFF, subsidyId,
                new RecoveryInput(100_000L, today(), "ZH-1")))).isInstanceOf(Forbidden.class);
        Subsidy recovered = recover(subsidyId, 100_000L);

        assertThat(recovered.status()).isEqualTo(SubsidyStatus.RECOVERED);
        assertThat(bureau.subsidyOf(c.certificationId())).satisfies(r -> {
            assertThat(r.status()).isEqualTo(SubsidyStatus.RECOVERED);
            assertThat(r.recoveredYuan()).isEqualTo(100_000L);
            assertThat(r.recoveryVoucherNo()).isEqualTo("ZH-1");
            assertThat(r.note()).contains("ZH-1");
        });
        assertThat(bureau.subsidies.list(FINANCE, uscc, "RECOVERED", null, null).items()).hasSize(1);
        assertThatThrownBy(() -> recover(subsidyId, 1L)).as("recovered once").isInstanceOf(Conflict.class);
    }

    Subsidy recover(String subsidyId, long yuan) {
        var committed = Answers.commit(200, null, () -> bureau.subsidies.recover(FINANCE, subsidyId,
                new RecoveryInput(yuan, today(), "ZH-1")));
        return BureauFixture.read(committed.bodyJson(), Subsidy.class);
    }

    @Test
    void revocationBeforeTheStreamArrives_leavesACancelledSubsidy() {
        String uscc = organization("520526");
        Certification c = bureau.record(uscc, HTE, "NATIONAL", false, "GR-LATE", "2026-11-01");
        bureau.revoke(STAFF, c.certificationId(), new RevocationInput("撤销"));

        assertThat(bureau.calculator.onCertificationRecorded(c.certificationId())).isEqualTo(Outcome.CREATED);

        assertThat(bureau.subsidyOf(c.certificationId()).status()).isEqualTo(SubsidyStatus.CANCELLED);
    }

    @Test
    void renewal_waitsForItsAmount_andSettingTheParameterMovesEveryWaitingOne() {
        String first = organization("520527");
        String second = organization("BLDJ");
        // a renewal is what the record shows: each enterprise was recognised three years before
        String earlier = Shanghai.today(bureau.clock).minusYears(3).minusDays(10).toString();
        bureau.record(first, HTE, "NATIONAL", false, "GR-RN1-2023", earlier);
        bureau.record(second, HTE, "NATIONAL", false, "GR-RN2-2023", earlier);
        Certification a = bureau.recordAndCalculate(first, HTE, "NATIONAL", true, "GR-RN1");
        Certification b = bureau.recordAndCalculate(second, HTE, "NATIONAL", true, "GR-RN2");
        assertThat(bureau.subsidyOf(a.certificationId())).satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubsidyStatus.PENDING_AMOUNT);
            assertThat(s.amountYuan()).isNull();
        });
        assertThat(bureau.item(Keys.subsidy(Subsidy.idFor(a.certificationId())))).doesNotContainKey(DueIndex.PK);

        FourEyes.set(bureau.policyService, "HIGH_TECH_ENTERPRISE_RENEWAL_YUAN", 50_000);
        int moved = bureau.calculator.onParameterChanged("HIGH_TECH_ENTERPRISE_RENEWAL_YUAN");

        assertThat(moved).as("every waiting renewal, these two among them").isGreaterThanOrEqualTo(2);
        for (Certification c : new Certification[] {a, b}) {
            Subsidy s = bureau.subsidyOf(c.certificationId());
            assertThat(s.status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
            assertThat(s.amountYuan()).isEqualTo(50_000L);
            assertThat(s.explanation()).contains("50000元");
            assertThat(bureau.item(Keys.subsidy(s.subsidyId()))).as("due only after its notice")
                    .doesNotContainKey(DueIndex.PK);
        }
        assertThat(bureau.calculator.onParameterChanged("HIGH_TECH_ENTERPRISE_RENEWAL_YUAN"))
                .as("a repeated delivery moves nothing").isZero();

        Certification later = bureau.recordAndCalculate(first, HTE, "NATIONAL", true, "GR-RN3");
        assertThat(bureau.subsidyOf(later.certificationId()).amountYuan()).isEqualTo(50_000L);
    }

    @Test
    void nationalUpgrade_paysInFull_byDefault_andTheDifference_whenSwitched() {
        String full = organization("JHH");
        bureau.recordAndCalculate(full, "KEY_LABORATORY", "PROVINCIAL", false, "KL-U1");
        Certification national = bureau.recordAndCalculate(full, "KEY_LABORATORY", "NATIONAL", false, "KL-U2");
        assertThat(bureau.subsidyOf(national.certificationId())).satisfies(s -> {
            assertThat(s.amountYuan()).isEqualTo(1_000_000L);
            assertThat(s.rule()).isEqualTo("PLATFORM_UPGRADE_FULL");
        });

        FourEyes.set(bureau.policyService, "PLATFORM_UPGRADE_MODE", "DIFFERENCE");
        String difference = organization("BJKFQ");
        bureau.recordAndCalculate(difference, "ENGINEERING_RESEARCH_CENTER", "PROVINCIAL", false, "ERC-U1");
        Certification upgraded = bureau.recordAndCalculate(difference, "ENGINEERING_RESEARCH_CENTER", "NATIONAL",
                false, "ERC-U2");

        assertThat(bureau.subsidyOf(upgraded.certificationId())).satisfies(s -> {
            assertThat(s.amountYuan()).isEqualTo(500_000L);
            assertThat(s.rule()).isEqualTo("PLATFORM_UPGRADE_DIFFERENCE");
            assertThat(s.explanation()).contains("差额", "500000元");
        });
    }

    @Test
    void list_showsAnApplicantItsOwnSubsidies_only() {
        String mine = organization("520502");
        String theirs = organization("520502");
        Certification own = bureau.recordAndCalculate(mine, HTE, "NATIONAL", false, "GR-O1");
        Certification other = bureau.recordAndCalculate(theirs, HTE, "NATIONAL", false, "GR-O2");

        var page = bureau.subsidies.list(BureauFixture.applicant(mine), null, null, null, null);

        assertThat(page.items()).extracting(Subsidy::certificationId).containsExactly(own.certificationId());
        assertThatThrownBy(() -> bureau.subsidies.get(BureauFixture.applicant(mine),
                Subsidy.idFor(other.certificationId()))).hasMessageContaining("不存在");
        assertThat(bureau.subsidies.list(FINANCE, null, "AWAITING_NOTICE", null, null).items())
                .extracting(Subsidy::certificationId).contains(own.certificationId(), other.certificationId());
    }

    String today() {
        return Shanghai.today(bureau.clock).toString();
    }
}
