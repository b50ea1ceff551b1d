package cn.bijie.innovation.local.stream;

import java.time.Duration;

/**
 * How long to wait before the next attempt after {@code n} failed ones: the first delay doubled each time, never more
 * than the cap. The stream pollers' retries (a failed stream read, a failed batch) wait by it.
 */
public record Backoff(Duration first, Duration cap) {

    /** The pause after {@code failures} failed attempts in a row (0 gives the first delay). */
    public Duration delay(int failures) {
        int doublings = Math.min(Math.max(failures, 0), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > cap.toMillis() ? cap : Duration.ofMillis(millis);
    }
}
