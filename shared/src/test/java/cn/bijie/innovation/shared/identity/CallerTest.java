package cn.bijie.innovation.shared.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallerTest {
    @ParameterizedTest
    @ValueSource(strings = {"[staff finance]", "[\"staff\",\"finance\"]", "staff,finance", "[staff finance unknown]"})
    void fromClaims_shouldRead_groupsInEveryFormApiGatewayUses(String groups) {
        Caller caller = Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", groups));

        assertThat(caller.roles()).containsExactlyInAnyOrder(Role.STAFF, Role.FINANCE);
        assertThat(caller.readsAll()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[applicant]", "applicant"})
    void actsFor_shouldBeTrue_onlyForTheApplicantsOwnOrganisation(String groups) {
        Caller caller = Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", groups,
                "custom:uscc", "91520500MA6DKQ5X35"));

        assertThat(caller.actsFor("91520500MA6DKQ5X35")).isTrue();
        assertThat(caller.actsFor("91520581MA6H12345G")).isFalse();
        assertThat(caller.readsAll()).isFalse();
    }
}
