package cn.bijie.innovation.shared.cultivation;

import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.organization.Organization;
import java.util.List;

/** The mail to a pool enterprise when a window opens: in Chinese, with the checklist items it still lacks. */
public final class PoolMails {
    private PoolMails() {}

    public static Mail windowOpened(ApplicationWindow window, Organization organization,
            List<CultivationView.ChecklistItem> lacking, String checklistSource) {
        String subject = "【毕节市科技局】" + window.title() + "申报窗口已开放(" + window.opensOn() + "至" + window.closesOn() + ")";
        StringBuilder text = new StringBuilder();
        text.append(organization.name()).append("：\n\n")
                .append("贵单位在高新技术企业培育库中。").append(window.title()).append("的申报窗口已开放，时间为")
                .append(window.opensOn()).append("至").append(window.closesOn()).append("。\n\n");
        StringBuilder html = new StringBuilder("<p>").append(escape(organization.name())).append("：</p><p>贵单位在高新技术企业培育库中。")
                .append(escape(window.title())).append("的申报窗口已开放，时间为").append(window.opensOn()).append("至")
                .append(window.closesOn()).append("。</p>");
        if (lacking.isEmpty()) {
            text.append("按科技局记录，").append(checklistSource).append("所列条件均已满足，请按时申报。\n");
            html.append("<p>按科技局记录，").append(escape(checklistSource)).append("所列条件均已满足，请按时申报。</p>");
        } else {
            text.append("按科技局记录，对照").append(checklistSource).append("，以下条件尚待满足或尚未核实：\n");
            html.append("<p>按科技局记录，对照").append(escape(checklistSource)).append("，以下条件尚待满足或尚未核实：</p><ol>");
            for (int i = 0; i < lacking.size(); i++) {
                text.append(i + 1).append(". ").append(lacking.get(i).name()).append("\n");
                html.append("<li>").append(escape(lacking.get(i).name())).append("</li>");
            }
            html.append("</ol>");
        }
        text.append("\n如需辅导，请联系毕节市科学技术局。\n");
        html.append("<p>如需辅导，请联系毕节市科学技术局。</p>");
        return new Mail(organization.contactEmail(), subject, text.toString(), html.toString());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
