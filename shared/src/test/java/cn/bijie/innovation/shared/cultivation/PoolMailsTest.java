package cn.bijie.innovation.shared.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.organization.Organization;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolMailsTest {
    static final ApplicationWindow WINDOW = new ApplicationWindow("window-1", "2026年度国家高新技术企业认定",
            "2026-12-01", "2026-12-31", "s1", "2026-11-30T01:00:00Z");
    static final Organization ORG = new Organization("91520500MA6DKQ5X35", "毕节<黔丰>新材料科技有限公司", "520502",
            "NEW_MATERIALS", "kj@example.com", "SEED", "2026-11-01T00:00:00Z");

    @Test
    void listsWhatIsLacking_inChinese_toTheContactAddress_withTheHtmlEscaped() {
        var mail = PoolMails.windowOpened(WINDOW, ORG, List.of(new CultivationView.ChecklistItem("CORE_IP",
                "拥有核心支持作用的知识产权", false)), "《高新技术企业认定管理办法》第十一条");

        assertThat(mail.to()).isEqualTo("kj@example.com");
        assertThat(mail.subject()).isEqualTo("【毕节市科技局】2026年度国家高新技术企业认定申报窗口已开放(2026-12-01至2026-12-31)");
        assertThat(mail.text()).contains("毕节<黔丰>新材料科技有限公司", "1. 拥有核心支持作用的知识产权", "尚待满足");
        assertThat(mail.html()).contains("毕节&lt;黔丰&gt;", "<li>拥有核心支持作用的知识产权</li>").doesNotContain("<黔丰>");
    }

    @Test
    void nothingLacking_saysSo() {
        var mail = PoolMails.windowOpened(WINDOW, ORG, List.of(), "《高新技术企业认定管理办法》第十一条");

        assertThat(mail.text()).contains("均已满足").doesNotContain("尚待满足");
    }
}
