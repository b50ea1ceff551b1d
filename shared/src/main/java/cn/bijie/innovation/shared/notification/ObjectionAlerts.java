package cn.bijie.innovation.shared.notification;

import cn.bijie.innovation.shared.mail.Mail;
import cn.bijie.innovation.shared.notice.NoticeStore;
import cn.bijie.innovation.shared.notice.Objection;

/**
 * Tells the bureau's staff that someone objected to a notice (公示, issue 14), at the staff mailbox the daily digest
 * uses: one mail per objection whatever the retries, by the applicants' technique ({@link NotifyApplicants}): the
 * notification is written under a condition first, in the staff's own partition ({@value #PARTITION}).
 */
public final class ObjectionAlerts {
    /** The notifications' partition of the bureau's staff (an organisation's is its USCC, which never reads so). */
    public static final String PARTITION = "STAFF";

    private final NoticeStore notices;
    private final NotifyApplicants delivery;
    private final NotificationMails mails;
    private final String staffMailbox;

    public ObjectionAlerts(NoticeStore notices, NotifyApplicants delivery, NotificationMails mails,
            String staffMailbox) {
        this.notices = notices;
        this.delivery = delivery;
        this.mails = mails;
        this.staffMailbox = staffMailbox;
    }

    /** The mail of a newly lodged objection; its id names the event for good (a redelivery is the same one). */
    public Notification.Status lodged(Objection objection) {
        Mail mail = mails.objection(staffMailbox, objection, notices.find(objection.noticeId()).orElse(null));
        NotificationEvent event = NotificationEvent.OBJECTION_LODGED;
        return delivery.deliver(new Notice(objection.lodgedAt() + "#" + event + "#" + objection.objectionId(),
                PARTITION, event, objection.lodgedAt(), objection), mail);
    }
}
