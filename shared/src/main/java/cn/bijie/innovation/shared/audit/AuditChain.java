package cn.bijie.innovation.shared.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain of one record's audit trail: entry {@code n} carries the hash of entry {@code n-1} ({@link #GENESIS}
 * for the first) and its own hash, SHA-256 over its chain, position, predecessor's hash and content. Changing any
 * stored field changes the entry's hash; recomputing that hash breaks the next entry's link; deleting an entry leaves
 * a gap in the positions (or, for the last one, a chain shorter than its head).
 */
public final class AuditChain {
    /** The predecessor of a chain's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    /** Each field length-prefixed, so that no two different entries hash the same text. */
    public static String hash(String chain, long seq, String prevHash, String actor, String action, String at,
            String before, String after) {
        StringBuilder text = new StringBuilder();
        for (String field : new String[] {chain, Long.toString(seq), prevHash, actor, action, at, before, after}) {
            String value = field == null ? "" : field;
            text.append(value.length()).append(':').append(value).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
