package cn.bijie.innovation.shared.reminder;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The reminder run's "now" is its event's {@code time}, so a day can be replayed. A time far from the real clock is
 * refused unless the event says {@code "overrideClock": true}: a manual run dated next year would expire
 * certificates early, and that cannot be undone. Scheduler's own time is at most minutes off; a failed day may be run
 * again within a week (docs/OPERATIONS.md).
 */
public final class ScheduledTime {
    static final Duration AHEAD = Duration.ofMinutes(15);
    static final Duration BEHIND = Duration.ofDays(7);

    private ScheduledTime() {}

    /**
     * A scheduled run's "now" from its event: EventBridge scheduled events and Scheduler's payload carry the scheduled
     * time in {@code time} (ISO-8601, UTC); without one the run is for the present; far from the clock only with
     * {@code "overrideClock": true}.
     */
    public static Instant ofEvent(JsonNode event, Instant clockNow) {
        JsonNode time = event == null ? null : event.get("time");
        Instant eventTime = time == null || time.isNull() ? null : OffsetDateTime.parse(time.asText()).toInstant();
        return of(eventTime, event != null && event.path("overrideClock").asBoolean(false), clockNow);
    }

    /** {@code eventTime}, or {@code clockNow} without one; refused (IllegalArgumentException) when too far off. */
    public static Instant of(Instant eventTime, boolean overrideClock, Instant clockNow) {
        if (eventTime == null) {
            return clockNow;
        }
        if (!overrideClock && (eventTime.isAfter(clockNow.plus(AHEAD)) || eventTime.isBefore(clockNow.minus(BEHIND)))) {
            throw new IllegalArgumentException("the event's time " + eventTime + " is more than " + AHEAD.toMinutes()
                    + " minutes ahead of or " + BEHIND.toDays() + " days behind the clock (" + clockNow
                    + "): refused; an intended replay says \"overrideClock\": true");
        }
        return eventTime;
    }
}
