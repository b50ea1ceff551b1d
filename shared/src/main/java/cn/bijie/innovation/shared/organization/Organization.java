package cn.bijie.innovation.shared.organization;

/** An organisation's profile, keyed by its USCC; {@code county} places it for the statistics. */
public record Organization(String uscc, String name, String county, String industry, String contactEmail,
        String growthTier, String updatedAt) {}
