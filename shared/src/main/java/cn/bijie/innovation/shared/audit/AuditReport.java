package cn.bijie.innovation.shared.audit;

import java.util.List;

/** A verification: how many chains and entries were walked, and the first break of each broken chain. */
public record AuditReport(long chains, long entries, boolean intact, List<ChainBreak> breaks) {}
