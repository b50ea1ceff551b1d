package cn.bijie.innovation.shared.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout of every mail of the bureau, in text and HTML: salutation, paragraphs, a numbered list after one of them,
 * signature and footer. Every text is escaped for the HTML part here, so no caller builds markup of its own.
 */
public final class Letter {
    public static final String PREFIX = "【毕节市科技局】";
    public static final String SIGNATURE = "毕节市科学技术局";
    static final String FOOTER = "本邮件由系统自动发送，请勿直接回复。";

    private Letter() {
    }

    /**
     * @param listAfter the index of the paragraph the numbered {@code lines} follow
     * @param maxListed lines beyond this many are summed up in one last line (a mail stays readable and small)
     */
    public static Mail compose(String to, String subject, String salutation, List<String> paragraphs,
            List<String> lines, int listAfter, int maxListed) {
        List<String> listed = new ArrayList<>(lines.subList(0, Math.min(lines.size(), maxListed)));
        if (lines.size() > maxListed) {
            listed.add("……另有 " + (lines.size() - maxListed) + " 项，请登录系统查看。");
        }
        StringBuilder text = new StringBuilder(salutation).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<title>").append(escape(subject)).append("</title></head><body><p>").append(escape(salutation))
                .append("</p>");
        for (int i = 0; i < paragraphs.size(); i++) {
            text.append(paragraphs.get(i)).append("\n\n");
            html.append("<p>").append(escape(paragraphs.get(i))).append("</p>");
            if (i == listAfter && !listed.isEmpty()) {
                html.append("<ol>");
                for (int n = 0; n < listed.size(); n++) {
                    text.append(n + 1).append(". ").append(listed.get(n)).append('\n');
                    html.append("<li>").append(escape(listed.get(n))).append("</li>");
                }
                text.append('\n');
                html.append("</ol>");
            }
        }
        text.append(SIGNATURE).append('\n').append(FOOTER).append('\n');
        html.append("<p>").append(SIGNATURE).append("</p><p><small>").append(FOOTER).append("</small></p></body></html>");
        return new Mail(to, subject, text.toString(), html.toString());
    }

    public static String escape(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
