package cn.bijie.innovation.shared.notification;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Which change of which record an applicant is told about: one row per event. A row fires on the record before and
 * after one change (before is null for a new record); a new event is one added row, and its text one case of
 * {@link NotificationMails}.
 */
public final class ApplicantEvents {

    /** An event: on a record of {@code type}, when {@code fires(before, after)}; {@code id} names the record. */
    public record Row<T>(Class<T> type, NotificationEvent event, BiPredicate<T, T> fires, Function<T, String> uscc,
            Function<T, String> id) {

        Notice noticeOf(Object before, Object after, Instant at, String change) {
            if (!type.isInstance(after) || before != null && !type.isInstance(before)
                    || !fires.test(type.cast(before), type.cast(after))) {
                return null;
            }
            T record = type.cast(after);
            // zero-padded: within one second, the order of the changes (a record's changes share a stream shard)
            String order = "0".repeat(Math.max(0, 40 - change.length())) + change;
            return new Notice(at + "#" + order + "#" + event + "#" + id.apply(record), uscc.apply(record), event,
                    at.toString(), record);
        }
    }

    public static final List<Row<?>> ROWS = List.of(
            application(NotificationEvent.APPLICATION_RECEIVED, ApplicationStatus.SUBMITTED),
            application(NotificationEvent.APPLICATION_RETURNED, ApplicationStatus.RETURNED),
            application(NotificationEvent.APPLICATION_REJECTED, ApplicationStatus.REJECTED),
            // a recognition, whether decided on an application or recorded by staff directly
            new Row<>(Certification.class, NotificationEvent.CERTIFIED, (before, after) -> before == null,
                    Certification::uscc, Certification::certificationId),
            // the amount becomes known once: at creation, or when the parameter it waited for is set
            new Row<>(Subsidy.class, NotificationEvent.SUBSIDY_CALCULATED,
                    (before, after) -> after.amountYuan() != null && (before == null || before.amountYuan() == null),
                    Subsidy::uscc, Subsidy::subsidyId),
            subsidy(NotificationEvent.SUBSIDY_ON_NOTICE, SubsidyStatus.ON_NOTICE),
            subsidy(NotificationEvent.SUBSIDY_PAID, SubsidyStatus.PAID));

    private ApplicantEvents() {}

    /**
     * The events one change of a record is (usually none or one): {@code change} names the change for good (the
     * stream record's sequence number: a record delivered again is the same change, and two changes of one record in
     * the same second are not), {@code at} is when it was written; both order an organisation's notifications.
     */
    public static List<Notice> of(Object before, Object after, Instant at, String change) {
        return ROWS.stream().map(row -> row.noticeOf(before, after, at, change)).filter(Objects::nonNull).toList();
    }

    private static Row<Application> application(NotificationEvent event, ApplicationStatus entered) {
        return new Row<>(Application.class, event,
                (before, after) -> after.status() == entered && (before == null || before.status() != entered),
                Application::uscc, Application::applicationId);
    }

    private static Row<Subsidy> subsidy(NotificationEvent event, SubsidyStatus entered) {
        return new Row<>(Subsidy.class, event,
                (before, after) -> after.status() == entered && (before == null || before.status() != entered),
                Subsidy::uscc, Subsidy::subsidyId);
    }
}
