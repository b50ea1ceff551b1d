package cn.bijie.innovation.shared.audit;

/** The first place a chain does not hold: its entry at {@code seq} (0 where the chain's head is wrong) and why. */
public record ChainBreak(String chain, long seq, String problem) {}
