package cn.bijie.innovation.shared.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LetterTest {
    @Test
    void theListFollowsTheNamedParagraph_andWhatIsBeyondTheLimitIsSummedUp() {
        Mail mail = Letter.compose("kj@example.com", "主题<1>", "各单位：", List.of("第一段。", "第二段：", "第三段。"),
                List.of("甲", "乙&丙", "丁"), 1, 2);

        assertThat(mail.to()).isEqualTo("kj@example.com");
        assertThat(mail.text()).isEqualTo("""
                各单位：

                第一段。

                第二段：

                1. 甲
                2. 乙&丙
                3. ……另有 1 项，请登录系统查看。

                第三段。

                毕节市科学技术局
                本邮件由系统自动发送，请勿直接回复。
                """);
        assertThat(mail.html()).isEqualTo("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<title>主题&lt;1&gt;</title></head><body><p>各单位：</p><p>第一段。</p><p>第二段：</p>"
                + "<ol><li>甲</li><li>乙&amp;丙</li><li>……另有 1 项，请登录系统查看。</li></ol><p>第三段。</p>"
                + "<p>毕节市科学技术局</p><p><small>本邮件由系统自动发送，请勿直接回复。</small></p></body></html>");
    }

    @Test
    void noLines_noList() {
        Mail mail = Letter.compose("a@example.com", "s", "您好：", List.of("正文。"), List.of(), 0, 10);

        assertThat(mail.html()).doesNotContain("<ol>");
        assertThat(mail.text()).isEqualTo("您好：\n\n正文。\n\n毕节市科学技术局\n本邮件由系统自动发送，请勿直接回复。\n");
    }
}
