package cn.bijie.innovation.shared.reminder;

import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class ReminderMailsTest {
    final ReminderMails mails = new ReminderMails(Policy.active());
    final Organization org = new Organization("91520500MA6DKQ5X35", "毕节<某>科技有限公司", "520502", "NEW_MATERIALS",
            "contact@example.com", null, "2026-01-01T00:00:00Z");
    final Due.Certification certification = new Due.Certification(
            new Due.Ref("CERT#c1", "CERT", LocalDate.of(2026, 11, 25), "2026-11-25#CERT#c1"), "c1",
            "91520500MA6DKQ5X35", "HIGH_TECH_ENTERPRISE", "NATIONAL", "GR202352000123", null,
            LocalDate.of(2023, 12, 25), LocalDate.of(2026, 12, 25), CertificationStatus.ACTIVE);

    @Test
    void expiry_namesTheOrganisation_theCertificate_theExpiryDate_andWhatToDo() {
        Mail mail = mails.expiry(certification, org, LocalDate.of(2026, 11, 25));

        assertThat(mail.to()).isEqualTo("contact@example.com");
        assertThat(mail.subject()).isEqualTo("【毕节市科技局】高新技术企业证书到期提醒（2026-12-25）");
        assertThat(mail.text()).contains("毕节<某>科技有限公司", "GR202352000123", "2026-12-25", "还有 30 天",
                "重新认定", "三(一)", "毕节市科学技术局");
        assertThat(mail.html()).contains("毕节&lt;某&gt;科技有限公司", "GR202352000123", "2026-12-25", "重新认定")
                .doesNotContain("<某>");
    }

    @Test
    void staffDigest_listsEachApplication_withItsWait() {
        var application = new Due.Application(new Due.Ref("APP#a1", "APP", LocalDate.of(2026, 11, 29), "k"), "a1",
                "91520500MA6DKQ5X35", "KEY_LABORATORY", "PROVINCIAL", "毕节市新材料重点实验室", ApplicationStatus.SUBMITTED,
                Instant.parse("2026-11-19T02:00:00Z"));

        Mail mail = mails.staffDigest("staff@example.com", List.of(application), List.of(), LocalDate.of(2026, 12, 1));

        assertThat(mail.text()).contains("以下 1 项申报已提交超过 10 天",
                "1. 毕节市新材料重点实验室｜重点实验室（省级）｜统一社会信用代码 91520500MA6DKQ5X35｜提交于 2026-11-19｜已等待 12 天｜申报编号 a1");
        assertThat(mail.html()).contains("<li>毕节市新材料重点实验室｜重点实验室（省级）");
    }

    @Test
    void digest_listsAtMostItsLimit_andCountsTheRest() {
        List<Due.Subsidy> unpaid = IntStream.range(0, ReminderMails.MAX_LISTED + 3).mapToObj(i -> new Due.Subsidy(
                new Due.Ref("SUB#s" + i, "SUB", LocalDate.of(2026, 12, 1), "k"), "s" + i, "c" + i,
                "91520500MA6DKQ5X35", "HIGH_TECH_ENTERPRISE", "NATIONAL", null, SubsidyStatus.AWAITING_PAYMENT,
                Instant.parse("2026-10-01T02:00:00Z"))).toList();

        Mail mail = mails.financeDigest("finance@example.com", unpaid, LocalDate.of(2026, 12, 1));

        assertThat(mail.text()).contains("以下 503 项补助", "金额 未定 元", "……另有 3 项")
                .doesNotContain("补助编号 s500｜");
    }
}
