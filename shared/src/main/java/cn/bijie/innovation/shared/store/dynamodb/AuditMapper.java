package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditChain;
import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.audit.AuditStore.ChainHead;
import cn.bijie.innovation.shared.audit.StoredEntry;
import cn.bijie.innovation.shared.json.Json;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit entry's item, in the partition of the record it is about, and its chain: entries at
 * {@code AUDIT#<position>} (12 digits, from 1), each with its predecessor's hash and its own ({@link AuditChain}),
 * and the chain's head at {@code AUDIT_HEAD} (the last position and hash). {@link #item} gives an entry not yet
 * placed in its chain; {@link WriteTransaction} keeps it aside and {@link TableWriter} places it when it commits.
 */
public final class AuditMapper {
    static final String TYPE = "AUDIT";
    static final String HEAD_TYPE = "AUDIT_HEAD";
    static final String ENTRY_PREFIX = "AUDIT#";
    static final String HEAD_SK = "AUDIT_HEAD";
    static final String SEQ = "seq";
    static final String PREV_HASH = "prevHash";
    static final String HASH = "hash";
    static final String ACTOR = "actor";
    static final String ACTION = "action";
    static final String AT = "at";
    static final String BEFORE = "before";
    static final String AFTER = "after";

    private AuditMapper() {}

    /** The entry, without its position and links: put it into a {@link WriteTransaction}, which chains it. */
    static Map<String, AttributeValue> item(AuditEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(Keys.PK, Items.s(entry.entityPk()));
        item.put("type", Items.s(TYPE));
        item.put(ACTOR, Items.s(entry.actor()));
        item.put(ACTION, Items.s(entry.action()));
        item.put(AT, Items.s(entry.at().toString()));
        item.put(BEFORE, Items.s(entry.before() == null ? "null" : Json.write(entry.before())));
        item.put(AFTER, Items.s(entry.after() == null ? "null" : Json.write(entry.after())));
        return item;
    }

    /** An entry {@link #item} made, not yet placed in its chain. */
    static boolean unchained(Map<String, AttributeValue> item) {
        return TYPE.equals(Items.str(item, "type")) && !item.containsKey(Keys.SK);
    }

    /** {@code entry} placed at {@code seq} after the entry whose hash is {@code prevHash}. */
    static Map<String, AttributeValue> chained(Map<String, AttributeValue> entry, long seq, String prevHash) {
        Map<String, AttributeValue> item = new HashMap<>(entry);
        String chain = Items.str(entry, Keys.PK);
        item.put(Keys.SK, Items.s(sortKey(seq)));
        item.put(SEQ, Items.n(seq));
        item.put(PREV_HASH, Items.s(prevHash));
        item.put(HASH, Items.s(AuditChain.hash(chain, seq, prevHash, Items.str(entry, ACTOR),
                Items.str(entry, ACTION), Items.str(entry, AT), Items.str(entry, BEFORE), Items.str(entry, AFTER))));
        return item;
    }

    /**
     * A whole chain as its transactions would have written it, its entries and then its head: for seeding a table
     * (the bench) without writing one entry per transaction.
     */
    public static List<Map<String, AttributeValue>> chainOf(List<AuditEntry> entries) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        String hash = AuditChain.GENESIS;
        for (AuditEntry entry : entries) {
            Map<String, AttributeValue> item = chained(item(entry), items.size() + 1, hash);
            hash = Items.str(item, HASH);
            items.add(item);
        }
        items.add(headItem(entries.get(0).entityPk(), entries.size(), hash));
        return items;
    }

    /** The head of {@code chain}: its last position and that entry's hash. */
    static Map<String, AttributeValue> headItem(String chain, long seq, String hash) {
        Map<String, AttributeValue> head = new HashMap<>(headKey(chain));
        head.put("type", Items.s(HEAD_TYPE));
        head.put(SEQ, Items.n(seq));
        head.put(HASH, Items.s(hash));
        return head;
    }

    static String sortKey(long seq) {
        return ENTRY_PREFIX + String.format("%012d", seq);
    }

    static Map<String, AttributeValue> headKey(String chain) {
        return Keys.key(chain, HEAD_SK);
    }

    static ChainHead head(String chain, Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? new ChainHead(chain, 0, null)
                : new ChainHead(chain, Items.num(item, SEQ), Items.str(item, HASH));
    }

    static StoredEntry fromItem(Map<String, AttributeValue> item) {
        Long seq = Items.num(item, SEQ);
        return new StoredEntry(Items.str(item, Keys.PK), seq == null ? 0 : seq, Items.str(item, ACTOR),
                Items.str(item, ACTION), Items.str(item, AT), Items.str(item, BEFORE),
                Items.str(item, AFTER), Items.str(item, PREV_HASH), Items.str(item, HASH));
    }
}
