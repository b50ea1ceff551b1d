package cn.bijie.innovation.shared.imports;

import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.sheet.SheetRow;
import cn.bijie.innovation.shared.uscc.Uscc;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the rows of one list in order: the USCC's check character where there is one, the date, a known kind and
 * level, the place (rows of other cities are set aside, not rejected), and duplicates inside the file. One instance
 * per file: it remembers the rows it has seen.
 */
public final class RowCheck {
    static final int MAX_NAME = 100;
    static final int MAX_TEXT = 64;

    /** What a row is: a recognition to record, a rejection (column and reason in Chinese), or of another city. */
    public sealed interface Checked {
        int row();
    }

    public record Valid(Recognition recognition) implements Checked {
        @Override
        public int row() {
            return recognition.row();
        }
    }

    public record Rejected(int row, String name, String column, String reason) implements Checked {}

    public record Outside(int row, String name, String place) implements Checked {}

    private final Policy policy;
    private final ListHeaders headers;
    private final ListHeaders.Layout layout;
    private final Regions regions;
    private final Batch batch;
    private final Map<String, Integer> seen = new HashMap<>();

    public RowCheck(Policy policy, ListHeaders headers, ListHeaders.Layout layout, Batch batch) {
        this.policy = policy;
        this.headers = headers;
        this.layout = layout;
        this.regions = new Regions(policy, headers);
        this.batch = batch;
    }

    /** A blank row, or a closing remark such as （以下空白）: no data, not counted. */
    public boolean isData(SheetRow row) {
        if (row.isBlank()) {
            return false;
        }
        String name = cell(row, ListField.NAME);
        String uscc = cell(row, ListField.USCC);
        String folded = Names.normalise(name);
        return !(name.isEmpty() && uscc.isEmpty()) && !folded.startsWith("(以下") && !folded.startsWith("以下");
    }

    public Checked check(SheetRow row) {
        int n = row.number();
        String name = cell(row, ListField.NAME);
        String usccText = cell(row, ListField.USCC).toUpperCase(Locale.ROOT);
        String uscc = usccText.isEmpty() ? null : usccText;
        if (uscc != null && !Uscc.isValid(uscc)) {
            return rejected(n, name, ListField.USCC, "统一社会信用代码无效或校验码错误");
        }
        if (name.isEmpty() && uscc == null) {
            return rejected(n, name, ListField.NAME, "缺少企业名称");
        }
        if (name.length() > MAX_NAME || name.startsWith("=")) {
            return rejected(n, name, ListField.NAME, "企业名称不是有效的名称");
        }
        String place = cell(row, ListField.PLACE);
        Optional<Optional<String>> bijie = regions.place(uscc, place);
        if (bijie.isEmpty()) {
            return new Outside(n, name, place);
        }
        String kind = batch.kind();
        if (!cell(row, ListField.KIND).isEmpty()) {
            String text = cell(row, ListField.KIND);
            kind = headers.kind(text).or(() -> policy.kinds().stream()
                    .filter(k -> Names.normalise(k.name()).equals(Names.normalise(text)))
                    .map(Policy.Kind::code).findFirst()).orElse(null);
            if (kind == null) {
                return rejected(n, name, ListField.KIND, "未知的认定类别：" + text);
            }
        }
        if (kind == null || policy.kind(kind).isEmpty()) {
            return rejected(n, name, ListField.KIND, "缺少认定类别（导入时未指定，行中也没有）");
        }
        String level = batch.level();
        if (!cell(row, ListField.LEVEL).isEmpty()) {
            level = headers.level(cell(row, ListField.LEVEL)).orElse(null);
            if (level == null) {
                return rejected(n, name, ListField.LEVEL, "未知的级别：" + cell(row, ListField.LEVEL));
            }
        }
        if (level == null && policy.kind(kind).get().levels().size() == 1) {
            level = policy.kind(kind).get().levels().get(0);
        }
        if (level == null || !policy.isLevelOf(kind, level)) {
            return rejected(n, name, ListField.LEVEL, "缺少级别或该类别没有这一级别");
        }
        LocalDate issuedOn = batch.issuedOn();
        String dateText = cell(row, ListField.ISSUED_ON);
        if (!dateText.isEmpty()) {
            issuedOn = ListDates.parse(dateText).orElse(null);
            if (issuedOn == null) {
                return rejected(n, name, ListField.ISSUED_ON, "无法识别的日期：" + dateText);
            }
        }
        if (issuedOn == null) {
            return rejected(n, name, ListField.ISSUED_ON, "缺少发证日期（行中没有，导入时也未给出批次日期）");
        }
        String certificateNo = first(cell(row, ListField.CERTIFICATE_NO), null, null);
        String documentNo = first(cell(row, ListField.DOCUMENT_NO), batch.documentNo(), null);
        if (certificateNo == null && documentNo != null) {
            // no certificate of its own yet: the batch's 文号 qualified by the enterprise, since certificate numbers are
            // unique per kind and one 文号 approves a whole list; staff complete the number later
            certificateNo = documentNo + "（" + (uscc != null ? uscc : name) + "）";
        }
        if (certificateNo == null) {
            return rejected(n, name, ListField.CERTIFICATE_NO, "缺少证书编号（行中没有，导入时也未给出文号）");
        }
        if (certificateNo.length() > MAX_TEXT || certificateNo.startsWith("=")) {
            return rejected(n, name, ListField.CERTIFICATE_NO, "证书编号无效");
        }
        String platformName = first(cell(row, ListField.PLATFORM_NAME), name.isEmpty() ? null : name);
        if (platformName == null) {
            return rejected(n, name, ListField.PLATFORM_NAME, "缺少平台名称");
        }
        if (platformName.length() > MAX_NAME || platformName.startsWith("=")) {
            return rejected(n, name, ListField.PLATFORM_NAME, "平台名称不是有效的名称");
        }
        String who = uscc != null ? uscc : Names.normalise(name);
        Integer first = seen.putIfAbsent(who + "|" + kind + "|" + level + "|" + Names.normalise(platformName), n);
        if (first != null) {
            return rejected(n, name, uscc != null ? ListField.USCC : ListField.NAME, "与第 " + first + " 行重复");
        }
        return new Valid(new Recognition(n, uscc, name.isEmpty() ? null : name, bijie.get().orElse(null), kind, level,
                platformName, certificateNo, issuedOn));
    }

    private Rejected rejected(int row, String name, ListField field, String reason) {
        return new Rejected(row, name.isEmpty() ? null : name, field.header(), reason);
    }

    private String cell(SheetRow row, ListField field) {
        Integer column = layout.columns().get(field);
        return column == null ? "" : row.cell(column).strip();
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
