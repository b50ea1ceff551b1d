package cn.bijie.innovation.shared.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.FieldProblem;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.testing.TestStack;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rules of applications, over an in-memory fake of our own store port. */
class ApplicationServiceTest {
    static final String OWN = "91520500MA6DKQ5X35";
    static final String OTHER = "91520581MA6H12345G";
    /** 2026-11-25 17:00 UTC is already 2026-11-26 in Bijie. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T17:00:00Z"), ZoneOffset.UTC);

    final InMemoryApplicationStore store = new InMemoryApplicationStore();
    final ApplicationService service = new ApplicationService(store, Policy.active(),
            new PageToken(TestStack.PAGE_TOKEN_SECRET), CLOCK);
    final Caller owner = applicant(OWN);
    final Caller staff = new Caller("s1", Set.of(Role.STAFF), null, null);

    static Caller applicant(String uscc) {
        return new Caller("u-" + uscc, Set.of(Role.APPLICANT), uscc, "a@example.com");
    }

    static ApplicationInput input(String kind, String level, Boolean renewal, String issuedOn) {
        return new ApplicationInput(OWN, kind, level, renewal, "毕节某科技有限公司", "GR202652000123", issuedOn, null);
    }

    static final ApplicationInput VALID = input("HIGH_TECH_ENTERPRISE", "NATIONAL", false, "2026-10-20");

    @BeforeEach
    void profiles() {
        store.organizations.put(OWN, new Organization(OWN, "毕节某科技有限公司", "520502", "NEW_MATERIALS",
                "a@example.com", null, "2026-11-01T00:00:00Z"));
    }

    Application submitted() {
        submit(owner, VALID, null);
        return store.applications.values().iterator().next();
    }

    @Test
    void submit_storesASubmittedApplication_withTheCountyOfTheProfile() {
        Committed committed = submit(owner, VALID, null);

        assertThat(committed.status()).isEqualTo(201);
        Application stored = store.applications.values().iterator().next();
        assertThat(stored.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(stored.county()).isEqualTo("520502");
        assertThat(stored.submittedAt()).isEqualTo("2026-11-25T17:00:00Z");
        assertThat(Json.tree(committed.bodyJson()).path("applicationId").asText()).isEqualTo(stored.applicationId());
    }

    @Test
    void submit_acceptsIssuedOnToday_inBijieTime() {
        assertThat(submit(owner, input("HIGH_TECH_ENTERPRISE", "NATIONAL", false, "2026-11-26"), null)
                .status()).isEqualTo(201);
    }

    @Test
    void submit_isValidationFailed_whenIssuedOnIsBeforeThePolicysFloor_andAcceptsTheFloor() {
        for (String date : new String[] {"0000-01-01", "1900-01-01", "1979-12-31"}) {
            assertProblem(() -> submit(owner, input("HIGH_TECH_ENTERPRISE", "NATIONAL", false, date), null),
                    "issuedOn");
        }
        assertThat(Policy.active().issuedOnFloor()).hasToString("1980-01-01");
        submit(owner, input("TECH_INNOVATION_CENTER", "NATIONAL", false, "1980-01-01"), null);
    }

    @Test
    void submit_isValidationFailed_whenIssuedOnIsInTheFuture() {
        assertProblem(() -> submit(owner, input("HIGH_TECH_ENTERPRISE", "NATIONAL", false, "2026-11-27"),
                null), "issuedOn");
    }

    @Test
    void submit_isValidationFailed_whenTheLevelIsNotOneThePolicyListsForTheKind() {
        assertProblem(() -> submit(owner, input("HIGH_TECH_ENTERPRISE", "PROVINCIAL", false, "2026-10-20"),
                null), "level");
        assertProblem(() -> submit(owner, input("TECH_TRANSFER_INSTITUTION", "MUNICIPAL", false,
                "2026-10-20"), null), "level");
    }

    @Test
    void submit_isValidationFailed_whenRenewalIsClaimedForAPlatform() {
        assertProblem(() -> submit(owner, input("KEY_LABORATORY", "NATIONAL", true, "2026-10-20"), null),
                "renewal");
    }

    @Test
    void submit_namesEveryMissingField() {
        var empty = new ApplicationInput(null, null, null, null, null, null, null, null);

        assertThatThrownBy(() -> submit(owner, empty, null)).isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(FieldProblem::field)
                        .containsExactly("uscc", "kind", "level", "renewal", "platformName", "certificateNo",
                                "issuedOn"));
        assertThat(store.writes).isZero();
    }

    @Test
    void submit_isForbidden_forAnotherOrganisationsUscc() {
        var foreign = new ApplicationInput(OTHER, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "x", "y", "2026-10-20",
                null);
        assertThatThrownBy(() -> submit(owner, foreign, null)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> submit(staff, VALID, null)).isInstanceOf(Forbidden.class);
        assertThat(store.writes).isZero();
    }

    @Test
    void submit_isConflict_whenTheOrganisationHasNoProfile() {
        store.organizations.clear();
        assertThatThrownBy(() -> submit(owner, VALID, null)).isInstanceOf(Conflict.class);
        assertThat(store.writes).isZero();
    }

    @Test
    void submit_replaysTheFirstResponse_forAKeyUsedBefore() {
        var key = new IdempotencyKey(owner.sub(), "k1", "hash");
        Committed first = submit(owner, VALID, key);

        Committed second = submit(owner, VALID, key);

        assertThat(second.bodyJson()).isEqualTo(first.bodyJson());
        assertThat(second.replayed()).isTrue();
        assertThat(store.applications).hasSize(1);
    }

    @Test
    void correct_resubmitsAReturnedApplication_withTheCorrectedBody() {
        Application returned = returned(submitted());
        var corrected = new ApplicationInput(OWN, "HIGH_TECH_ENTERPRISE", "NATIONAL", true, "新名称",
                "GR202652000999", "2026-10-21", "补充了材料");

        Committed committed = correct(owner, returned.applicationId(), corrected, null);

        Application after = store.applications.get(returned.applicationId());
        assertThat(committed.status()).isEqualTo(200);
        assertThat(after.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(after.certificateNo()).isEqualTo("GR202652000999");
        assertThat(after.renewal()).isTrue();
        assertThat(after.notes()).isEqualTo("补充了材料");
        assertThat(after.county()).isEqualTo("520502");
    }

    @Test
    void correct_isConflict_whileTheApplicationIsStillSubmitted() {
        Application application = submitted();
        assertThatThrownBy(() -> correct(owner, application.applicationId(), VALID, null))
                .isInstanceOf(Conflict.class);
        assertThat(store.applications.get(application.applicationId())).isEqualTo(application);
    }

    @Test
    void correct_isValidationFailed_whenTheBodyNamesAnotherOrganisation() {
        Application returned = returned(submitted());
        var moved = new ApplicationInput(OTHER, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "x", "y", "2026-10-20",
                null);
        assertProblem(() -> correct(owner, returned.applicationId(), moved, null), "uscc");
    }

    @Test
    void withdraw_movesASubmittedApplicationToWithdrawn() {
        Application application = submitted();

        withdraw(owner, application.applicationId(), null);

        assertThat(store.applications.get(application.applicationId()).status())
                .isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void withdraw_isConflict_whenTheApplicationIsWithdrawnAlready() {
        Application application = submitted();
        withdraw(owner, application.applicationId(), null);

        assertThatThrownBy(() -> withdraw(owner, application.applicationId(), null))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void withdraw_isNotFound_forAnotherOrganisation_andForbidden_forStaff() {
        Application application = submitted();

        assertThatThrownBy(() -> withdraw(applicant(OTHER), application.applicationId(), null))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> withdraw(staff, application.applicationId(), null))
                .isInstanceOf(Forbidden.class);
        assertThat(store.applications.get(application.applicationId()).status())
                .isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void get_answersAnotherOrganisationsIdExactlyLikeAMissingOne() {
        Application application = submitted();

        Throwable foreign = org.assertj.core.api.Assertions.catchThrowable(
                () -> service.get(applicant(OTHER), application.applicationId()));
        Throwable missing = org.assertj.core.api.Assertions.catchThrowable(
                () -> service.get(applicant(OTHER), "0190f1e2-3a4b-7c5d-8e6f-0123456789ab"));

        assertThat(foreign).isInstanceOf(NotFound.class).hasMessage(missing.getMessage());
        assertThatThrownBy(() -> service.get(owner, "../../etc")).isInstanceOf(NotFound.class);
    }

    @Test
    void list_showsAnApplicantOnlyItsOwn_andStaffAll() {
        submitted();
        store.organizations.put(OTHER, new Organization(OTHER, "黔西某公司", "520581", "OTHER", "b@example.com",
                null, "2026-11-01T00:00:00Z"));
        submit(applicant(OTHER), new ApplicationInput(OTHER, "MAKERSPACE", "PROVINCIAL", false, "众创空间",
                "ZC-1", "2026-09-01", null), null);

        assertThat(service.list(owner, null, null, null, 50, null).items()).extracting(Application::uscc)
                .containsExactly(OWN);
        assertThat(service.list(staff, null, null, null, 50, null).items()).hasSize(2);
        assertThat(service.list(staff, null, null, "520581", 50, null).items()).extracting(Application::uscc)
                .containsExactly(OTHER);
    }

    @Test
    void list_isValidationFailed_forAnUnknownFilter() {
        assertProblem(() -> service.list(staff, "APPROVED", null, null, 50, null), "status");
        assertProblem(() -> service.list(staff, null, "STEEL_MILL", null, 50, null), "kind");
        assertProblem(() -> service.list(staff, null, null, "110101", 50, null), "county");
    }

    /** What the edge does: commit the service's decision with its answer. */
    private Committed submit(Caller caller, ApplicationInput input, IdempotencyKey key) {
        return Answers.commit(201, key, () -> service.submit(caller, input, key));
    }

    private Committed correct(Caller caller, String applicationId, ApplicationInput input, IdempotencyKey key) {
        return Answers.commit(200, key, () -> service.correct(caller, applicationId, input, key));
    }

    private Committed withdraw(Caller caller, String applicationId, IdempotencyKey key) {
        return Answers.commit(200, key, () -> service.withdraw(caller, applicationId, key));
    }

    private Application returned(Application application) {
        Application returned = application.withStatus(ApplicationStatus.RETURNED, "2026-11-25T17:00:01Z");
        store.applications.put(application.applicationId(), returned);
        return returned;
    }

    private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(FieldProblem::field)
                        .contains(field));
    }
}
