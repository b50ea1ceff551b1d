package cn.bijie.innovation.shared.indicator;

import java.util.Set;

/**
 * Why one platform of an organisation counts toward one indicator of one period: the ids of its ACTIVE certifications
 * that count there, and the county it was counted in. It counts once while {@code certs} is not empty, whatever their
 * number: a high-tech enterprise's platform is the enterprise (家), every other one a platform (个). A holding of a
 * certification recorded before platforms existed has no {@code platformId} and stands for its organisation.
 */
public record Holding(String uscc, String period, String indicatorId, String county, Set<String> certs,
        String platformId) {
    public Holding {
        certs = Set.copyOf(certs);
    }
}
