package cn.bijie.innovation.shared.indicator;

import java.util.Map;

/** An indicator's counter as stored: organisations counted in all, and by county code. */
public record Counter(String period, String indicatorId, long actual, Map<String, Long> byCounty) {
    public Counter {
        byCounty = Map.copyOf(byCounty);
    }

    public static Counter zero(String period, String indicatorId) {
        return new Counter(period, indicatorId, 0, Map.of());
    }

    public long inCounty(String county) {
        return byCounty.getOrDefault(county, 0L);
    }
}
