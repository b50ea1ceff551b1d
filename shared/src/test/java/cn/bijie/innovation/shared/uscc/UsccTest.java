package cn.bijie.innovation.shared.uscc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {
    @ParameterizedTest
    @ValueSource(strings = {"91520500MA6DKQ5X35", "91520581MA6H12345G", "914403001922038216"})
    void isValid_shouldAccept_codesWithTheirCheckCharacter(String code) {
        assertThat(Uscc.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "91520500MA6DKQ5X36", // check character changed
        "91520500MA6DKQ5X3", // 17 characters
        "91520500MA6DKQ5X355", // 19 characters
        "91520500ma6dkq5x35", // lower case is not the alphabet
        "91520500MA6DKQ5I35", // I never occurs
        "91520500MA6DKQ5O35", // O never occurs
        "",
    })
    void isValid_shouldReject_codesThatFailTheCheck(String code) {
        assertThat(Uscc.isValid(code)).isFalse();
    }

    @Test
    void isValid_shouldReject_null() {
        assertThat(Uscc.isValid(null)).isFalse();
    }

    @Test
    void checkCharacter_shouldComplete_theFirst17Characters() {
        assertThat(Uscc.checkCharacter("91520500MA6DKQ5X3")).isEqualTo('5');
        assertThat(Uscc.checkCharacter("91520581MA6H12345")).isEqualTo('G');
        assertThat(Uscc.isValid("91520500MA6DKQ5X3" + Uscc.checkCharacter("91520500MA6DKQ5X3"))).isTrue();
    }
}
