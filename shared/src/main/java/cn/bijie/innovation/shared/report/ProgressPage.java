package cn.bijie.innovation.shared.report;

import cn.bijie.innovation.shared.mail.Letter;
import java.util.List;

/**
 * The progress report as a page a supervisor opens and prints: A4 portrait, Chinese, per indicator a table and a bar
 * chart (inline SVG: the count per county now, the city's count against its target). Every text is escaped; the page
 * loads nothing (the response's CSP allows no source).
 */
final class ProgressPage {
    private static final int BAR_AREA = 360;

    private ProgressPage() {}

    static String render(ProgressReport r) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(esc("毕节市高新技术产业创新平台建设工作进展 · " + r.period())).append("</title><style>")
                .append("@page{size:A4 portrait;margin:15mm}body{font-family:'Noto Sans SC','Microsoft YaHei',"
                        + "'PingFang SC',sans-serif;font-size:10.5pt;color:#111}h1{font-size:16pt;text-align:center}"
                        + "h2{font-size:12pt;margin:14pt 0 4pt}table{border-collapse:collapse;width:100%}"
                        + "th,td{border:1px solid #999;padding:2pt 4pt;text-align:right}th:first-child,"
                        + "td:first-child{text-align:left}section{page-break-inside:avoid}.note{font-size:9pt;"
                        + "color:#444}")
                .append("</style></head><body>");
        h.append("<h1>").append(esc("毕节市高新技术产业创新平台建设工作进展（" + r.period() + " 年目标）")).append("</h1>");
        h.append("<p class=\"note\">").append(esc("生成时间 " + r.asOf() + "；指定日期 " + dash(r.atSnapshot())
                + "；上次调度 " + dash(r.previousSnapshot()))).append("</p>");
        for (ProgressReport.IndicatorRow row : r.indicators()) {
            h.append("<section><h2>").append(esc(row.name())).append("</h2>");
            h.append(chart(row));
            h.append("<table><tr><th>区县</th><th>现在</th><th>指定日期</th><th>上次调度</th><th>变化</th></tr>");
            h.append("<tr><td>").append(esc("全市（目标 " + row.target() + "）")).append("</td><td>").append(row.now())
                    .append("</td><td>").append(dash(row.atDate())).append("</td><td>").append(dash(row.previous()))
                    .append("</td><td>").append(dash(row.change())).append("</td></tr>");
            for (ProgressReport.CountyCount c : row.byCounty()) {
                h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(c.now()).append("</td><td>")
                        .append(dash(c.atDate())).append("</td><td>").append(dash(c.previous())).append("</td><td>")
                        .append(dash(c.change())).append("</td></tr>");
            }
            h.append("</table><p class=\"note\">").append(esc("补助：已拨付 " + row.paidCount() + " 笔 " + row.paidYuan()
                    + " 元；待拨付 " + row.dueCount() + " 笔 " + row.dueYuan() + " 元")).append("</p></section>");
        }
        h.append("<section><h2>各区县补助</h2><table><tr><th>区县</th><th>已拨付笔数</th><th>已拨付金额(元)</th>"
                + "<th>待拨付笔数</th><th>待拨付金额(元)</th></tr>");
        for (ProgressReport.CountyRow c : r.counties()) {
            h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(c.paidCount()).append("</td><td>")
                    .append(c.paidYuan()).append("</td><td>").append(c.dueCount()).append("</td><td>")
                    .append(c.dueYuan()).append("</td></tr>");
        }
        h.append("</table></section>");
        for (String note : r.notes()) {
            h.append("<p class=\"note\">").append(esc(note)).append("</p>");
        }
        return h.append("</body></html>").toString();
    }

    /** Bars: the city against its target, then each county's count now, scaled to the largest. */
    private static String chart(ProgressReport.IndicatorRow row) {
        List<ProgressReport.CountyCount> counties = row.byCounty();
        long max = Math.max(1, Math.max(row.target(), row.now()));
        int height = 18 * (counties.size() + 1) + 6;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" viewBox=\"0 0 560 ")
                .append(height).append("\" role=\"img\" aria-label=\"").append(esc(row.name())).append("\">");
        bar(svg, 0, "全市", row.now(), max, "#1f5fa8");
        svg.append("<line x1=\"").append(150 + BAR_AREA * row.target() / max).append("\" y1=\"0\" x2=\"")
                .append(150 + BAR_AREA * row.target() / max).append("\" y2=\"16\" stroke=\"#c00\" stroke-width=\"2\"/>");
        for (int i = 0; i < counties.size(); i++) {
            bar(svg, i + 1, counties.get(i).name(), counties.get(i).now(), max, "#6b9bd1");
        }
        return svg.append("</svg>").toString();
    }

    private static void bar(StringBuilder svg, int i, String label, long value, long max, String colour) {
        int y = i * 18 + 2;
        svg.append("<text x=\"0\" y=\"").append(y + 12).append("\" font-size=\"11\">").append(esc(label))
                .append("</text><rect x=\"150\" y=\"").append(y).append("\" width=\"").append(BAR_AREA * value / max)
                .append("\" height=\"14\" fill=\"").append(colour).append("\"/><text x=\"")
                .append(154 + BAR_AREA * value / max).append("\" y=\"").append(y + 12).append("\" font-size=\"11\">")
                .append(value).append("</text>");
    }

    private static String dash(Object value) {
        return value == null ? "—" : value.toString();
    }

    private static String esc(String text) {
        return Letter.escape(text);
    }
}
