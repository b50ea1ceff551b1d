package cn.bijie.innovation.shared.organization;

/** The body of {@code PUT /organizations/{uscc}/tier}: the bureau's designation, from a date, for a reason. */
public record TierInput(String tier, String effectiveOn, String reason) {}
