package cn.bijie.innovation.shared.cultivation;

import java.util.Map;

/**
 * One row of the cultivation statistics: {@code dimension} {@code ALL}, {@code COUNTY}, {@code INDUSTRY} or
 * {@code TIER} and its code; organisations, pool entries and conversions, conversions by year and recognitions by kind.
 */
public record StatisticsRow(String dimension, String code, long organizations, long poolEntered, long poolConverted,
        Map<String, Long> conversionsByYear, Map<String, Long> recognitionsByKind) {

    /** In the pool now: entered and not (yet) converted. */
    public long poolSize() {
        return poolEntered - poolConverted;
    }
}
