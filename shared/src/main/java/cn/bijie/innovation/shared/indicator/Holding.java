package cn.bijie.innovation.shared.indicator;

import java.util.Set;

/**
 * Why one organisation counts toward one indicator of one period: the ids of its ACTIVE certifications that count
 * there, and the county it was counted in. It counts once while {@code certs} is not empty, whatever their number.
 */
public record Holding(String uscc, String period, String indicatorId, String county, Set<String> certs) {
    public Holding {
        certs = Set.copyOf(certs);
    }
}
