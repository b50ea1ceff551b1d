package cn.bijie.innovation.shared.paging;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.json.Json;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque, tamper-proof {@code nextToken}s: the query's {@code LastEvaluatedKey}, bound to the caller and to the list
 * it continues (route and filters), signed with HMAC-SHA256. An altered token, or one made for another caller or
 * another list, is a 400.
 */
public final class PageToken {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] secret;

    public PageToken(String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("PAGE_TOKEN_SECRET must have at least 32 characters");
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A token for the page after {@code lastEvaluatedKey}, or null when there is none. */
    public String issue(Map<String, AttributeValue> lastEvaluatedKey, String callerSub, String listFingerprint) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, String> key = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> key.put(name, value.s()));
        String payload = ENCODER.encodeToString(Json.write(key).getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload, callerSub, listFingerprint));
    }

    /** The {@code ExclusiveStartKey} a token stands for; null when the caller sent none. */
    public Map<String, AttributeValue> open(String token, String callerSub, String listFingerprint) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        int dot = token.indexOf('.');
        try {
            // Compared as text, not as decoded bytes: the last base64 character has unused bits, so two different
            // strings decode to the same signature, and an altered token must never pass.
            if (dot <= 0 || !MessageDigest.isEqual(token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII),
                    ENCODER.encodeToString(sign(token.substring(0, dot), callerSub, listFingerprint))
                            .getBytes(StandardCharsets.US_ASCII))) {
                throw invalid();
            }
            Map<String, String> key = Json.MAPPER.readValue(DECODER.decode(token.substring(0, dot)),
                    new TypeReference<Map<String, String>>() {});
            Map<String, AttributeValue> start = new LinkedHashMap<>();
            key.forEach((name, value) -> start.put(name, AttributeValue.fromS(value)));
            return start;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
    }

    private byte[] sign(String payload, String callerSub, String listFingerprint) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal((payload + "\n" + callerSub + "\n" + listFingerprint).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationFailed invalid() {
        return ValidationFailed.field("nextToken", "无效的分页令牌 (invalid or foreign nextToken)");
    }
}
