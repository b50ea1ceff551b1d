package cn.bijie.innovation.shared.mail;

/**
 * One message to one recipient, with a plain-text and an HTML body; the sender is the adapter's. {@code organization}
 * is the USCC of the organisation it is for (null for the bureau's own mailboxes): SES returns it as a message tag
 * with a bounce or a complaint, so the failing address is marked on that organisation's profile.
 */
public record Mail(String to, String subject, String text, String html, String organization) {

    public Mail(String to, String subject, String text, String html) {
        this(to, subject, text, html, null);
    }

    /** This mail, for the organisation {@code uscc}. */
    public Mail forOrganization(String uscc) {
        return new Mail(to, subject, text, html, uscc);
    }
}
