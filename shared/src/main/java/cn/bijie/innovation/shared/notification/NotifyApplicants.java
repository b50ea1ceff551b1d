package cn.bijie.innovation.shared.notification;

import cn.bijie.innovation.shared.log.Addresses;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.mail.SendResult;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.organization.OrganizationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Tells applicants what happened to their records, each event once whatever the retries: the notification is
 * written first, under a condition no second delivery of the same event passes (the reminders' marker technique),
 * and only the delivery that wrote it sends the mail. A mail service failure leaves it {@code FAILED}, and the next
 * delivery of the stream record tries again; a delivery that died while sending is taken over when its lease ends.
 */
public final class NotifyApplicants {
    /** How a notification ended (SENT, REFUSED, …), the log key the other stream readers use for theirs. */
    private static final String OUTCOME = "outcome";
    /** How long a claimed notification is another delivery's before it may be taken over. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int SEND_ATTEMPTS = 3;

    private final NotificationStore store;
    private final OrganizationStore organizations;
    private final Mailer mailer;
    private final NotificationMails mails;
    private final Clock clock;

    public NotifyApplicants(NotificationStore store, OrganizationStore organizations, Mailer mailer,
            NotificationMails mails, Clock clock) {
        this.store = store;
        this.organizations = organizations;
        this.mailer = mailer;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * The notifications one change of a record is (before null: a new record), each delivered; {@code change} names
     * the change for good, {@code at} is when it was written ({@link ApplicantEvents#of}).
     */
    public List<Notification.Status> onChange(Object before, Object after, Instant at, String change) {
        return ApplicantEvents.of(before, after, at, change).stream().map(this::deliver).toList();
    }

    /** Delivers one event; answers what became of it (a settled one is not touched again). */
    public Notification.Status deliver(Notice notice) {
        Organization org = organizations.find(notice.uscc()).orElse(null);
        return deliver(notice, mails.mail(notice, org));
    }

    /** Delivers one event as {@code mail}: written first under the condition, then sent by this delivery only. */
    public Notification.Status deliver(Notice notice, Mail mail) {
        Notification notification = new Notification(notice.key(), notice.uscc(), notice.event(), notice.at(),
                mail.subject(), mail.text(), Notification.Status.SENDING, null);
        Instant now = clock.instant();
        switch (store.claim(notification, now, now.plus(LEASE))) {
            case SETTLED -> {
                Log.info("notification delivered already", Map.of("notificationId", notice.key()));
                return null;
            }
            case BUSY -> throw new IllegalStateException("notification " + notice.key() + " is being sent by another "
                    + "delivery: the stream record is retried");
            case CLAIMED -> { }
        }
        if (mail.to() == null || mail.to().isBlank()) {
            return settle(notice, Notification.Status.NO_ADDRESS, "no contact address");
        }
        SendResult result = mailer.send(mail);
        for (int attempt = 1; result instanceof SendResult.Retryable && attempt < SEND_ATTEMPTS; attempt++) {
            result = mailer.send(mail);
        }
        if (result instanceof SendResult.Accepted accepted) {
            return settle(notice, Notification.Status.SENT, accepted.messageId());
        }
        if (result instanceof SendResult.Rejected rejected) {
            return settle(notice, Notification.Status.REJECTED, Addresses.redact(rejected.reason()));
        }
        settle(notice, Notification.Status.FAILED, Addresses.redact(String.valueOf(result)));
        throw new IllegalStateException("notification " + notice.key() + " not sent: the stream record is retried");
    }

    private Notification.Status settle(Notice notice, Notification.Status status, String detail) {
        store.settle(notice.uscc(), notice.key(), status, detail, clock.instant());
        Log.info("notification", Map.of("notificationId", notice.key(), "event", notice.event(), OUTCOME, status));
        return status;
    }
}
