package cn.bijie.innovation.shared.organization;

/** The body of {@code PUT /organizations/{uscc}}. */
public record OrganizationInput(String name, String county, String industry, String contactEmail, String growthTier) {}
