package cn.bijie.innovation.local.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

public class ScheduleExpressionTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @Test
    void dailyAtNineShanghai_firesAtOneUtc() throws Exception {
        ScheduleExpression daily = ScheduleExpression.parse("cron(0 9 * * ? *)", SHANGHAI, START);

        assertThat(daily.nextAfter(Instant.parse("2026-03-01T00:30:00Z"))).isEqualTo("2026-03-01T01:00:00Z");
        assertThat(daily.nextAfter(Instant.parse("2026-03-01T01:00:00Z"))).isEqualTo("2026-03-02T01:00:00Z");
        assertThat(daily.nextAfter(Instant.parse("2026-12-31T23:59:30Z"))).isEqualTo("2027-01-01T01:00:00Z");
    }

    @Test
    void sameExpressionInUtc_firesAtNineUtc() throws Exception {
        ScheduleExpression daily = ScheduleExpression.parse("cron(0 9 * * ? *)", ZoneOffset.UTC, START);

        assertThat(daily.nextAfter(Instant.parse("2026-03-01T01:00:00Z"))).isEqualTo("2026-03-01T09:00:00Z");
    }

    @Test
    void listsRangesAndSteps_inMinuteAndHour() throws Exception {
        ScheduleExpression every15 = ScheduleExpression.parse("cron(0/15 8-9 * * ? *)", SHANGHAI, START);

        assertThat(every15.nextAfter(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo("2026-03-01T00:15:00Z");
        assertThat(every15.nextAfter(Instant.parse("2026-03-01T01:45:00Z"))).isEqualTo("2026-03-02T00:00:00Z");
        ScheduleExpression twice = ScheduleExpression.parse("cron(5,35 * * * ? *)", SHANGHAI, START);
        assertThat(twice.nextAfter(Instant.parse("2026-03-01T00:06:00Z"))).isEqualTo("2026-03-01T00:35:00Z");
    }

    @Test
    void rate_countsFromTheAnchor() throws Exception {
        ScheduleExpression rate = ScheduleExpression.parse("rate(5 minutes)", SHANGHAI, START);

        assertThat(rate.nextAfter(START)).isEqualTo("2026-03-01T00:05:00Z");
        assertThat(rate.nextAfter(Instant.parse("2026-03-01T00:07:00Z"))).isEqualTo("2026-03-01T00:10:00Z");
    }

    @Test
    void unsupportedExpressions_areRejectedWithAReason() {
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 9 1 * ? *)", SHANGHAI, START))
                .isInstanceOf(ScheduleExpression.Unsupported.class).hasMessageContaining("field 3");
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 9 ? * MON-FRI *)", SHANGHAI, START))
                .isInstanceOf(ScheduleExpression.Unsupported.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("cron(0 25 * * ? *)", SHANGHAI, START))
                .isInstanceOf(ScheduleExpression.Unsupported.class);
        assertThatThrownBy(() -> ScheduleExpression.parse("at(2026-01-01T00:00:00)", SHANGHAI, START))
                .isInstanceOf(ScheduleExpression.Unsupported.class);
    }
}
