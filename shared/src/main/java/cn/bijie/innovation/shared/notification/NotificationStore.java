package cn.bijie.innovation.shared.notification;

import cn.bijie.innovation.shared.paging.Slice;
import java.time.Instant;
import java.util.Map;

/** The notifications of each organisation, each written once per event before its mail is sent. */
public interface NotificationStore {

    /** What {@link #claim} found. */
    enum Claim { CLAIMED, SETTLED, BUSY }

    /**
     * Writes {@code notification} as {@link Notification.Status#SENDING} unless one for the same event exists:
     * {@code SETTLED} when it was sent (or will never be), {@code BUSY} when another delivery is sending it and its
     * lease (until {@code leaseUntil} of that delivery) has not run out; a {@code FAILED} or expired one is taken over.
     */
    Claim claim(Notification notification, Instant now, Instant leaseUntil);

    /** Records what became of the mail of a notification this delivery claimed. */
    void settle(String uscc, String notificationId, Notification.Status status, String detail, Instant at);

    /** One organisation's notifications, oldest first. */
    Slice<Notification> list(String uscc, int limit, Map<String, String> start);
}
