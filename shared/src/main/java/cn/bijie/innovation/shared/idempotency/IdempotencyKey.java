package cn.bijie.innovation.shared.idempotency;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.ApiRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An {@code Idempotency-Key} header, scoped to its caller, with the fingerprint of the request it came with: the same
 * key with another request is {@code IDEMPOTENCY_KEY_REUSED}.
 */
public record IdempotencyKey(String callerSub, String key, String requestHash) {
    public static final String HEADER = "Idempotency-Key";

    /** The key of this request, if it sent one; a malformed key is a 400. */
    public static Optional<IdempotencyKey> of(ApiRequest request) {
        String key = request.header(HEADER);
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw ValidationFailed.field(HEADER, "须为 1–128 个可打印字符 (1 to 128 printable characters)");
        }
        String fingerprint = request.routeKey() + "\n" + new TreeMap<>(request.pathParameters()) + "\n"
                + (request.body() == null ? "" : request.body());
        return Optional.of(new IdempotencyKey(request.requireCaller().sub(), key, sha256(fingerprint)));
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
