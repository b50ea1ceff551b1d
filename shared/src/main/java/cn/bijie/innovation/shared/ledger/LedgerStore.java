package cn.bijie.innovation.shared.ledger;

import java.time.LocalDate;
import java.util.List;

/** What the ledger and the forecast read: the counters, and only the records the forecast lists. */
public interface LedgerStore {
    /** Every ledger counter (one item, however many subsidies). */
    List<LedgerCount> totals();

    /** ACTIVE high-tech enterprise certifications expiring in {@code [from, to)} (one index range). */
    List<Expiring> expiring(String kind, LocalDate from, LocalDate to);

    /** The notices still running, with their subsidies' count and yuan (one index partition). */
    List<Running> runningNotices();

    record Expiring(String certificationId, String uscc, String expiresOn) {}

    record Running(String noticeId, String endsOn, int subsidies, long yuan) {}
}
