package cn.bijie.innovation.shared.audit;

import java.util.Optional;

/**
 * Walks one chain in order of position and finds its first break: an entry whose hash is not the hash of its content
 * (changed), whose position is not the next (one deleted or inserted), or whose predecessor hash is not the previous
 * entry's hash (changed and re-hashed); at the end, the chain's head must name the last entry (the last one deleted).
 */
public final class ChainVerifier {
    private final String chain;
    private long seq;
    private String hash = AuditChain.GENESIS;
    private ChainBreak firstBreak;

    public ChainVerifier(String chain) {
        this.chain = chain;
    }

    /** The next entry, by position; nothing is checked after the first break. */
    public void next(long entrySeq, String prevHash, boolean intact, String entryHash) {
        if (firstBreak != null) {
            return;
        }
        if (!intact) {
            firstBreak = new ChainBreak(chain, entrySeq, "内容与其哈希不符 (the entry's content does not match its hash)");
        } else if (entrySeq != seq + 1) {
            firstBreak = new ChainBreak(chain, seq + 1, "缺少第 " + (seq + 1) + " 条记录 (entry " + (seq + 1)
                    + " is missing; the next stored is " + entrySeq + ")");
        } else if (!hash.equals(prevHash)) {
            firstBreak = new ChainBreak(chain, entrySeq, "与前一条记录的哈希不符 (the link to the previous entry "
                    + "does not match)");
        }
        seq = entrySeq;
        hash = entryHash;
    }

    public void next(StoredEntry entry) {
        next(entry.seq(), entry.prevHash(), entry.intact(), entry.hash());
    }

    /**
     * The first break, given the chain's head as stored (its last position and hash; 0 and null when it has none).
     */
    public Optional<ChainBreak> end(long headSeq, String headHash) {
        if (firstBreak == null && (headSeq != seq || headSeq > 0 && !hash.equals(headHash))) {
            firstBreak = new ChainBreak(chain, Math.max(seq, headSeq), "链尾与最后一条记录不符，记录被删除或改动 (the chain's "
                    + "head names entry " + headSeq + ", the last stored is " + seq + ")");
        }
        return Optional.ofNullable(firstBreak);
    }

    public long entries() {
        return seq;
    }
}
