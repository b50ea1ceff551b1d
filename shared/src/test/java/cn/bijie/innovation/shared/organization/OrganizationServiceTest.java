package cn.bijie.innovation.shared.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pure rules of the profile service, over an in-memory fake of our own store port. */
class OrganizationServiceTest {
    static final String OWN = "91520500MA6DKQ5X35";
    static final String OTHER = "91520581MA6H12345G";
    static final OrganizationInput VALID =
            new OrganizationInput("毕节某科技有限公司", "520502", "NEW_MATERIALS", "a@example.com", "SEED");

    final Map<String, Organization> saved = new HashMap<>();
    final OrganizationStore store = new OrganizationStore() {
        @Override
        public Optional<Organization> find(String uscc) {
            return Optional.ofNullable(saved.get(uscc));
        }

        @Override
        public void save(Organization before, Organization after, String actor) {
            saved.put(after.uscc(), after);
        }
    };
    final OrganizationService service = new OrganizationService(store, Policy.active(),
            Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC));

    static Caller applicant(String uscc) {
        return new Caller("u-" + uscc, Set.of(Role.APPLICANT), uscc, "a@example.com");
    }

    @Test
    void put_shouldStore_theApplicantsOwnProfile() {
        Organization stored = service.put(applicant(OWN), OWN, VALID);

        assertThat(stored.county()).isEqualTo("520502");
        assertThat(stored.updatedAt()).isEqualTo("2026-11-25T01:00:00Z");
        assertThat(saved).containsKey(OWN);
    }

    @Test
    void put_isNotFound_forAnotherOrganisation() {
        assertThatThrownBy(() -> service.put(applicant(OWN), OTHER, VALID)).isInstanceOf(NotFound.class);
        assertThat(saved).isEmpty();
    }

    @Test
    void put_isForbidden_forFinance() {
        Caller finance = new Caller("f1", Set.of(Role.FINANCE), null, null);
        assertThatThrownBy(() -> service.put(finance, OWN, VALID)).isInstanceOf(Forbidden.class);
    }

    @Test
    void put_namesEveryBadField() {
        var bad = new OrganizationInput(" ", "999999", "STEEL", "not-mail", "GIANT");

        assertThatThrownBy(() -> service.put(applicant(OWN), OWN, bad))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(p -> p.field())
                        .containsExactly("name", "county", "industry", "contactEmail", "growthTier"));
        assertThat(saved).isEmpty();
    }

    @Test
    void get_isValidationFailed_forABadCheckCharacter() {
        assertThatThrownBy(() -> service.get(applicant(OWN), "91520500MA6DKQ5X36"))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void get_isNotFound_whenNoProfileExists() {
        Caller staff = new Caller("s1", Set.of(Role.STAFF), null, null);
        assertThatThrownBy(() -> service.get(staff, OWN)).isInstanceOf(NotFound.class);
    }

    @Test
    void theLazyPolicy_isReadByWrites_andNeverByReads() {
        AtomicInteger reads = new AtomicInteger();
        OrganizationService lazy = new OrganizationService(store, () -> {
            reads.incrementAndGet();
            return Policy.active();
        }, Clock.systemUTC());

        lazy.put(applicant(OWN), OWN, VALID);
        int afterWrite = reads.get();
        lazy.get(applicant(OWN), OWN);

        assertThat(afterWrite).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }
}
