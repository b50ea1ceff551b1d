package cn.bijie.innovation.shared.cultivation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a target will be met: the count today, plus what the reserve pool is expected to bring (the conversion rate
 * observed so far × the enterprises in the pool now, rounded down), minus the recognitions that expire before the
 * deadline (assumed lost). Every line carries its assumptions in words beside the numbers.
 */
public final class TargetForecast {
    private TargetForecast() {}

    /** One indicator's forecast. {@code observedRate}: converted ÷ entered, null when nobody has entered yet. */
    public record Line(String indicatorId, String name, int target, String deadline, long today, long poolSize,
            long poolEntered, long poolConverted, BigDecimal observedRate, long expectedFromPool, long expiriesDue,
            long expected, boolean onTrack, long shortfall, List<String> assumptions) {}

    /** What the public sees: the numbers, not the pool's workings. */
    public record Summary(String indicatorId, String name, int target, long today, long expected, boolean onTrack) {
        public static Summary of(Line line) {
            return new Summary(line.indicatorId(), line.name(), line.target(), line.today(), line.expected(),
                    line.onTrack());
        }
    }

    /**
     * @param fedByPool whether the pool's conversions count toward this indicator (the converting kind counts there)
     * @param inPool the enterprises in the pool now (entered, not converted)
     * @param poolEntered all entries so far, the base of the observed rate
     * @param poolConverted the entries that converted so far
     */
    public static Line line(String indicatorId, String name, int target, String deadline, long today,
            boolean fedByPool, long inPool, long poolEntered, long poolConverted, long expiriesDue) {
        long poolSize = fedByPool ? inPool : 0;
        BigDecimal rate = fedByPool && poolEntered > 0
                ? BigDecimal.valueOf(poolConverted).divide(BigDecimal.valueOf(poolEntered), 4, RoundingMode.HALF_UP)
                : null;
        long fromPool = rate == null ? 0 : BigDecimal.valueOf(poolSize).multiply(BigDecimal.valueOf(poolConverted))
                .divide(BigDecimal.valueOf(poolEntered), 0, RoundingMode.FLOOR).longValueExact();
        long expected = today + fromPool - expiriesDue;
        List<String> assumptions = new ArrayList<>();
        if (!fedByPool) {
            assumptions.add("该指标不由高企培育库转化，培育库预期计为0。");
        } else if (rate == null) {
            assumptions.add("培育库尚无入库记录，无法观测转化率，培育库预期计为0。");
        } else {
            assumptions.add("转化率按迄今入库" + poolEntered + "家、已认定为高新技术企业" + poolConverted + "家计算("
                    + rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%)；假定在库" + poolSize
                    + "家按同一比例在期限前获认定，预期" + fromPool + "家(向下取整)。");
        }
        assumptions.add("期限" + deadline + "前到期的" + expiriesDue + "个认定假定未重新认定而不再计数。");
        assumptions.add("不计尚未受理或审核中的申请。");
        return new Line(indicatorId, name, target, deadline, today, poolSize, poolEntered, poolConverted, rate,
                fromPool, expiriesDue, expected, expected >= target, Math.max(0, target - expected), assumptions);
    }
}
