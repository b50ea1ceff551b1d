package cn.bijie.innovation.shared.reminder;

/**
 * The outcome of one run. {@code sent}/{@code failed}/{@code rejected} count mails (reminders and digests);
 * {@code skipped} counts due certifications that needed no mail; {@code dueItems} what the due index returned;
 * {@code itemsRead} every item read from the table; {@code suppressed} the reminders not sent because the contact
 * address is marked failing (bounced, complained), {@code failingContacts} those organisations, listed to staff.
 */
public record RunSummary(String date, String from, int sent, int skipped, int failed, int rejected, int expired,
        int staffDigestItems, int financeDigestItems, int dueItems, long itemsRead, int suppressed,
        int failingContacts) {}
