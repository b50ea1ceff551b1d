package cn.bijie.innovation.shared.organization;

import java.time.Instant;

/** Where a failing contact address is marked on the organisation's profile. */
public interface ContactMarks {
    /**
     * Marks the profile of {@code uscc} with {@code status} ({@link Organization#BOUNCED}/{@link Organization#COMPLAINED})
     * only while its contact address still is {@code address}; false when there is no such profile or the address
     * changed meanwhile (nothing written).
     */
    boolean markFailing(String uscc, String address, String status, String failure, Instant at);
}
