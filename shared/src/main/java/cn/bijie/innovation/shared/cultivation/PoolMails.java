package cn.bijie.innovation.shared.cultivation;

import cn.bijie.innovation.shared.mail.Letter;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.organization.Organization;
import java.util.List;

/** The mail to a pool enterprise when a window opens: in Chinese, with the checklist items it still lacks. */
public final class PoolMails {
    private PoolMails() {}

    public static Mail windowOpened(ApplicationWindow window, Organization organization,
            List<CultivationView.ChecklistItem> lacking, String checklistSource) {
        String subject = Letter.PREFIX + window.title() + "申报窗口已开放(" + window.opensOn() + "至" + window.closesOn()
                + ")";
        String checklist = lacking.isEmpty()
                ? "按科技局记录，" + checklistSource + "所列条件均已满足，请按时申报。"
                : "按科技局记录，对照" + checklistSource + "，以下条件尚待满足或尚未核实：";
        List<String> paragraphs = List.of(
                "贵单位在高新技术企业培育库中。" + window.title() + "的申报窗口已开放，时间为" + window.opensOn() + "至"
                        + window.closesOn() + "。",
                checklist,
                "如需辅导，请联系毕节市科学技术局。");
        return Letter.compose(organization.contactEmail(), subject, organization.name() + "：", paragraphs,
                lacking.stream().map(CultivationView.ChecklistItem::name).toList(), 1, Integer.MAX_VALUE);
    }
}
