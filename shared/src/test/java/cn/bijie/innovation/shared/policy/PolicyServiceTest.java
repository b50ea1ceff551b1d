package cn.bijie.innovation.shared.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.idempotency.Prior;
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

/**
 * Open parameters: typed by the policy file, changed by staff only and four-eyes (one proposes, another approves), shown
 * in force by GET /policy.
 */
class PolicyServiceTest {
    static final Caller STAFF = new Caller("s1", Set.of(Role.STAFF), null, null);
    static final String RENEWAL = "HIGH_TECH_ENTERPRISE_RENEWAL_YUAN";

    static final Caller SECOND_STAFF = new Caller("s2", Set.of(Role.STAFF), null, null);

    final Map<String, StoredParameter> saved = new HashMap<>();
    final Map<String, ParameterProposal> proposals = new HashMap<>();
    int writes;
    final PolicyService service = new PolicyService(Policy.active(), new PolicyParameterStore() {
        @Override
        public Map<String, StoredParameter> load(String policyVersion) {
            return Map.copyOf(saved);
        }

        @Override
        public Prior<ParameterProposal> proposal(String policyVersion, String name, IdempotencyKey key) {
            return new Prior<>(proposals.get(name), null);
        }

        @Override
        public void propose(ParameterProposal before, ParameterProposal after) {
            writes++;
            proposals.put(after.name(), after);
        }

        @Override
        public PendingWrite approve(ParameterProposal approved, StoredParameter before, StoredParameter after) {
            return answer -> {
                writes++;
                proposals.put(approved.name(), approved);
                saved.put(after.name(), after);
                return new Committed(answer.status(), answer.bodyJson(), false);
            };
        }
    }, Clock.fixed(Instant.parse("2026-11-25T01:00:00Z"), ZoneOffset.UTC));

    /** The approval as the edge commits it. */
    Committed approve(Caller approver, String value) {
        return Answers.commit(200, null, () -> service.approveParameter(approver, RENEWAL, value(value), null));
    }

    static ParameterInput value(String json) {
        return Json.read("{\"value\":" + json + "}", ParameterInput.class);
    }

    @Test
    void view_showsTheRenewalRuleWithoutAmount_untilTheParameterIsSet() {
        assertThat(renewalRule().amountYuan()).isNull();

        service.proposeParameter(STAFF, RENEWAL, value("50000"));
        assertThat(renewalRule().amountYuan()).as("proposed, not yet approved").isNull();
        approve(SECOND_STAFF, "50000");

        assertThat(renewalRule().amountYuan()).isEqualTo(50_000L);
        assertThat(service.view().parameters()).filteredOn(p -> p.name().equals(RENEWAL)).singleElement()
                .satisfies(p -> {
                    assertThat(p.value()).isEqualTo(50_000L);
                    assertThat(p.defaultValue()).isNull();
                    assertThat(p.updatedBy()).as("the approver").isEqualTo("s2");
                });
    }

    @Test
    void approveParameter_isForbidden_forTheProposer_andTheValueStaysAsItWas() {
        ParameterChange change = service.proposeParameter(STAFF, RENEWAL, value("50000"));

        assertThat(change.pending()).satisfies(p -> {
            assertThat(p.value()).isEqualTo(50_000L);
            assertThat(p.proposedBy()).isEqualTo("s1");
            assertThat(p.pending()).isTrue();
        });
        assertThatThrownBy(() -> approve(STAFF, "50000"))
                .isInstanceOf(Forbidden.class).hasMessageContaining("另一位工作人员");
        assertThat(saved).isEmpty();
        assertThat(renewalRule().amountYuan()).isNull();
    }

    @Test
    void approveParameter_isConflict_withoutAWaitingProposal_orForAnotherValue_orTwice() {
        assertThatThrownBy(() -> approve(SECOND_STAFF, "50000"))
                .isInstanceOf(Conflict.class);

        service.proposeParameter(STAFF, RENEWAL, value("50000"));
        assertThatThrownBy(() -> approve(SECOND_STAFF, "60000"))
                .as("the approver restates the value; another one was proposed").isInstanceOf(Conflict.class)
                .hasMessageContaining("50000");
        approve(SECOND_STAFF, "50000");
        assertThatThrownBy(() -> approve(SECOND_STAFF, "50000"))
                .as("approved already").isInstanceOf(Conflict.class);
        assertThat(saved.get(RENEWAL).value()).isEqualTo(50_000L);
    }

    @Test
    void proposeParameter_writesNothing_forTheValueInForce_orTheSameWaitingValue() {
        assertThat(service.proposeParameter(STAFF, "PLATFORM_UPGRADE_MODE", value("\"FULL\"")).pending())
                .as("FULL is the policy file's value").isNull();
        service.proposeParameter(STAFF, "PLATFORM_UPGRADE_MODE", value("\"DIFFERENCE\""));
        ParameterChange again = service.proposeParameter(SECOND_STAFF, "PLATFORM_UPGRADE_MODE",
                value("\"DIFFERENCE\""));

        assertThat(writes).isEqualTo(1);
        assertThat(again.pending().proposedBy()).as("the first proposer stays; the second may approve").isEqualTo("s1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"50000\"", "0", "-1", "50000.5", "null", "10000000000"})
    void proposeParameter_isValidationFailed_forAYuanValueThatIsNoPositiveWholeNumber(String json) {
        assertThatThrownBy(() -> service.proposeParameter(STAFF, RENEWAL, value(json)))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details()).extracting(p -> p.field())
                        .containsExactly("value"));
        assertThat(writes).isZero();
    }

    @Test
    void proposeParameter_isValidationFailed_forAChoiceThePolicyDoesNotOffer() {
        assertThatThrownBy(() -> service.proposeParameter(STAFF, "PLATFORM_UPGRADE_MODE", value("\"HALF\"")))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void proposeParameter_isNotFound_forANameThePolicyDoesNotHave() {
        assertThatThrownBy(() -> service.proposeParameter(STAFF, "SUBSIDY_MULTIPLIER", value("2")))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void proposeParameter_isForbidden_forEveryRoleButStaff() {
        for (Role role : Set.of(Role.APPLICANT, Role.FINANCE, Role.SUPERVISOR)) {
            Caller caller = new Caller("u", Set.of(role), "91520500MA6DKQ5X35", null);
            assertThatThrownBy(() -> service.proposeParameter(caller, RENEWAL, value("50000")))
                    .isInstanceOf(Forbidden.class);
        }
        assertThat(writes).isZero();
    }

    private PolicyView.RuleView renewalRule() {
        return service.view().rules().stream().filter(r -> RENEWAL.equals(r.amountParameter())).findFirst()
                .orElseThrow();
    }
}
