package cn.bijie.innovation.shared.validation;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** {@link TextPolicy#clean}: what it answers is always text the policy stores, and what the policy allows is kept. */
class TextPolicyCleanTest {

    @Property(tries = 2000)
    void whateverComesIn_theCleanTextPassesThePolicy(@ForAll String text) {
        assertThat(TextPolicy.problem(TextPolicy.clean(text, true), true)).isNull();
        assertThat(TextPolicy.problem(TextPolicy.clean(text, false), false)).isNull();
    }

    @Test
    void controlAndFormatCharactersGo_lineBreaksStayWhereAllowed_andTextTheyAllowIsKept() {
        String text = "异议\u202E内容\r\nBcc: x@example.com\u0000\u200B\n第二行";

        assertThat(TextPolicy.clean(text, true)).isEqualTo("异议内容\nBcc: x@example.com\n第二行");
        assertThat(TextPolicy.clean(text, false)).isEqualTo("异议内容 Bcc: x@example.com 第二行");
        assertThat(TextPolicy.clean("<script>alert('x')</script> 该企业不符合条件", true))
                .isEqualTo("<script>alert('x')</script> 该企业不符合条件");
    }
}
