package cn.bijie.innovation.shared.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Ids derived from what identifies a record rather than drawn at random, so that a retry, a duplicate delivery or a
 * race lands on the same item and a conditional write can refuse the second one.
 */
public final class DerivedId {
    private DerivedId() {}

    private static final Pattern SHAPE = Pattern.compile("^[a-z]{1,8}-[0-9a-f]{32}$");

    /**
     * Whether {@code id} has the shape {@link #of} gives ids made with {@code prefix}: a path value of another shape
     * names nothing, and is answered 404 without a read (a key over DynamoDB's size limit would otherwise fail there).
     */
    public static boolean isWellFormed(String prefix, String id) {
        return id != null && id.startsWith(prefix + "-") && SHAPE.matcher(id).matches();
    }

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
