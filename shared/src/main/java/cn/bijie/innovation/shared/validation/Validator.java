package cn.bijie.innovation.shared.validation;

import cn.bijie.innovation.shared.errors.FieldProblem;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.uscc.Uscc;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Collects every problem of a request, then fails once with all of them named by field. */
public final class Validator {
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]{2,}$");
    private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final List<FieldProblem> problems = new ArrayList<>();

    public boolean required(String field, Object value) {
        if (value == null || value instanceof String s && TextPolicy.isBlank(s)) {
            problems.add(new FieldProblem(field, "必填 (required)"));
            return false;
        }
        return true;
    }

    /** Required text of at most {@code max} characters, on one line ({@link TextPolicy}). */
    public void text(String field, String value, int max) {
        if (required(field, value)) {
            optionalText(field, value, max);
        }
    }

    public void optionalText(String field, String value, int max) {
        checkText(field, value, max, false);
    }

    /** Required text that may span lines (a reason, a note). */
    public void multilineText(String field, String value, int max) {
        if (required(field, value)) {
            optionalMultilineText(field, value, max);
        }
    }

    public void optionalMultilineText(String field, String value, int max) {
        checkText(field, value, max, true);
    }

    private void checkText(String field, String value, int max, boolean lineBreaks) {
        if (value == null) {
            return;
        }
        if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, "不能超过 " + max + " 个字符 (at most " + max + " characters)"));
        }
        String problem = TextPolicy.problem(value, lineBreaks);
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
    }

    public void uscc(String field, String value) {
        if (required(field, value) && !Uscc.isValid(value)) {
            problems.add(new FieldProblem(field, "统一社会信用代码无效或校验码错误 (not a valid USCC: check character)"));
        }
    }

    public void email(String field, String value) {
        if (required(field, value) && (value.length() > 254 || !EMAIL.matcher(value).matches())) {
            problems.add(new FieldProblem(field, "邮箱格式错误 (not an e-mail address)"));
        }
    }

    /** A required code that {@code known} accepts. */
    public void code(String field, String value, Predicate<String> known) {
        if (required(field, value)) {
            optionalCode(field, value, known);
        }
    }

    public void optionalCode(String field, String value, Predicate<String> known) {
        if (value != null && !known.test(value)) {
            problems.add(new FieldProblem(field, "未知代码 (unknown code): " + abbreviate(value)));
        }
    }

    /** A required {@code YYYY-MM-DD} calendar date; returns it, or null when it is not one. */
    public LocalDate date(String field, String value) {
        return required(field, value) ? optionalDate(field, value) : null;
    }

    public LocalDate optionalDate(String field, String value) {
        if (value == null) {
            return null;
        }
        if (ISO_DATE.matcher(value).matches()) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                // falls through to the problem below: 2026-02-30 has the right shape but is no date
            }
        }
        problems.add(new FieldProblem(field, "日期须为真实的 YYYY-MM-DD (a real date, YYYY-MM-DD)"));
        return null;
    }

    /** Records a problem found by the caller's own rule. */
    public void problem(String field, String problem) {
        problems.add(new FieldProblem(field, problem));
    }

    /** Whether a problem of {@code field} was found already (one problem per field is enough to name it). */
    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ValidationFailed("请求参数有误 (invalid request): "
                    + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()), problems);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
