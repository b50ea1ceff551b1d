package cn.bijie.innovation.shared.audit;

/**
 * An audit entry as stored: its chain (the record's key), position from 1, who, what, when, the record before and
 * after (JSON text as stored, {@code "null"} for none), and the links of the chain.
 */
public record StoredEntry(String chain, long seq, String actor, String action, String at, String before,
        String after, String prevHash, String hash) {

    /** Whether the stored hash is the hash of the stored content. */
    public boolean intact() {
        return hash != null && hash.equals(AuditChain.hash(chain, seq, prevHash, actor, action, at, before, after));
    }
}
