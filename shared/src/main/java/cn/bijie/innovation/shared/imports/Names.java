package cn.bijie.innovation.shared.imports;

import java.text.Normalizer;

/**
 * The form in which an organisation's name is compared: full-width and half-width alike (NFKC, so （） is ()), no
 * spaces. Nothing else is folded: 有限责任公司 and 有限公司 stay distinct names, as they are distinct companies.
 */
public final class Names {
    private Names() {}

    public static String normalise(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
