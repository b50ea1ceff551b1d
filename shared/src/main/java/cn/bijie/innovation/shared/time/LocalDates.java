package cn.bijie.innovation.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** API.md: dates are {@code YYYY-MM-DD} in Asia/Shanghai, the bureau's day. */
public final class LocalDates {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private LocalDates() {}

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
