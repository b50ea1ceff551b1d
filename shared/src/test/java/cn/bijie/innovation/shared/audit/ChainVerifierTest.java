package cn.bijie.innovation.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The first break of a chain, for each way an entry can be changed or lost. */
class ChainVerifierTest {
    static final String CHAIN = "SUB#s1";

    /** A chain of {@code n} entries as the writers make it. */
    static List<StoredEntry> chain(int n) {
        List<StoredEntry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int seq = 1; seq <= n; seq++) {
            String after = "{\"amountYuan\":" + (100_000 * seq) + "}";
            String hash = AuditChain.hash(CHAIN, seq, prev, "staff-1", "SUBSIDY_CHANGED", "2026-11-30T01:00:0" + seq
                    + "Z", "null", after);
            entries.add(new StoredEntry(CHAIN, seq, "staff-1", "SUBSIDY_CHANGED", "2026-11-30T01:00:0" + seq + "Z",
                    "null", after, prev, hash));
            prev = hash;
        }
        return entries;
    }

    static Optional<ChainBreak> verify(List<StoredEntry> entries, long headSeq, String headHash) {
        ChainVerifier verifier = new ChainVerifier(CHAIN);
        entries.forEach(verifier::next);
        return verifier.end(headSeq, headHash);
    }

    @Test
    void aChainAsWritten_holds() {
        List<StoredEntry> entries = chain(5);
        assertThat(verify(entries, 5, entries.get(4).hash())).isEmpty();
        assertThat(verify(List.of(), 0, null)).isEmpty();
    }

    @Test
    void aChangedEntry_isNamed() {
        List<StoredEntry> entries = chain(5);
        StoredEntry e = entries.get(2);
        entries.set(2, new StoredEntry(CHAIN, e.seq(), "someone-else", e.action(), e.at(), e.before(), e.after(),
                e.prevHash(), e.hash()));
        assertThat(verify(entries, 5, entries.get(4).hash())).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(3);
            assertThat(b.problem()).contains("does not match its hash");
        });
    }

    @Test
    void aChangedAndRehashedEntry_breaksTheNextLink() {
        List<StoredEntry> entries = chain(5);
        StoredEntry e = entries.get(2);
        String after = "{\"amountYuan\":1}";
        entries.set(2, new StoredEntry(CHAIN, 3, e.actor(), e.action(), e.at(), e.before(), after, e.prevHash(),
                AuditChain.hash(CHAIN, 3, e.prevHash(), e.actor(), e.action(), e.at(), e.before(), after)));
        assertThat(verify(entries, 5, entries.get(4).hash())).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(4);
            assertThat(b.problem()).contains("link to the previous entry");
        });
    }

    @Test
    void aDeletedEntry_isNamedAsMissing_andADeletedLastOneByTheHead() {
        List<StoredEntry> entries = chain(5);
        List<StoredEntry> gap = new ArrayList<>(entries);
        gap.remove(1);
        assertThat(verify(gap, 5, entries.get(4).hash())).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(2);
            assertThat(b.problem()).contains("entry 2 is missing");
        });
        assertThat(verify(entries.subList(0, 4), 5, entries.get(4).hash())).hasValueSatisfying(b -> {
            assertThat(b.seq()).isEqualTo(5);
            assertThat(b.problem()).contains("head names entry 5");
        });
    }

    @Test
    void theSameContentAtAnotherPositionOrInAnotherChain_hashesDifferently() {
        String at = "2026-11-30T01:00:00Z";
        assertThat(AuditChain.hash("SUB#a", 1, AuditChain.GENESIS, "u", "X", at, "null", "{}"))
                .isNotEqualTo(AuditChain.hash("SUB#a", 2, AuditChain.GENESIS, "u", "X", at, "null", "{}"))
                .isNotEqualTo(AuditChain.hash("SUB#b", 1, AuditChain.GENESIS, "u", "X", at, "null", "{}"))
                // fields are length-prefixed: moving text from one field to the next is a different entry
                .isNotEqualTo(AuditChain.hash("SUB#a", 1, AuditChain.GENESIS, "uX", "", at, "null", "{}"));
    }
}
