package cn.bijie.innovation.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** API.md: dates are calendar dates in Asia/Shanghai, instants are UTC. */
public final class Shanghai {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Shanghai() {}

    public static LocalDate today(Clock clock) {
        return dateOf(clock.instant());
    }

    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }
}
