package cn.bijie.innovation.shared.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DueIndexTest {

    @Test
    void attributes_putAPastDueDateOnToday_inBijie_soTheRunStillReadsIt() {
        // 2026-12-01T17:00Z is already 2 December in Bijie
        var attributes = DueIndex.attributes(LocalDate.of(2026, 9, 2), Instant.parse("2026-12-01T17:00:00Z"), "CERT#c1");

        assertThat(attributes.get(DueIndex.SK).s()).isEqualTo("2026-12-02#CERT#c1");
        assertThat(attributes.get(DueIndex.PK).s()).startsWith("DUE#2026-12-02#");
    }

    @Test
    void attributes_keepAFutureDueDate_onOneOfTheDatesShards() {
        var attributes = DueIndex.attributes(LocalDate.of(2027, 3, 1), Instant.parse("2026-12-01T01:00:00Z"), "APP#a1");

        assertThat(DueIndex.partitions(LocalDate.of(2027, 3, 1))).contains(attributes.get(DueIndex.PK).s());
        assertThat(DueIndex.dueOn(attributes.get(DueIndex.SK).s())).isEqualTo(LocalDate.of(2027, 3, 1));
    }
}
