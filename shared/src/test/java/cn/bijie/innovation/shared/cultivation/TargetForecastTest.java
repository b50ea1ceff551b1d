package cn.bijie.innovation.shared.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The forecast against examples computed by hand. */
class TargetForecastTest {

    /**
     * 50 high-tech enterprises by the deadline; 45 today; 20 in the pool; of the 20 entries so far 5 converted (25 %);
     * 3 recognitions expire before the deadline. By hand: 20 × 25 % = 5 expected from the pool; 45 + 5 − 3 = 47 < 50,
     * so not on track, 3 short.
     */
    @Test
    void poolOf20_observed25Percent_3Expiries() {
        var line = TargetForecast.line("HIGH_TECH_ENTERPRISE", "高新技术企业", 50, "2027-12-31", 45, true, 20, 20, 5, 3);

        assertThat(line.observedRate()).isEqualByComparingTo(new BigDecimal("0.25"));
        assertThat(line.expectedFromPool()).isEqualTo(5);
        assertThat(line.expected()).isEqualTo(47);
        assertThat(line.onTrack()).isFalse();
        assertThat(line.shortfall()).isEqualTo(3);
        assertThat(line.assumptions()).anySatisfy(a -> assertThat(a).contains("25%").contains("在库20家").contains("预期5家"))
                .anySatisfy(a -> assertThat(a).contains("3个认定"));
    }

    @Test
    void theSameExample_reachesTheTarget_from48Today() {
        var line = TargetForecast.line("HIGH_TECH_ENTERPRISE", "高新技术企业", 50, "2027-12-31", 48, true, 20, 20, 5, 3);

        assertThat(line.expected()).isEqualTo(50);
        assertThat(line.onTrack()).isTrue();
        assertThat(line.shortfall()).isZero();
    }

    @Test
    void theExpectationIsRoundedDown_neverUp() {
        // 7 in the pool at 1/3: 2.33… → 2
        var line = TargetForecast.line("HIGH_TECH_ENTERPRISE", "高新技术企业", 50, "2027-12-31", 0, true, 7, 3, 1, 0);

        assertThat(line.expectedFromPool()).isEqualTo(2);
    }

    @Test
    void anIndicatorThePoolDoesNotFeed_expectsNothingFromIt_andAnEmptyPoolHasNoRate() {
        var other = TargetForecast.line("ACADEMICIAN_WORKSTATION", "院士工作站", 3, "2027-12-31", 2, false, 20, 20, 5, 0);
        var empty = TargetForecast.line("HIGH_TECH_ENTERPRISE", "高新技术企业", 50, "2027-12-31", 2, true, 0, 0, 0, 0);

        assertThat(other.expectedFromPool()).isZero();
        assertThat(other.poolSize()).isZero();
        assertThat(other.expected()).isEqualTo(2);
        assertThat(empty.observedRate()).isNull();
        assertThat(empty.expectedFromPool()).isZero();
    }
}
