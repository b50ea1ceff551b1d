package cn.bijie.innovation.shared.platform;

import java.text.Normalizer;
import java.util.Locale;

/**
 * One certificate number however it was typed: {@code 黔科合平台〔2019〕1}, {@code 黔科合平台[2019]1},
 * {@code 黔科合平台（2019）1号} and {@code ＧＲ２０２６５２０００１２３} / {@code gr 202652000123} name the same certificate.
 * NFKC folds full-width letters, digits and ASCII brackets; the Chinese brackets 〔〕【】 become {@code []}; spaces and a
 * trailing 号 go; letters are upper case.
 */
public final class CertificateNumbers {
    private CertificateNumbers() {}

    public static String normalized(String certificateNo) {
        String folded = Normalizer.normalize(certificateNo, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().forEach(c -> {
            switch (c) {
                case '〔', '【', '(', '（', '［', '〖' -> out.append('[');
                case '〕', '】', ')', '）', '］', '〗' -> out.append(']');
                default -> {
                    if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        int end = out.length();
        if (end > 1 && out.charAt(end - 1) == '号') {
            out.setLength(end - 1);
        }
        return out.toString();
    }
}
