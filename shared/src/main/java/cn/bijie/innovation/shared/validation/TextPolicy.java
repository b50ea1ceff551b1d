package cn.bijie.innovation.shared.validation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one rule for free text that reaches mail, CSV and staff screens (names, certificate numbers, reasons, notes):
 * stored in NFC; no control characters (Unicode Cc) except line breaks where a field allows them, so no NUL, BEL,
 * escape sequences or a CR LF that starts a mail header; no format characters (Cf: bidi overrides and isolates,
 * zero-width characters, the BOM), which make text show other than it is; and text that is only spaces of any kind
 * and format characters is blank.
 */
public final class TextPolicy {
    private TextPolicy() {}

    /** NFC, the form every stored text has (a decomposed 毕节 or é compares and sorts as the composed one). */
    public static String normalize(String text) {
        return text == null || Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** Blank: nothing left once every Unicode space, line break and format character is taken away. */
    public static boolean isBlank(String text) {
        return text.codePoints().allMatch(TextPolicy::invisible);
    }

    /** Why {@code text} cannot be stored, or null when it can; {@code lineBreaks}: LF and CR LF are allowed. */
    public static String problem(String text, boolean lineBreaks) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            boolean lineBreak = c == '\n' || c == '\r' && next < text.length() && text.charAt(next) == '\n';
            if (lineBreak && !lineBreaks) {
                return "不能换行 (no line breaks)";
            }
            int type = Character.getType(c);
            if (!lineBreak && (type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR)) {
                return String.format(Locale.ROOT, "不能含控制字符 (no control characters: U+%04X)", c);
            }
            if (type == Character.FORMAT) {
                return String.format(Locale.ROOT, "不能含不可见的格式字符 (no format characters such as bidi controls or "
                        + "zero-width characters: U+%04X)", c);
            }
            if (type == Character.SURROGATE) {
                return "含无效的字符 (an unpaired surrogate)";
            }
            i = next;
        }
        return null;
    }

    /**
     * {@code text} as this policy stores it, for text that reached the table before a check or from outside one: NFC,
     * CR LF as LF, and without the characters {@link #problem} refuses (line breaks kept only where
     * {@code lineBreaks}, else each becomes a space).
     */
    public static String clean(String text, boolean lineBreaks) {
        StringBuilder out = new StringBuilder(text.length());
        normalize(text).replace("\r\n", "\n").codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '\n') {
                out.append(lineBreaks ? '\n' : ' ');
            } else if (type != Character.CONTROL && type != Character.LINE_SEPARATOR
                    && type != Character.PARAGRAPH_SEPARATOR && type != Character.FORMAT
                    && type != Character.SURROGATE) {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static boolean invisible(int c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT;
    }
}
