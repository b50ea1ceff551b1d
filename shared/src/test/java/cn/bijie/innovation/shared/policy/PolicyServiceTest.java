package cn.bijie.innovation.shared.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Open parameters: typed by the policy file, set by staff only, shown in force by GET /policy. */
class PolicyServiceTest {
    static final Caller STAFF = new Caller("s1", Set.of(Role.STAFF), null, null);
    static final String RENEWAL = "HIGH_TECH_ENTERPRISE_RENEWAL_YUAN";

    final Map<String, StoredParameter> saved = new HashMap<>();
    int writes;
    final PolicyService service = new PolicyService(Policy.active(), new PolicyParameterStore() {
        @Override
        public Map<String, StoredParameter> load(String policyVersion) {
            return Map.copyOf(saved);
        }

        @Override
        public void save(StoredParameter before, StoredParameter after) {
            writes++;
            saved.put(after.name(), after);
        }
    }, Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC));

    static ParameterInput value(String json) {
        return Json.read("{\"value\":" + json + "}", ParameterInput.class);
    }

    @Test
    void view_showsTheRenewalRuleWithoutAmount_untilTheParameterIsSet() {
        assertThat(renewalRule().amountYuan()).isNull();

        service.setParameter(STAFF, RENEWAL, value("50000"));

        assertThat(renewalRule().amountYuan()).isEqualTo(50_000L);
        assertThat(service.view().parameters()).filteredOn(p -> p.name().equals(RENEWAL)).singleElement()
                .satisfies(p -> {
                    assertThat(p.value()).isEqualTo(50_000L);
                    assertThat(p.defaultValue()).isNull();
                    assertThat(p.updatedBy()).isEqualTo("s1");
                });
    }

    @Test
    void setParameter_writesNothing_whenTheValueIsUnchanged() {
        service.setParameter(STAFF, "PLATFORM_UPGRADE_MODE", value("\"DIFFERENCE\""));
        service.setParameter(STAFF, "PLATFORM_UPGRADE_MODE", value("\"DIFFERENCE\""));

        assertThat(writes).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"50000\"", "0", "-1", "50000.5", "null", "10000000000"})
    void setParameter_isValidationFailed_forAYuanValueThatIsNoPositiveWholeNumber(String json) {
        assertThatThrownBy(() -> service.setParameter(STAFF, RENEWAL, value(json)))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(p -> p.field())
                        .containsExactly("value"));
        assertThat(saved).isEmpty();
    }

    @Test
    void setParameter_isValidationFailed_forAChoiceThePolicyDoesNotOffer() {
        assertThatThrownBy(() -> service.setParameter(STAFF, "PLATFORM_UPGRADE_MODE", value("\"HALF\"")))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void setParameter_isNotFound_forANameThePolicyDoesNotHave() {
        assertThatThrownBy(() -> service.setParameter(STAFF, "SUBSIDY_MULTIPLIER", value("2")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void setParameter_isForbidden_forEveryRoleButStaff() {
        for (Role role : Set.of(Role.APPLICANT, Role.FINANCE, Role.SUPERVISOR)) {
            Caller caller = new Caller("u", Set.of(role), "91520500MA6DKQ5X35", null);
            assertThatThrownBy(() -> service.setParameter(caller, RENEWAL, value("50000")))
                    .isInstanceOf(Forbidden.class);
        }
        assertThat(saved).isEmpty();
    }

    private PolicyView.RuleView renewalRule() {
        return service.view().rules().stream().filter(r -> RENEWAL.equals(r.amountParameter())).findFirst()
                .orElseThrow();
    }
}
