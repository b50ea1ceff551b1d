package cn.bijie.innovation.shared.calculation;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What staff see when they decide, against a real table: the record, and what the policy would pay and why. */
class ApplicationReviewIT {
    static final BureauFixture bureau = new BureauFixture();
    static final ApplicationReview review = new ApplicationReview(bureau.certificationStore, bureau.subsidyStore,
            bureau.parameterStore, bureau.policy);

    @BeforeAll
    static void money() {
        bureau.openSubsidyWindow();
    }

    @Test
    void staffSeeTheEnterprisesRecord_andThatAReApplicationIsARenewal_whateverItClaims() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        bureau.calculator.onCertificationRecorded(bureau.record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false,
                "GR2022-" + uscc, "2022-06-01").certificationId());
        Application application = bureau.certificationStore.application(bureau.application(uscc,
                "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR2025-" + uscc)).orElseThrow();

        ApplicationReview.Review seen = review.review(application);

        assertThat(seen.platforms()).hasSize(1);
        assertThat(seen.recognitions()).hasSize(1);
        assertThat(seen.subsidies()).singleElement().satisfies(s -> assertThat(s.amountYuan()).isEqualTo(100_000L));
        assertThat(seen.wouldPay().renewal()).isTrue();
        assertThat(seen.wouldPay().classification()).isEqualTo("RENEWAL");
        assertThat(seen.wouldPay().rule()).isEqualTo("HIGH_TECH_ENTERPRISE_RENEWAL");
        assertThat(seen.wouldPay().clause()).isEqualTo("三(一)");
        assertThat(seen.wouldPay().status()).isEqualTo(SubsidyStatus.PENDING_AMOUNT);
        assertThat(review.view(STAFF, application)).containsKey("review").containsEntry("subsidyEligible", true);
        assertThat(review.view(BureauFixture.applicant(uscc), application)).doesNotContainKey("review");
    }

    @Test
    void anApplicationForAKindThePolicyDoesNotFund_saysSoAtOnce() {
        String uscc = newUscc();
        bureau.organization(uscc, "520521");
        Application application = bureau.certificationStore.application(bureau.application(uscc, "MAKERSPACE",
                "PROVINCIAL", false, "MS-R-" + uscc)).orElseThrow();

        Map<String, Object> view = review.view(BureauFixture.applicant(uscc), application);

        assertThat(view).containsEntry("subsidyEligible", false);
        assertThat((String) view.get("subsidyNote")).contains("不设补助");
        assertThat(review.review(application).wouldPay().eligible()).isFalse();
    }
}
