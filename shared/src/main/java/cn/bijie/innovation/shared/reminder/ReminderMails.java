package cn.bijie.innovation.shared.reminder;

import cn.bijie.innovation.shared.mail.Letter;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Chinese texts of the reminder and the two digests, each as plain text and as HTML. */
public final class ReminderMails {
    public static final String PREFIX = Letter.PREFIX;
    /** A digest lists at most this many lines; the rest are counted (the system lists them all). */
    static final int MAX_LISTED = 500;

    private final Policy policy;

    public ReminderMails(Policy policy) {
        this.policy = policy;
    }

    public Mail expiry(Due.Certification c, Organization org, LocalDate today) {
        String kind = kindName(c.kind());
        long days = ChronoUnit.DAYS.between(today, c.expiresOn());
        String subject = PREFIX + kind + "证书到期提醒（" + c.expiresOn() + "）";
        List<String> paragraphs = List.of(
                "贵单位的" + kind + "证书（证书编号：" + c.certificateNo() + "）有效期至 " + c.expiresOn()
                        + "（含当日），距有效期届满还有 " + days + " 天。",
                "请在证书到期前准备材料，申请重新认定，以免资格失效。重新通过认定后，请登录毕节市科技创新平台补助系统登记新证书"
                        + renewalClause(c.kind()) + "。",
                "如已完成重新认定，请忽略本邮件。");
        String salutation = org.name() + "（统一社会信用代码 " + c.uscc() + "）：";
        return mail(org.contactEmail(), subject, salutation, paragraphs, List.of()).forOrganization(c.uscc());
    }

    public Mail staffDigest(String to, List<Due.Application> waiting, List<Organization> failingContacts,
            LocalDate today) {
        int days = policy.reminders().applicationWaitingDays();
        List<String> lines = new ArrayList<>(waiting.stream().map(a -> String.join("｜",
                a.platformName(), kindName(a.kind()) + "（" + levelName(a.level()) + "）",
                "统一社会信用代码 " + a.uscc(), "提交于 " + Shanghai.dateOf(a.submittedAt()),
                "已等待 " + ChronoUnit.DAYS.between(Shanghai.dateOf(a.submittedAt()), today) + " 天",
                "申报编号 " + a.applicationId())).toList());
        failingContacts.stream().map(o -> String.join("｜", "联系邮箱无法送达", o.name(),
                "统一社会信用代码 " + o.uscc(), "联系邮箱 " + o.contactEmail(),
                (Organization.COMPLAINED.equals(o.contactStatus()) ? "收件人投诉" : "退信") + "于 "
                        + Shanghai.dateOf(Instant.parse(o.contactFailedAt())))).forEach(lines::add);
        List<String> told = new ArrayList<>();
        if (!waiting.isEmpty()) {
            told.add(waiting.size() + " 项申报已提交超过 " + days + " 天，仍待审核");
        }
        if (!failingContacts.isEmpty()) {
            told.add(failingContacts.size() + " 个单位的联系邮箱无法送达（退信或投诉），系统已暂停向其发送到期提醒");
        }
        List<String> paragraphs = new ArrayList<>(List.of("以下 " + String.join("；", told) + "："));
        if (!waiting.isEmpty()) {
            paragraphs.add("请及时审核（认定、退回补充材料或不予认定）。");
        }
        if (!failingContacts.isEmpty()) {
            paragraphs.add("请联系上述单位核实联系邮箱，并由单位或审核人员在系统中更正单位资料的联系邮箱；更正后系统恢复提醒。");
        }
        String subject = waiting.isEmpty() ? "联系邮箱无法送达汇总" : "待审核申报汇总";
        return mail(to, PREFIX + subject + "（" + today + "）", "市科技局审核人员：", paragraphs, lines);
    }

    public Mail financeDigest(String to, List<Due.Subsidy> unpaid, LocalDate today) {
        int days = policy.reminders().subsidyUnpaidDays();
        List<String> lines = unpaid.stream().map(s -> String.join("｜",
                "补助编号 " + s.subsidyId(), kindName(s.kind()) + "（" + levelName(s.level()) + "）",
                "统一社会信用代码 " + s.uscc(),
                "金额 " + (s.amountYuan() == null ? "未定" : String.format(Locale.ROOT, "%,d", s.amountYuan())) + " 元",
                "待拨付起 " + Shanghai.dateOf(s.awaitingSince()),
                "已等待 " + ChronoUnit.DAYS.between(Shanghai.dateOf(s.awaitingSince()), today) + " 天")).toList();
        return mail(to, PREFIX + "待拨付补助汇总（" + today + "）", "市财政局：",
                List.of("以下 " + unpaid.size() + " 项补助进入待拨付状态已超过 " + days + " 天：",
                        "请及时拨付，并在系统中登记拨付日期和凭证号。"), lines);
    }

    /** The bureau's layout ({@link Letter}) with the list after the first paragraph. */
    public static Mail mail(String to, String subject, String salutation, List<String> paragraphs,
            List<String> lines) {
        return Letter.compose(to, subject, salutation, paragraphs, lines, 0, MAX_LISTED);
    }

    private String renewalClause(String kind) {
        return policy.rules().stream().filter(r -> r.renewal() && r.kinds().contains(kind)).findFirst()
                .map(r -> "，并可按《" + policy.title() + "》" + r.clause() + "申请重新认定补助").orElse("");
    }

    public String kindName(String kind) {
        return policy.kind(kind).map(Policy.Kind::name).orElse(kind);
    }

    public String levelName(String level) {
        return policy.levels().stream().filter(l -> l.code().equals(level)).map(Policy.Code::name).findFirst()
                .orElse(String.valueOf(level));
    }
}
