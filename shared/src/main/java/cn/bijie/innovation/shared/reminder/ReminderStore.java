package cn.bijie.innovation.shared.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/** What the reminder run reads and writes. Every write checks that the item is still as it was read. */
public interface ReminderStore {

    /** The date of the last run, if any. */
    Optional<LocalDate> lastRunDate();

    void recordRun(LocalDate date, RunSummary summary);

    /** Every item due on {@code date}, page by page (never the whole table). */
    void forEachDue(LocalDate date, Consumer<Due> action);

    Optional<Marker> reminder(String certificationId, int thresholdDays);

    /** Records a reminder that SES took ({@code detail}: its message id) or refused ({@code detail}: why). */
    void markReminder(String certificationId, int thresholdDays, Marker marker, String detail, Instant at);

    /** A newer {@code ACTIVE} certification of the same organisation and kind exists. */
    boolean renewed(Due.Certification certification);

    /** Moves the item to another due date, or out of the index ({@code next} null); false if it changed meanwhile. */
    boolean reschedule(Due item, LocalDate next);

    /** {@code ACTIVE → EXPIRED}, out of the index, with the indicator counters, at once; false if it changed meanwhile. */
    boolean expire(Due.Certification certification, Instant at);

    Optional<Marker> digest(Mailbox mailbox, LocalDate date);

    void markDigest(Mailbox mailbox, LocalDate date, Marker marker, String detail, int items, Instant at);
}
