package cn.bijie.innovation.shared.imports;

import java.util.List;

/**
 * The report of one import as CSV for spreadsheets in China: UTF-8 with BOM, CRLF, one line per data row. A cell that
 * a spreadsheet would run as a formula ({@code = + - @}) is written as text.
 */
public final class ImportReport {
    private static final String HEADER = "行号,结果,企业名称,统一社会信用代码,列,原因,认定记录";

    private ImportReport() {}

    public static String outcomeName(RowOutcome.Outcome outcome) {
        return switch (outcome) {
            case RECORDED -> "已记录";
            case SKIPPED -> "跳过（此前已记录）";
            case REJECTED -> "未通过校验";
            case OUTSIDE -> "非毕节市（未处理）";
            case UNMATCHED -> "待人工核对";
        };
    }

    public static String csv(List<RowOutcome> rows) {
        StringBuilder out = new StringBuilder("\uFEFF").append(HEADER).append("\r\n");
        for (RowOutcome r : rows) {
            out.append(r.row()).append(',').append(cell(outcomeName(r.outcome()))).append(',')
                    .append(cell(r.name())).append(',').append(cell(r.uscc())).append(',').append(cell(r.column()))
                    .append(',').append(cell(r.reason() == null && r.organizationCreated() ? "新建组织资料" : r.reason()))
                    .append(',').append(cell(r.certificationId())).append("\r\n");
        }
        return out.toString();
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
