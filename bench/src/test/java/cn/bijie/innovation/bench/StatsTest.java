package cn.bijie.innovation.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void median_isTheMiddleValue_whateverTheOrder() {
        assertThat(Stats.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    }

    @Test
    void percentile_isTheNearestRank() {
        List<Double> hundred = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            hundred.add((double) i);
        }
        assertThat(Stats.percentile(hundred, 99)).isEqualTo(99.0);
        assertThat(Stats.percentile(hundred, 100)).isEqualTo(100.0);
        assertThat(Stats.percentile(hundred, 0)).isEqualTo(1.0);
    }

    @Test
    void percentile_ofNothing_isNaN_notAnError() {
        assertThat(Stats.median(List.of())).isNaN();
    }
}
