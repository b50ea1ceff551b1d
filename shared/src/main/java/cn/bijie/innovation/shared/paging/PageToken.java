package cn.bijie.innovation.shared.paging;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque, tamper-proof {@code nextToken}s: the position a store continues after, encrypted with AES-256-GCM under a
 * key derived from the page-token secret, bound to the caller and to the list it continues (route and filters) as
 * associated data. A client learns nothing of the table's keys from it; an altered token, or one made for another
 * caller or another list, is a 400.
 */
public final class PageToken {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Supplier<String> secret;
    private volatile SecretKeySpec key;

    /**
     * The key derived from {@code secret}, asked for on the first token issued or opened (so a function's constructor
     * and its SnapStart priming never read the secret) and kept.
     */
    public PageToken(Supplier<String> secret) {
        this.secret = secret;
    }

    /** A key given as text (tests; a function reads its secret through the supplier). */
    public PageToken(String secret) {
        this(() -> secret);
        key();
    }

    private SecretKeySpec key() {
        SecretKeySpec derived = key;
        if (derived == null) {
            String text = secret.get();
            if (text == null || text.length() < 32) {
                throw new IllegalStateException("the page-token secret must have at least 32 characters");
            }
            try {
                derived = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                        .digest(("page-token\n" + text).getBytes(StandardCharsets.UTF_8)), "AES");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            key = derived;
        }
        return derived;
    }

    /** A token for the page after {@code position}, or null when there is none. */
    public String issue(Map<String, String> position, String callerSub, String listFingerprint) {
        if (position == null || position.isEmpty()) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, callerSub, listFingerprint);
            byte[] sealed = cipher.doFinal(Json.write(position).getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The position a token stands for; null when the caller sent none. */
    public Map<String, String> open(String token, String callerSub, String listFingerprint) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = DECODER.decode(token);
            // Compared as text: the last base64 character has unused bits, so two strings decode to the same bytes,
            // and an altered token must never pass.
            if (bytes.length <= NONCE_BYTES || !ENCODER.encodeToString(bytes).equals(token)) {
                throw invalid();
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, java.util.Arrays.copyOf(bytes, NONCE_BYTES), callerSub,
                    listFingerprint);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Json.MAPPER.readValue(plain, new TypeReference<Map<String, String>>() {});
        } catch (AEADBadTagException | IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String callerSub, String listFingerprint)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((callerSub + "\n" + listFingerprint).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static ValidationFailed invalid() {
        return ValidationFailed.field(ListParameters.NEXT_TOKEN, "无效的分页令牌 (invalid or foreign nextToken)");
    }
}
