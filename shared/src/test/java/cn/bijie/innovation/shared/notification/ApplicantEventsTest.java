package cn.bijie.innovation.shared.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which change is which event, how it is named, and what its mail says. */
class ApplicantEventsTest {
    static final Instant AT = Instant.parse("2026-11-30T01:00:00Z");
    static final String USCC = "91520500MA6DKQ5X35";

    static Application application(ApplicationStatus status, String reason) {
        return new Application("a1", status, "2026-11-29T01:00:00Z", USCC, "HIGH_TECH_ENTERPRISE", "NATIONAL", false,
                "毕节黔丰新材料科技有限公司", "GR202652000123", "2026-10-20", null, "520502", "2026-11-30T01:00:00Z",
                reason, null);
    }

    static Subsidy subsidy(SubsidyStatus status, Long amount) {
        return new Subsidy("sub-1", "cert-1", USCC, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, amount, status,
                "BJ-2019", "HIGH_TECH_ENTERPRISE_NEW", "按《实施方案》三(一)，补助 100,000 元", "2026-11-30T01:00:00Z",
                status == SubsidyStatus.PAID ? "2026-12-01" : null, status == SubsidyStatus.PAID ? "PZ-1" : null, false,
                null, null, null, null, null, null, null, null);
    }

    @Test
    void eachChange_isItsEvent_andNothingElse() {
        assertThat(ApplicantEvents.of(null, application(ApplicationStatus.SUBMITTED, null), AT, "1"))
                .extracting(Notice::event).containsExactly(NotificationEvent.APPLICATION_RECEIVED);
        assertThat(ApplicantEvents.of(application(ApplicationStatus.SUBMITTED, null),
                application(ApplicationStatus.RETURNED, "请补充材料"), AT, "2"))
                .extracting(Notice::event).containsExactly(NotificationEvent.APPLICATION_RETURNED);
        assertThat(ApplicantEvents.of(application(ApplicationStatus.SUBMITTED, null),
                application(ApplicationStatus.WITHDRAWN, null), AT, "3")).isEmpty();
        assertThat(ApplicantEvents.of(application(ApplicationStatus.SUBMITTED, null),
                application(ApplicationStatus.SUBMITTED, null), AT, "4")).isEmpty();
        assertThat(ApplicantEvents.of(null, subsidy(SubsidyStatus.PENDING_AMOUNT, null), AT, "5")).isEmpty();
        assertThat(ApplicantEvents.of(subsidy(SubsidyStatus.PENDING_AMOUNT, null),
                subsidy(SubsidyStatus.AWAITING_PAYMENT, 50_000L), AT, "6"))
                .extracting(Notice::event).containsExactly(NotificationEvent.SUBSIDY_CALCULATED);
        assertThat(ApplicantEvents.of(subsidy(SubsidyStatus.AWAITING_PAYMENT, 100_000L),
                subsidy(SubsidyStatus.PAID, 100_000L), AT, "7"))
                .extracting(Notice::event).containsExactly(NotificationEvent.SUBSIDY_PAID);
    }

    @Test
    void anEvent_isNamedByItsChange_soARedeliveryIsTheSameAndASecondChangeIsNot() {
        Notice first = ApplicantEvents.of(null, application(ApplicationStatus.SUBMITTED, null), AT, "100").get(0);
        Notice again = ApplicantEvents.of(null, application(ApplicationStatus.SUBMITTED, null), AT, "100").get(0);
        Notice resubmitted = ApplicantEvents.of(application(ApplicationStatus.RETURNED, "x"),
                application(ApplicationStatus.SUBMITTED, null), AT, "102").get(0);
        assertThat(again.key()).isEqualTo(first.key())
                .isEqualTo("2026-11-30T01:00:00Z#" + "0".repeat(37) + "100#APPLICATION_RECEIVED#a1");
        assertThat(resubmitted.key()).isNotEqualTo(first.key()).isGreaterThan(first.key());
    }

    @Test
    void theMail_isChinese_namesWhatHappened_andEscapesTheHtml() {
        NotificationMails mails = new NotificationMails(Policy.active());
        Organization org = new Organization(USCC, "毕节<黔丰>新材料", "520502", "NEW_MATERIALS", "kj@example.com", null,
                "2026-11-01T00:00:00Z");
        Notice returned = ApplicantEvents.of(application(ApplicationStatus.SUBMITTED, null),
                application(ApplicationStatus.RETURNED, "请补充<script>审计报告"), AT, "9").get(0);

        Mail mail = mails.mail(returned, org);

        assertThat(mail.to()).isEqualTo("kj@example.com");
        assertThat(mail.subject()).isEqualTo("【毕节市科技局】申报被退回补充材料");
        assertThat(mail.text()).contains("毕节<黔丰>新材料", "高新技术企业", "退回原因：请补充<script>审计报告", "毕节市科学技术局");
        assertThat(mail.html()).contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(mails.mail(returned, null).to()).isNull();
    }
}
