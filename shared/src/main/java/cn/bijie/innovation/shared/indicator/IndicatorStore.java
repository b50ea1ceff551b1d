package cn.bijie.innovation.shared.indicator;

import java.util.List;
import java.util.Map;

/** The indicator items, and what a recount reads to rebuild them. */
public interface IndicatorStore {
    /** The stored counters of a period, by indicator id: one read of as many items as the period has indicators. */
    Map<String, Counter> counters(String period);

    /** The uscc, kind, level, id and status of every certification with {@code status} (a recount's input). */
    List<CertificationRef> certifications(String status);

    OrganizationHoldings organization(String uscc);

    /** Replaces a holding, only if it still holds what {@code before} shows. */
    void replaceHolding(Holding before, Holding after);

    /** Replaces a counter's numbers, only if it still shows {@code before}. */
    void replaceCounter(Counter before, Counter after);

    record CertificationRef(String certificationId, String uscc, String kind, String level, String platformId) {}
}
