package cn.bijie.innovation.shared.notification;

/**
 * A notification as the organisation reads it ({@code GET /organizations/{uscc}/notifications}): what happened and
 * when, the mail's subject and text, and what became of the mail ({@link Status}).
 */
public record Notification(String notificationId, String uscc, NotificationEvent event, String at, String subject,
        String text, Status status, String sentAt) {

    public enum Status {
        /** Claimed by a delivery that is sending it now (or died sending: another may take it after the lease). */
        SENDING,
        SENT,
        /** The address was refused: not sent again. */
        REJECTED,
        /** The organisation has no profile or no contact address: kept to be read, not mailed. */
        NO_ADDRESS,
        /** The mail service failed: the next delivery of the event tries again. */
        FAILED;

        /** Whether a delivery of the same event is done with it (never mailed twice). */
        public boolean settled() {
            return this == SENT || this == REJECTED || this == NO_ADDRESS;
        }
    }
}
