package cn.bijie.innovation.shared.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.SubsidyStore;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of recording a recognition, over an in-memory fake of our own store port. */
class CertificationServiceTest {
    static final String USCC = "91520500MA6DKQ5X35";
    static final Caller STAFF = new Caller("s1", Set.of(Role.STAFF), null, null);

    final Map<String, Certification> stored = new HashMap<>();
    final List<CertificationStore.Recording> recordings = new java.util.ArrayList<>();
    final Map<String, Application> applications = new HashMap<>();
    final CertificationService service = new CertificationService(new FakeStore(), unusedSubsidies(), Policy.active(),
            new PageToken("0123456789abcdef0123456789abcdef"),
            Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC));

    static CertificationInput input(String kind, String level, boolean renewal, String issuedOn, String expiresOn) {
        return new CertificationInput(USCC, kind, level, renewal, "毕节某平台", "GR202652000123", issuedOn, expiresOn,
                "贵州省科学技术厅", null);
    }

    @Test
    void record_letsAHighTechEnterpriseExpireThreeYearsAfterIssue_unlessTold() {
        record(STAFF, input("HIGH_TECH_ENTERPRISE", "NATIONAL", false, "2026-11-01", null));
        record(STAFF, new CertificationInput(USCC, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "毕节某平台",
                "GR-OTHER", "2026-11-01", "2028-06-30", null, null));

        assertThat(recordings).extracting(r -> r.certification().expiresOn())
                .containsExactly("2029-10-31", "2028-06-30");
    }

    @Test
    void record_givesOtherKindsNoExpiry_unlessTold() {
        record(STAFF, input("KEY_LABORATORY", "PROVINCIAL", false, "2026-11-01", null));

        assertThat(recordings.get(0).certification().expiresOn()).isNull();
        assertThat(recordings.get(0).certification().status()).isEqualTo(CertificationStatus.ACTIVE);
    }

    @Test
    void record_isExpiredAlready_whenItsTermEndedBeforeToday() {
        record(STAFF, input("HIGH_TECH_ENTERPRISE", "NATIONAL", false, "2020-01-01", null));

        assertThat(recordings.get(0).certification().status()).isEqualTo(CertificationStatus.EXPIRED);
    }

    @Test
    void record_saysWhyThereIsNoSubsidy_forAnAcademicianWorkstation() {
        record(STAFF, input("ACADEMICIAN_WORKSTATION", "PROVINCIAL", false, "2026-11-01", null));

        Certification c = recordings.get(0).certification();
        assertThat(c.subsidyEligible()).isFalse();
        assertThat(c.subsidyNote()).contains("不设补助");
    }

    @Test
    void record_derivesTheSameId_forTheSameCertificate() {
        record(STAFF, input("KEY_LABORATORY", "PROVINCIAL", false, "2026-11-01", null));
        record(STAFF, input("KEY_LABORATORY", "PROVINCIAL", false, "2026-11-01", null));

        assertThat(recordings.get(0).certification().certificationId())
                .isEqualTo(recordings.get(1).certification().certificationId())
                .isEqualTo(Certification.idOf(USCC, "KEY_LABORATORY", "PROVINCIAL", "GR202652000123", "2026-11-01"));
    }

    @Test
    void record_namesEveryBadField() {
        var bad = new CertificationInput("91520500MA6DKQ5X36", "KEY_LABORATORY", "DISTRICT", null, " ", null,
                "2099-01-01", "2098-01-01", null, null);

        assertThatThrownBy(() -> record(STAFF, bad))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(p -> p.field())
                        .containsExactlyInAnyOrder("uscc", "level", "platformName", "certificateNo",
                                "issuedOn", "expiresOn"));
        assertThat(recordings).isEmpty();
    }

    @Test
    void record_isValidationFailed_forAnIssuedOnBeforeThePolicysFloor() {
        for (String date : new String[] {"0000-01-01", "1900-01-01"}) {
            assertThatThrownBy(() -> record(STAFF, input("KEY_LABORATORY", "NATIONAL", false, date, null)))
                    .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.details())
                            .extracting(p -> p.field()).containsExactly("issuedOn"));
        }
        assertThat(recordings).isEmpty();
    }

    @Test
    void record_isValidationFailed_forARenewalOfAKindThatIsNotRenewed() {
        assertThatThrownBy(() -> record(STAFF,
                input("MAKERSPACE", "PROVINCIAL", true, "2026-11-01", null)))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void record_isValidationFailed_whenTheOrganisationHasNoProfile() {
        var unknown = new CertificationInput("91520581MA6H12345G", "KEY_LABORATORY", "PROVINCIAL", false, "平台",
                "NO-1", "2026-11-01", null, null, null);

        assertThatThrownBy(() -> record(STAFF, unknown)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void record_isForbidden_forApplicantsFinanceAndSupervisors() {
        for (Role role : Set.of(Role.APPLICANT, Role.FINANCE, Role.SUPERVISOR)) {
            Caller caller = new Caller("u", Set.of(role), USCC, null);
            assertThatThrownBy(() -> record(caller,
                    input("KEY_LABORATORY", "PROVINCIAL", false, "2026-11-01", null)))
                    .isInstanceOf(Forbidden.class);
        }
        assertThat(recordings).isEmpty();
    }

    @Test
    void decide_isForbidden_forFinance_beforeAnythingIsRead() {
        Caller finance = new Caller("f1", Set.of(Role.FINANCE), null, null);
        assertThatThrownBy(() -> decide(finance, "app-1",
                new DecisionInput("CERTIFIED", null, null, null, null, null, null))).isInstanceOf(Forbidden.class);
    }

    @Test
    void decide_isForbidden_forAStaffMemberWhoIsAlsoTheOrganisationsApplicant() {
        String id = SortableId.next(Clock.systemUTC());
        applications.put(id, new Application(id, ApplicationStatus.SUBMITTED, "2026-11-20T01:00:00Z", USCC,
                "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "毕节某科技有限公司", "GR202652000123", "2026-10-20", null,
                "520502", "2026-11-20T01:00:00Z", null, null));
        Caller both = new Caller("s9", Set.of(Role.STAFF, Role.APPLICANT), USCC, null);

        for (String outcome : List.of("CERTIFIED", "REJECTED")) {
            assertThatThrownBy(() -> decide(both, id, new DecisionInput(outcome, "理由", null, null, null,
                    null, null))).as(outcome).isInstanceOf(Forbidden.class);
        }
        assertThat(recordings).isEmpty();
    }

    @Test
    void decide_needsAReason_toRejectOrReturn() {
        assertThatThrownBy(() -> decide(STAFF, "app-1",
                new DecisionInput("REJECTED", null, null, null, null, null, null)))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(p -> p.field())
                        .containsExactly("reason"));
    }

    @Test
    void get_isNotFound_forAnotherOrganisationsApplicant() {
        record(STAFF, input("KEY_LABORATORY", "PROVINCIAL", false, "2026-11-01", null));
        String id = recordings.get(0).certification().certificationId();
        Caller other = new Caller("a2", Set.of(Role.APPLICANT), "91520581MA6H12345G", null);
        Caller owner = new Caller("a1", Set.of(Role.APPLICANT), USCC, null);

        assertThatThrownBy(() -> service.get(other, id)).isInstanceOf(NotFound.class);
        assertThat(service.get(owner, id).certificationId()).isEqualTo(id);
    }

    @Test
    void list_isEmpty_whenAnApplicantAsksForAnotherOrganisation() {
        Caller owner = new Caller("a1", Set.of(Role.APPLICANT), USCC, null);

        assertThat(service.list(owner, "91520581MA6H12345G", null, null, null, null, null).items()).isEmpty();
    }

    /** What the edge does: commit the service's decision with its answer. */
    private Committed record(Caller caller, CertificationInput input) {
        return Answers.commit(201, null, () -> service.record(caller, input));
    }

    private Committed decide(Caller caller, String applicationId, DecisionInput input) {
        return Answers.commit(200, null, () -> service.decide(caller, applicationId, input));
    }

    private final class FakeStore implements CertificationStore {
        @Override
        public Optional<Certification> find(String certificationId) {
            return Optional.ofNullable(stored.get(certificationId));
        }

        @Override
        public OrganizationHoldings organization(String uscc) {
            Organization profile = USCC.equals(uscc)
                    ? new Organization(USCC, "毕节某科技有限公司", "520502", "NEW_MATERIALS", "a@example.com", null, "t")
                    : null;
            return new OrganizationHoldings(profile, List.of());
        }

        @Override
        public Optional<Application> application(String applicationId) {
            return Optional.ofNullable(applications.get(applicationId));
        }

        @Override
        public Slice<Certification> list(CertificationFilter filter, int limit, Map<String, String> start) {
            return new Slice<>(stored.values().stream().filter(c -> c.uscc().equals(filter.uscc())).toList(), null);
        }

        @Override
        public PendingWrite record(Recording recording) {
            return answer -> {
                recordings.add(recording);
                stored.put(recording.certification().certificationId(), recording.certification());
                return new Committed(answer.status(), answer.bodyJson(), false);
            };
        }

        @Override
        public PendingWrite decide(ApplicationTransition transition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PendingWrite revoke(Revocation revocation) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PendingWrite reclassify(Certification before, Certification after, String actor,
                java.time.Instant at) {
            throw new UnsupportedOperationException();
        }
    }

    /** The recording paths never touch subsidies. */
    private static SubsidyStore unusedSubsidies() {
        return (SubsidyStore) Proxy.newProxyInstance(SubsidyStore.class.getClassLoader(),
                new Class<?>[] {SubsidyStore.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
