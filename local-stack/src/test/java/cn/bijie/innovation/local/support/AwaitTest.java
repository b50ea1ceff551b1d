package cn.bijie.innovation.local.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void asksAgain_untilTheConditionHolds() throws Exception {
        AtomicInteger asked = new AtomicInteger();

        boolean held = Await.until(Duration.ofSeconds(5), Duration.ofMillis(1), () -> asked.incrementAndGet() == 3);

        assertThat(held).isTrue();
        assertThat(asked).hasValue(3);
    }

    @Test
    void givesUp_atTheDeadline() throws Exception {
        long started = System.nanoTime();

        boolean held = Await.until(Duration.ofMillis(100), Duration.ofMillis(10), () -> false);

        assertThat(held).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(100), Duration.ofSeconds(5));
    }
}
