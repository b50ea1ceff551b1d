package cn.bijie.innovation.shared.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
            new OrganizationInput("毕节某科技有限公司", "520502", "NEW_MATERIALS", "a@example.com", null);

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

        @Override
        public void saveTier(Organization before, Organization after, TierChange change) {
            if (rival != null) {
                // DynamoDB cancelled this transaction for a conflict with another staff member's, which committed
                TierChange won = rival;
                rival = null;
                saved.put(after.uscc(), new Organization(after.uscc(), after.name(), after.county(), after.industry(),
                        after.contactEmail(), won.tier(), won.changedAt()));
                history.add(won);
                throw new ReadOutdated();
            }
            saved.put(after.uscc(), after);
            history.add(change);
        }

        @Override
        public List<TierChange> tierHistory(String uscc) {
            return history;
        }

        @Override
        public Slice<DirectoryEntry> directory(DirectoryFilter filter, int limit, Map<String, String> start) {
            filters.add(filter);
            return new Slice<>(List.of(), null);
        }
    };
    final List<TierChange> history = new ArrayList<>();
    /** A tier change that wins the race against the next {@code saveTier}, or null. */
    TierChange rival;
    final List<DirectoryFilter> filters = new ArrayList<>();
    static final PageToken TOKENS = new PageToken("organization-test-page-token-secret-0123456789");
    final OrganizationService service = new OrganizationService(store, Policy.active(), TOKENS,
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
        }, TOKENS, Clock.systemUTC());

        lazy.put(applicant(OWN), OWN, VALID);
        int afterWrite = reads.get();
        lazy.get(applicant(OWN), OWN);

        assertThat(afterWrite).isEqualTo(1);
        assertThat(reads).hasValue(1);
    }

    static final Caller STAFF = new Caller("s1", Set.of(Role.STAFF), null, null);

    @Test
    void anApplicantsProfile_cannotSetTheTier_andNothingIsWritten() {
        var withTier = new OrganizationInput("毕节某科技有限公司", "520502", "NEW_MATERIALS", "a@example.com", "SEED");

        assertThatThrownBy(() -> service.put(applicant(OWN), OWN, withTier)).isInstanceOf(Forbidden.class);
        assertThat(saved).isEmpty();
    }

    @Test
    void staffSetTheTier_withADateAndAReason_andTheProfileKeepsIt() {
        service.put(applicant(OWN), OWN, VALID);

        Organization tiered = service.setTier(STAFF, OWN, new TierInput("SEED", "2026-11-20", "入选种子企业名单"));
        Organization again = service.put(applicant(OWN), OWN, new OrganizationInput("毕节某科技有限公司", "520521",
                "NEW_MATERIALS", "a@example.com", "SEED"));

        assertThat(tiered.growthTier()).isEqualTo("SEED");
        assertThat(again.growthTier()).isEqualTo("SEED");
        assertThat(history).singleElement().satisfies(c -> {
            assertThat(c.previousTier()).isNull();
            assertThat(c.effectiveOn()).isEqualTo("2026-11-20");
            assertThat(c.changedBy()).isEqualTo("s1");
        });
    }

    @Test
    void aTierChangeThatLostATransactionConflict_is409_onItsRetry_whetherTheWinnerSetTheSameTierOrAnother() {
        for (String winner : List.of("SEED", "LITTLE_GIANT_GROWING")) {
            saved.clear();
            history.clear();
            service.put(applicant(OWN), OWN, VALID);
            rival = new TierChange(OWN, winner, null, "2026-11-20", "另一位工作人员的认定", "s2", "2026-11-25T00:59:59Z");

            assertThatThrownBy(() -> service.setTier(STAFF, OWN, new TierInput("SEED", "2026-11-20", "入选种子企业名单")))
                    .isInstanceOf(Conflict.class);
            assertThat(history).singleElement().satisfies(c -> assertThat(c.changedBy()).isEqualTo("s2"));
            assertThat(saved.get(OWN).growthTier()).isEqualTo(winner);
        }
    }

    @Test
    void setTier_isForbidden_forTheApplicant_andRefusesAnUnknownTierOrAFutureDate() {
        service.put(applicant(OWN), OWN, VALID);

        assertThatThrownBy(() -> service.setTier(applicant(OWN), OWN, new TierInput("SEED", "2026-11-20", "自荐")))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> service.setTier(STAFF, OWN, new TierInput("GIANT", "2026-11-26", " ")))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(p -> p.field())
                        .containsExactly("tier", "reason", "effectiveOn"));
        assertThat(history).isEmpty();
        assertThat(saved.get(OWN).growthTier()).isNull();
    }

    @Test
    void directory_isForbidden_forApplicantsAndFinance() {
        for (Caller caller : List.of(applicant(OWN), new Caller("f1", Set.of(Role.FINANCE), null, null))) {
            assertThatThrownBy(() -> service.directory(caller, null, null, null, null, null, null, null, null))
                    .isInstanceOf(Forbidden.class);
        }
    }

    @Test
    void directory_refusesABlankOrOverlongSearch_andUnknownCodes() {
        for (String search : List.of("   ", "　", "x".repeat(10_000), "（）")) {
            assertThatThrownBy(() -> service.directory(STAFF, null, null, null, null, null, search, null, null))
                    .as(search.length() > 20 ? "10,000 characters" : search).isInstanceOf(ValidationFailed.class);
        }
        assertThatThrownBy(() -> service.directory(STAFF, "999999", "STEEL", "GIANT", "yes", "PATENT", null, null,
                null)).isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(p -> p.field())
                        .containsExactly("county", "industry", "tier", "inPool", "holds"));
        assertThat(filters).isEmpty();
    }

    @Test
    void directory_searchesByTheNormalisedName() {
        service.directory(STAFF, "520502", null, null, "true", null, "毕节市（黔丰）新材料", null, null);

        assertThat(filters).singleElement().satisfies(f -> {
            assertThat(f.nameKey()).isEqualTo("黔丰新材料");
            assertThat(f.inPool()).isTrue();
            assertThat(f.county()).isEqualTo("520502");
        });
    }
}
