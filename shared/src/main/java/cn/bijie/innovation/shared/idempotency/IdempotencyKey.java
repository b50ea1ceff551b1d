package cn.bijie.innovation.shared.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An {@code Idempotency-Key} header, scoped to its caller, with the fingerprint of the request it came with: the same
 * key with another request is {@code IDEMPOTENCY_KEY_REUSED}.
 */
public record IdempotencyKey(String callerSub, String key, String requestHash) {
    /** {@code key} of {@code callerSub}, sent with the request whose text (route, path, body) is {@code request}. */
    public static IdempotencyKey of(String callerSub, String key, String request) {
        return new IdempotencyKey(callerSub, key, sha256(request));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
