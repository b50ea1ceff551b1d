package cn.bijie.innovation.shared.indicator;

import cn.bijie.innovation.shared.policy.Policy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /indicators}: the progress of one target period, every county present (0 where none), the same shape with
 * no data at all; {@code deadline} the period's (were the targets met by then: ask {@code asOf} that day).
 * {@link #csv()} is the same as a spreadsheet opens it.
 */
public record IndicatorReport(String period, String asOf, List<Progress> indicators, String deadline) {

    public record Progress(String id, String name, int target, long actual, BigDecimal progressPercent,
            Map<String, Long> byCounty, String unit) {}

    public static IndicatorReport of(Policy policy, Policy.TargetPeriod period, Map<String, Counter> counters,
            Instant asOf) {
        return of(policy, period, counters, asOf.toString());
    }

    public static IndicatorReport of(Policy policy, Policy.TargetPeriod period, Map<String, Counter> counters,
            String asOf) {
        List<Progress> progress = new ArrayList<>();
        for (Policy.Indicator indicator : period.indicators()) {
            Counter counter = counters.getOrDefault(indicator.id(), Counter.zero(period.period(), indicator.id()));
            Map<String, Long> byCounty = new LinkedHashMap<>();
            policy.counties().forEach(county -> byCounty.put(county.code(), counter.inCounty(county.code())));
            progress.add(new Progress(indicator.id(), indicator.name(), indicator.target(), counter.actual(),
                    percent(counter.actual(), indicator.target()), byCounty, indicator.unit()));
        }
        return new IndicatorReport(period.period(), asOf, progress, period.deadline());
    }

    /** One decimal, half up: 1 of 3 is 33.3, 2 of 3 is 66.7. */
    static BigDecimal percent(long actual, int target) {
        if (target <= 0) {
            return BigDecimal.ZERO.setScale(1);
        }
        return BigDecimal.valueOf(actual * 100L).divide(BigDecimal.valueOf(target), 1, RoundingMode.HALF_UP);
    }

    /**
     * The report as CSV: a header row, one row per indicator, one column per county; UTF-8 with a byte-order mark so
     * that a spreadsheet reads the Chinese names right.
     */
    public String csv() {
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> counties = indicators.isEmpty() ? List.of() : List.copyOf(indicators.get(0).byCounty().keySet());
        List<String> header = new ArrayList<>(List.of("period", "asOf", "id", "name", "target", "actual",
                "progressPercent"));
        header.addAll(counties);
        csv.append(String.join(",", header)).append("\r\n");
        for (Progress p : indicators) {
            List<String> row = new ArrayList<>(List.of(period, asOf, p.id(), quoted(p.name()),
                    Integer.toString(p.target()), Long.toString(p.actual()), p.progressPercent().toPlainString()));
            counties.forEach(county -> row.add(Long.toString(p.byCounty().get(county))));
            csv.append(String.join(",", row)).append("\r\n");
        }
        return csv.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
