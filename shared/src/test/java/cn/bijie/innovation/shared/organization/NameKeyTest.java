package cn.bijie.innovation.shared.organization;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.policy.Policy;
import org.junit.jupiter.api.Test;

class NameKeyTest {
    final NameKey names = NameKey.of(Policy.active());

    @Test
    void foldsWidthCaseBracketsAndSpaces() {
        assertThat(names.of("ＡＢＣ（黔丰）新材料 科技")).isEqualTo(names.of("abc(黔丰)新材料科技")).isEqualTo("abc黔丰新材料科技");
    }

    @Test
    void dropsThePlaceNamesThatBeginMostNames() {
        assertThat(names.of("贵州省毕节市七星关区黔丰新材料有限公司")).isEqualTo("黔丰新材料有限公司");
        assertThat(names.of("毕节黔丰新材料有限公司")).isEqualTo("黔丰新材料有限公司");
        assertThat(names.of("大方县【黔丰】")).isEqualTo("黔丰");
    }

    @Test
    void keepsANameThatIsOnlyAPlace() {
        assertThat(names.of("毕节市")).isEqualTo("毕节市");
    }
}
