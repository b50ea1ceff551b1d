package cn.bijie.innovation.shared.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScheduledTimeTest {
    static final Instant NOW = Instant.parse("2026-11-30T01:00:03Z");

    @Test
    void theSchedulersTime_andAReplayOfTheLastWeek_areTheRunsNow() {
        assertThat(ScheduledTime.of(Instant.parse("2026-11-30T01:00:00Z"), false, NOW))
                .isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
        assertThat(ScheduledTime.of(NOW.minus(Duration.ofDays(6)), false, NOW)).isEqualTo(NOW.minus(Duration.ofDays(6)));
        assertThat(ScheduledTime.of(null, false, NOW)).isEqualTo(NOW);
    }

    @Test
    void aRunDatedNextYearOrLongAgo_isRefused_unlessTheEventOverridesTheClock() {
        Instant nextYear = Instant.parse("2027-11-30T01:00:00Z");
        assertThatThrownBy(() -> ScheduledTime.of(nextYear, false, NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overrideClock");
        assertThatThrownBy(() -> ScheduledTime.of(NOW.plus(Duration.ofMinutes(16)), false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScheduledTime.of(NOW.minus(Duration.ofDays(8)), false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ScheduledTime.of(nextYear, true, NOW)).isEqualTo(nextYear);
    }
}
