package cn.bijie.innovation.shared.application;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.calculation.ApplicationReview;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.DecisionInput;
import cn.bijie.innovation.shared.certification.DecisionResult;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.DynamoApplicationStore;
import cn.bijie.innovation.shared.time.Shanghai;
import org.junit.jupiter.api.Test;

/**
 * An application names its platform, against a real table: one of the applicant's own organisation and of the kind's
 * family is kept and used by the decision; another organisation's, an unknown one or one of another family is a 400
 * that reveals nothing; staff see what was named and what the match found, and their own choice wins.
 */
class ApplicationPlatformIT {
    static final BureauFixture bureau = new BureauFixture();
    static final ApplicationService applications = new ApplicationService(new DynamoApplicationStore(bureau.dynamo,
            bureau.table, bureau.policy.reminders().applicationWaitingDays()), bureau.policy, bureau.tokens,
            bureau.clock);
    static final ApplicationReview review = new ApplicationReview(bureau.certificationStore, bureau.subsidyStore,
            bureau.parameterStore, bureau.policy);

    static Application apply(String uscc, String kind, String name, String platformId) {
        Caller applicant = BureauFixture.applicant(uscc);
        ApplicationInput input = new ApplicationInput(uscc, kind, "NATIONAL", false, name, "N-" + uscc + "-" + kind,
                Shanghai.today(bureau.clock).minusDays(3).toString(), null, platformId);
        return BureauFixture.read(Answers.commit(201, null, () -> applications.submit(applicant, input, null))
                .bodyJson(), Application.class);
    }

    static Certification certify(Application application, String platformId) {
        DecisionResult result = BureauFixture.read(bureau.decide(STAFF, application.applicationId(),
                new DecisionInput("CERTIFIED", null, null, null, null, null, platformId)).bodyJson(),
                DecisionResult.class);
        return result.certification();
    }

    @Test
    void anApplicationNamingItsOwnPlatform_isRecordedOnIt_andStaffSeeWhatWasNamedAndWhatTheNameMatches() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        Certification provincial = bureau.record(uscc, "ENGINEERING_RESEARCH_CENTER", "PROVINCIAL", false,
                "毕节煤化工工程研究中心", "ERC-" + uscc, "2025-03-01");

        Application application = apply(uscc, "TECH_INNOVATION_CENTER", "国家煤化工技术创新中心毕节分中心",
                provincial.platformId());

        assertThat(application.platformId()).isEqualTo(provincial.platformId());
        ApplicationReview.Review seen = review.review(application);
        assertThat(seen.namedPlatformId()).isEqualTo(provincial.platformId());
        assertThat(seen.matchedPlatformId()).isNotEqualTo(provincial.platformId());
        assertThat(seen.matchedPlatformExists()).isFalse();
        assertThat(seen.platformId()).isEqualTo(provincial.platformId());
        assertThat(seen.wouldPay().classification()).as("an upgrade of the named platform").isEqualTo("UPGRADE");

        Certification national = certify(application, null);
        assertThat(national.platformId()).isEqualTo(provincial.platformId());
        Platform platform = bureau.certificationStore.organization(uscc).platform(provincial.platformId())
                .orElseThrow();
        assertThat(platform.recognitions()).hasSize(2);
    }

    @Test
    void staffsChoiceOnTheDecision_winsOverThePlatformTheApplicantNamed() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        Certification a = bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "甲实验室", "KL-A-" + uscc,
                "2025-03-01");
        Certification b = bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "乙实验室", "KL-B-" + uscc,
                "2025-03-02");

        Certification national = certify(apply(uscc, "KEY_LABORATORY", "甲实验室", a.platformId()), b.platformId());

        assertThat(national.platformId()).isEqualTo(b.platformId());
    }

    @Test
    void anotherOrganisationsPlatform_anUnknownOne_orOneOfAnotherFamily_isRefused_alike() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        Certification lab = bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "本单位实验室",
                "KL-O-" + uscc, "2025-03-01");
        String other = newUscc();
        bureau.organization(other, "520502");
        Certification theirs = bureau.record(other, "KEY_LABORATORY", "PROVINCIAL", false, "他单位实验室",
                "KL-T-" + other, "2025-03-01");
        String unknown = "plat-" + "0".repeat(32);

        ValidationFailed foreign = catchRefusal(() -> apply(uscc, "KEY_LABORATORY", "实验室", theirs.platformId()));
        ValidationFailed missing = catchRefusal(() -> apply(uscc, "KEY_LABORATORY", "实验室", unknown));
        assertThat(foreign.details()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("platformId"));
        assertThat(foreign.details()).as("another organisation's reads like an unknown one")
                .isEqualTo(missing.details());
        assertThat(foreign.details().get(0).problem()).doesNotContain(other);
        assertThatThrownBy(() -> apply(uscc, "TECH_INNOVATION_CENTER", "创新中心", lab.platformId()))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("platformId");
        assertThatThrownBy(() -> apply(uscc, "KEY_LABORATORY", "实验室", "not-a-platform"))
                .isInstanceOf(ValidationFailed.class).hasMessageContaining("platformId");
    }

    static ValidationFailed catchRefusal(Runnable call) {
        try {
            call.run();
        } catch (ValidationFailed e) {
            return e;
        }
        throw new AssertionError("expected a 400");
    }
}
