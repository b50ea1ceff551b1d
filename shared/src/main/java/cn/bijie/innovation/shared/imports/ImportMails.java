package cn.bijie.innovation.shared.imports;

import cn.bijie.innovation.shared.mail.Letter;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Chinese texts of list imports: the summary to the uploading staff member and the entitlement notice. */
public final class ImportMails {
    static final String PREFIX = Letter.PREFIX;
    static final int MAX_LISTED = 200;

    private final Policy policy;

    public ImportMails(Policy policy) {
        this.policy = policy;
    }

    /** To the staff member who uploaded the list: the figures, and the organisations the system cannot mail. */
    public Mail summary(String to, ListImport i, List<String> withoutAddress) {
        ImportCounts c = i.counts();
        List<String> paragraphs = new ArrayList<>();
        if (i.status() == ImportStatus.REJECTED) {
            paragraphs.add("名单文件「" + i.fileName() + "」未能导入：" + i.problem() + "。未记录任何内容，请修正后重新上传。");
        } else {
            paragraphs.add("名单「" + i.batchName() + "」（文件「" + i.fileName() + "」）已导入：读取数据行 " + c.read() + " 行，"
                    + "记录认定 " + c.recorded() + " 项，此前已记录而跳过 " + c.skipped() + " 项，未通过校验 " + c.rejected()
                    + " 行，非毕节市 " + c.outside() + " 行，待人工核对 " + c.unmatched() + " 行，新建组织资料 "
                    + c.organizationsCreated() + " 个。");
            paragraphs.add("逐行结果见导入报告（GET /imports/" + i.importId() + "/report）；待人工核对的行请在系统中关联或新建组织后记录。");
        }
        if (!withoutAddress.isEmpty()) {
            paragraphs.add("以下 " + withoutAddress.size() + " 个组织尚无联系邮箱，无法发送补助告知，请补充：");
        }
        return mail(to, PREFIX + "认定名单导入结果：" + i.batchName(), "市科技局工作人员：", paragraphs, withoutAddress);
    }

    /** To an organisation whose recognition earned a subsidy: what, how much and why, and what to do next. */
    public Mail entitlement(Organization org, Subsidy s, String platformName) {
        String kind = policy.kind(s.kind()).map(Policy.Kind::name).orElse(s.kind());
        String level = policy.levelName(s.level()).orElse(s.level());
        String amount = s.amountYuan() == null ? "金额待定" : String.format(Locale.ROOT, "%,d 元", s.amountYuan());
        List<String> paragraphs = List.of(
                "根据" + level + kind + "认定名单，贵单位（" + platformName + "）已获认定。按照「免申即享」，无需申报，系统已为贵单位"
                        + "记录认定并核定补助：" + amount + "。",
                "依据：" + s.explanation(),
                "请登录毕节市科技创新平台补助系统，核对单位信息并确认收款银行账户；确认后由财政部门拨付。如有疑问，请联系市科技局。");
        return mail(org.contactEmail(), PREFIX + kind + "认定补助告知（免申即享）", org.name() + "（统一社会信用代码 "
                + org.uscc() + "）：", paragraphs, List.of());
    }

    /** The bureau's layout ({@link Letter}) with the list after the last paragraph. */
    private static Mail mail(String to, String subject, String salutation, List<String> paragraphs,
            List<String> lines) {
        return Letter.compose(to, subject, salutation, paragraphs, lines, paragraphs.size() - 1, MAX_LISTED);
    }
}
