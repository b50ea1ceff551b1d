package cn.bijie.innovation.shared.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.policy.Policy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorReportTest {
    static final Policy POLICY = Policy.active();
    static final Policy.TargetPeriod PERIOD_2020 = POLICY.targetPeriod("2020").orElseThrow();
    static final Instant AS_OF = Instant.parse("2026-11-25T01:00:00Z");

    @Test
    void of_hasTheSameShape_withNoData_everyCountyAtZero() {
        IndicatorReport report = IndicatorReport.of(POLICY, PERIOD_2020, Map.of(), AS_OF);

        assertThat(report.period()).isEqualTo("2020");
        assertThat(report.asOf()).isEqualTo("2026-11-25T01:00:00Z");
        assertThat(report.indicators()).hasSize(8).allSatisfy(p -> {
            assertThat(p.actual()).isZero();
            assertThat(p.progressPercent()).isEqualByComparingTo("0.0");
            assertThat(p.byCounty()).hasSize(11).containsKeys("520502", "520581", "BLDJ", "JHH", "BJKFQ")
                    .allSatisfy((county, n) -> assertThat(n).isZero());
        });
        assertThat(report.indicators().get(0).name()).isEqualTo("高新技术企业");
        assertThat(report.indicators().get(0).target()).isEqualTo(50);
    }

    @Test
    void of_givesProgressWithOneDecimal_roundedHalfUp() {
        Counter academicians = new Counter("2020", "ACADEMICIAN_WORKSTATION", 2, Map.of("520502", 2L));

        IndicatorReport report = IndicatorReport.of(POLICY, PERIOD_2020,
                Map.of("ACADEMICIAN_WORKSTATION", academicians), AS_OF);

        IndicatorReport.Progress progress = report.indicators().stream()
                .filter(p -> p.id().equals("ACADEMICIAN_WORKSTATION")).findFirst().orElseThrow();
        assertThat(progress.progressPercent()).isEqualTo(new BigDecimal("66.7"));
        assertThat(progress.byCounty().get("520502")).isEqualTo(2);
        assertThat(IndicatorReport.percent(1, 3)).isEqualTo(new BigDecimal("33.3"));
        assertThat(IndicatorReport.percent(60, 50)).as("above target").isEqualTo(new BigDecimal("120.0"));
    }

    @Test
    void csv_startsWithAByteOrderMark_andHasAHeaderAndARowPerIndicator() {
        String csv = IndicatorReport.of(POLICY, PERIOD_2020, Map.of(), AS_OF).csv();

        assertThat(csv).startsWith("\uFEFFperiod,asOf,id,name,target,actual,progressPercent,520502,");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(9);
        assertThat(lines[1]).startsWith("2020,2026-11-25T01:00:00Z,HIGH_TECH_ENTERPRISE,\"高新技术企业\",50,0,0.0,0,");
        assertThat(lines[1].split(",")).hasSize(7 + 11);
    }
}
