package cn.bijie.innovation.shared.cultivation;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.indicator.Counter;
import cn.bijie.innovation.shared.indicator.IndicatorStore;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The forecast of a period's targets from counters only: the indicator counters, the statistics row of all, and the
 * ACTIVE recognitions expiring before the deadline (a range of the by-status index) — never the organisations.
 */
public final class Forecasts {
    private final CultivationStore store;
    private final IndicatorStore indicators;
    private final Policy policy;
    private final CultivationCatalogue catalogue;
    private final Clock clock;

    public Forecasts(CultivationStore store, IndicatorStore indicators, Policy policy, CultivationCatalogue catalogue,
            Clock clock) {
        this.store = store;
        this.indicators = indicators;
        this.policy = policy;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Every indicator of {@code period} (the policy's latest when null). */
    public List<TargetForecast.Line> of(String period) {
        Policy.TargetPeriod target = period == null
                ? policy.targetPeriods().get(policy.targetPeriods().size() - 1)
                : policy.targetPeriod(period).orElseThrow(() -> ValidationFailed.field("period",
                        "没有这个目标期 (no such target period): " + period));
        Map<String, Counter> counters = indicators.counters(target.period());
        StatisticsRow all = store.statistics().stream().filter(r -> r.dimension().equals("ALL")).findFirst()
                .orElse(new StatisticsRow("ALL", "ALL", 0, 0, 0, Map.of(), Map.of()));
        LocalDate today = Shanghai.today(clock);
        LocalDate deadline = LocalDate.parse(target.deadline());
        List<TargetForecast.Line> lines = new ArrayList<>();
        for (Policy.Indicator indicator : target.indicators()) {
            long expiring = 0;
            if (!deadline.isBefore(today)) {
                for (Policy.Counts counts : indicator.counts()) {
                    expiring += store.expiring(counts.kind(), counts.levels(), today, deadline);
                }
            }
            boolean fedByPool = indicator.counts().stream().anyMatch(c -> c.kind().equals(catalogue.conversionKind()));
            Counter counter = counters.getOrDefault(indicator.id(), Counter.zero(target.period(), indicator.id()));
            lines.add(TargetForecast.line(indicator.id(), indicator.name(), indicator.target(), target.deadline(),
                    counter.actual(), fedByPool, all.poolSize(), all.poolEntered(), all.poolConverted(), expiring));
        }
        return lines;
    }

    /** What {@code GET /indicators} shows the public. */
    public List<TargetForecast.Summary> summary(String period) {
        return of(period).stream().map(TargetForecast.Summary::of).toList();
    }
}
