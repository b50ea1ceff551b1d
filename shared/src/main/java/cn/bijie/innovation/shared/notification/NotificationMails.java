package cn.bijie.innovation.shared.notification;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.notice.NoticeEntry;
import cn.bijie.innovation.shared.notice.Objection;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.reminder.ReminderMails;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.time.Shanghai;
import cn.bijie.innovation.shared.validation.TextPolicy;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The Chinese text of each applicant notification, as plain text and HTML, in the layout of the reminders. */
public final class NotificationMails {
    private final ReminderMails names;

    public NotificationMails(Policy policy) {
        this.names = new ReminderMails(policy);
    }

    /** The mail of {@code notice}; its recipient is the organisation's contact address (null: none known). */
    public Mail mail(Notice notice, Organization org) {
        String to = org == null ? null : org.contactEmail();
        String salutation = (org == null ? "贵单位" : org.name()) + "（统一社会信用代码 " + notice.uscc() + "）：";
        List<String> paragraphs = switch (notice.event()) {
            case APPLICATION_RECEIVED -> {
                Application a = (Application) notice.record();
                yield List.of("贵单位于 " + day(a.updatedAt()) + " 提交的" + recognition(a.kind(), a.level())
                                + "认定补助申报（" + a.platformName() + "，证书编号 " + a.certificateNo() + "，申报编号 "
                                + a.applicationId() + "）已受理，正在审核。",
                        "审核结果将以邮件通知，也可登录毕节市科技创新平台补助系统查看。");
            }
            case APPLICATION_RETURNED -> {
                Application a = (Application) notice.record();
                yield List.of("贵单位的" + recognition(a.kind(), a.level()) + "认定补助申报（" + a.platformName()
                                + "，申报编号 " + a.applicationId() + "）已退回，请补充或更正后重新提交。",
                        "退回原因：" + a.reason());
            }
            case APPLICATION_REJECTED -> {
                Application a = (Application) notice.record();
                yield List.of("贵单位的" + recognition(a.kind(), a.level()) + "认定补助申报（" + a.platformName()
                                + "，申报编号 " + a.applicationId() + "）经审核未予认定。",
                        "原因：" + a.reason(), "如有异议，请与毕节市科学技术局联系。");
            }
            case CERTIFIED -> {
                Certification c = (Certification) notice.record();
                yield List.of("贵单位的" + recognition(c.kind(), c.level()) + "认定（" + c.platformName() + "，证书编号 "
                                + c.certificateNo() + "，发证日期 " + c.issuedOn() + "）已登记。",
                        c.subsidyEligible() ? "系统将按政策核定补助金额，核定后另行通知。"
                                : Objects.requireNonNullElse(c.subsidyNote(), "该认定不设补助。"));
            }
            case SUBSIDY_CALCULATED -> {
                Subsidy s = (Subsidy) notice.record();
                yield List.of("贵单位" + recognition(s.kind(), s.level()) + "认定的补助金额已核定：" + yuan(s.amountYuan())
                                + " 元（补助编号 " + s.subsidyId() + "）。",
                        "依据：" + s.explanation(), "补助资金由毕节市财政局拨付，拨付后另行通知。");
            }
            case SUBSIDY_ON_NOTICE -> {
                Subsidy s = (Subsidy) notice.record();
                yield List.of("贵单位" + recognition(s.kind(), s.level()) + "认定的补助 " + yuan(s.amountYuan())
                                + " 元（补助编号 " + s.subsidyId() + "）已列入拨付前公示。",
                        "公示期满无异议（或异议经核查不成立）后，由毕节市财政局拨付；公示内容可在系统“补助公示”栏目查看。");
            }
            case SUBSIDY_PAID -> {
                Subsidy s = (Subsidy) notice.record();
                yield List.of("贵单位" + recognition(s.kind(), s.level()) + "认定的补助 " + yuan(s.amountYuan())
                                + " 元已于 " + s.paidOn() + " 拨付（补助编号 " + s.subsidyId() + "，凭证号 "
                                + s.voucherNo() + "）。",
                        "请注意查收。");
            }
            case OBJECTION_LODGED -> throw new IllegalArgumentException("a mail to staff: objection(...)");
        };
        return ReminderMails.mail(to, ReminderMails.PREFIX + notice.event().title(), salutation, paragraphs,
                List.of()).forOrganization(notice.uscc());
    }

    /**
     * The staff's mail on an objection to {@code notice} (null: the notice is gone). The objection's text goes into
     * the body only, cleaned by the text policy and escaped in the HTML; the subject holds nothing the public wrote.
     */
    public Mail objection(String to, Objection o, cn.bijie.innovation.shared.notice.Notice notice) {
        NoticeEntry entry = notice == null ? null : notice.entries().stream()
                .filter(e -> e.subsidyId().equals(o.subsidyId())).findFirst().orElse(null);
        String listed = entry == null ? "补助 " + o.subsidyId()
                : "补助 " + o.subsidyId() + "（" + TextPolicy.clean(entry.organizationName(), false) + "，"
                        + recognition(entry.kind(), entry.level())
                        + (entry.amountYuan() == null ? "" : "，" + yuan(entry.amountYuan()) + " 元") + "）";
        String onNotice = notice == null ? "公示（编号 " + o.noticeId() + "）"
                : "公示“" + TextPolicy.clean(notice.title(), false) + "”（编号 " + o.noticeId() + "，公示期 "
                        + notice.opensOn() + " 至 " + notice.endsOn() + "）";
        Instant lodged = Instant.parse(o.lodgedAt());
        return ReminderMails.mail(to, ReminderMails.PREFIX + NotificationEvent.OBJECTION_LODGED.title() + "（异议编号 "
                        + o.objectionId() + "）", "市科技局审核人员：",
                List.of(onNotice + "于 " + Shanghai.dateOf(lodged) + " 收到一条异议，针对" + listed + "。",
                        "异议内容（公众提交，原文照录，仅供核查）：\n" + TextPolicy.clean(o.text(), true),
                        "请在公示期结束前登录系统核查，并作出“异议成立”或“异议不成立”的处理；异议未处理前，该公示不能结束。"),
                List.of());
    }

    private String recognition(String kind, String level) {
        return names.kindName(kind) + "（" + names.levelName(level) + "）";
    }

    private static String yuan(Long amount) {
        return String.format(Locale.ROOT, "%,d", amount);
    }

    private static String day(String instant) {
        return Shanghai.dateOf(Instant.parse(instant)).toString();
    }
}
