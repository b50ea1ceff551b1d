package cn.bijie.innovation.shared.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids derived from what identifies a record rather than drawn at random, so that a retry, a duplicate delivery or a
 * race lands on the same item and a conditional write can refuse the second one.
 */
public final class DerivedId {
    private DerivedId() {}

    /** {@code <prefix>-} and 32 hex digits of the SHA-256 of the parts. */
    public static String of(String prefix, String... parts) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
