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

    /**
     * Every recognition as its history needs it (background and dated reads: one paged Query of the all-records
     * index, never the current counts' path).
     */
    List<Recognition> history();

    /**
     * A recognition as the dated counts need it: {@code expiresOn} its last valid day (null: no expiry),
     * {@code revokedOn} the day it stopped counting (null: not revoked), {@code county} where it was counted.
     */
    record Recognition(String certificationId, String uscc, String kind, String level, String platformId,
            String county, String issuedOn, String expiresOn, String revokedOn) {

        /** Valid on {@code date}: issued on or before it, its last valid day not before it, not revoked by then. */
        public boolean activeOn(String date) {
            return issuedOn.compareTo(date) <= 0 && (expiresOn == null || expiresOn.compareTo(date) >= 0)
                    && (revokedOn == null || revokedOn.compareTo(date) > 0);
        }
    }

    record CertificationRef(String certificationId, String uscc, String kind, String level, String platformId) {}
}
