package cn.bijie.innovation.shared.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DerivedIdTest {
    @Test
    void isWellFormed_shouldAccept_whatOfMakes() {
        assertThat(DerivedId.isWellFormed("cert", DerivedId.of("cert", "a", "b"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sub-0123456789abcdef0123456789abcdef", "cert-0123456789ABCDEF0123456789ABCDEF",
        "cert-0123456789abcdef0123456789abcde", "cert-../../x", "cert-", ""})
    void isWellFormed_shouldReject_anotherPrefixOrShape(String id) {
        assertThat(DerivedId.isWellFormed("cert", id)).isFalse();
    }

    @Test
    void isWellFormed_shouldReject_anIdLongerThanAnyKey() {
        assertThat(DerivedId.isWellFormed("cert", "cert-" + "a".repeat(7000))).isFalse();
        assertThat(DerivedId.isWellFormed("cert", null)).isFalse();
    }
}
