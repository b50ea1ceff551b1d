package cn.bijie.innovation.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doubles_fromTheFirstDelay_upToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));

        assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(4)).isEqualTo(Duration.ofMillis(4000));
        assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofSeconds(5));
    }
}
