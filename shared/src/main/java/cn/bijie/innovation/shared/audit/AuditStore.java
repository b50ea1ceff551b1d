package cn.bijie.innovation.shared.audit;

import cn.bijie.innovation.shared.paging.Slice;
import java.util.Map;
import java.util.function.Consumer;

/** Reads the audit trails; entries are written by the stores, each in the transaction of the change it records. */
public interface AuditStore {

    /** One chain's entries in order of position. */
    Slice<StoredEntry> list(String chain, int limit, Map<String, String> start);

    /** Every entry of one chain, in order of position, then its head (position 0 and null hash: none). */
    ChainHead walk(String chain, Consumer<StoredEntry> entries);

    /** Every entry and every head of the table, in no particular order (an operator's verification, not a request). */
    void walkAll(Consumer<StoredEntry> entries, Consumer<ChainHead> heads);

    /** Where a chain ends: the position and hash of its last entry. */
    record ChainHead(String chain, long seq, String hash) {}
}
