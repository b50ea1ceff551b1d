package cn.bijie.innovation.shared.organization;

/** One step of an organisation's growth-tier history: who designated which tier, from when, and why. */
public record TierChange(String uscc, String tier, String previousTier, String effectiveOn, String reason,
        String changedBy, String changedAt) {}
