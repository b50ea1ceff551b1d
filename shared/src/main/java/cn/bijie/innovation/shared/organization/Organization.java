package cn.bijie.innovation.shared.organization;

import java.util.Objects;

/**
 * An organisation's profile, keyed by its USCC; {@code county} places it for the statistics. {@code contactStatus}
 * ({@code BOUNCED} or {@code COMPLAINED}, else null) marks a contact address that mail could not reach: when, and
 * what SES said ({@code contactFailure}, e.g. {@code Permanent/General} or the complaint's type).
 */
public record Organization(String uscc, String name, String county, String industry, String contactEmail,
        String growthTier, String updatedAt, String contactStatus, String contactFailedAt, String contactFailure) {

    public static final String BOUNCED = "BOUNCED";
    public static final String COMPLAINED = "COMPLAINED";

    /** A profile whose contact address is not known to fail. */
    public Organization(String uscc, String name, String county, String industry, String contactEmail,
            String growthTier, String updatedAt) {
        this(uscc, name, county, industry, contactEmail, growthTier, updatedAt, null, null, null);
    }

    /** Mail to the contact address failed for good: the reminders leave it alone until the address changes. */
    public boolean contactFails() {
        return contactStatus != null;
    }

    /**
     * This profile with the failure mark of {@code before} while the contact address stays the same (a profile is
     * written whole); another address starts unmarked.
     */
    public Organization keepingMarkOf(Organization before) {
        if (before == null || !Objects.equals(before.contactEmail(), contactEmail)) {
            return this;
        }
        return new Organization(uscc, name, county, industry, contactEmail, growthTier, updatedAt,
                before.contactStatus(), before.contactFailedAt(), before.contactFailure());
    }
}
