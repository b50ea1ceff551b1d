package cn.bijie.innovation.shared.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SortableIdTest {
    @Test
    void next_sortsAnIdMadeLaterAfterAnEarlierOne() {
        String earlier = SortableId.next(Clock.fixed(Instant.parse("2026-11-25T01:00:00.000Z"), ZoneOffset.UTC));
        String later = SortableId.next(Clock.fixed(Instant.parse("2026-11-25T01:00:00.001Z"), ZoneOffset.UTC));

        assertThat(later).isGreaterThan(earlier);
        assertThat(SortableId.isWellFormed(earlier)).isTrue();
    }

    @Test
    void isWellFormed_rejectsAnythingButALowerCaseUuid() {
        assertThat(SortableId.isWellFormed("APP#1")).isFalse();
        assertThat(SortableId.isWellFormed("0190F1E2-3A4B-7C5D-8E6F-0123456789AB")).isFalse();
        assertThat(SortableId.isWellFormed("x".repeat(5000))).isFalse();
    }
}
