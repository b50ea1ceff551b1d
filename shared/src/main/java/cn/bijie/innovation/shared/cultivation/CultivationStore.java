package cn.bijie.innovation.shared.cultivation;

import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.Slice;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Where the reserve pool, coaching, readiness and the statistics live. */
public interface CultivationStore {
    /**
     * Adds {@code entry} with its audit entry and the statistics it moves, only while {@code organization} is as read,
     * is not in the pool already (unconverted) and has no entry for this intake; otherwise a {@code Conflict}.
     */
    PendingWrite addToPool(Organization organization, PoolEntry entry);

    /** Records coaching with its audit entry; a {@code Conflict} when this very record exists already. */
    PendingWrite addCoaching(CoachingRecord record);

    /** Replaces the checklist items found met, with an audit entry. */
    void saveReadiness(String uscc, List<String> met, String actor, String at);

    /** An organisation's pool entries, coaching and the items found met: one query of its partition. */
    Cultivated cultivated(String uscc);

    record Cultivated(List<PoolEntry> pool, List<CoachingRecord> coaching, List<String> met) {}

    /** One page of an intake's entries, newest first. */
    Slice<PoolEntry> pool(int intake, int limit, Map<String, String> start);

    /** Every statistics row: one query of a partition as large as the code lists. */
    List<StatisticsRow> statistics();

    /** ACTIVE certifications of {@code kind} at one of {@code levels} expiring in [{@code from}, {@code to}]. */
    long expiring(String kind, List<String> levels, LocalDate from, LocalDate to);

    /**
     * Counts a recognition once (a marker written under condition): the statistics by kind, the directory's ACTIVE
     * kinds, and — for the converting kind — the conversion of the organisation's open pool entry.
     */
    RecognitionOutcome recognised(Recognition recognition, String conversionKind);

    enum RecognitionOutcome { COUNTED, CONVERTED, ALREADY_COUNTED }

    /** Recomputes the directory's ACTIVE kinds of {@code uscc} after a certification stopped being ACTIVE. */
    void refreshActiveKinds(String uscc);

    /** Records the window with its audit entry; a {@code Conflict} when this very window was opened before. */
    PendingWrite openWindow(ApplicationWindow window);

    /** The pool's enterprises not converted yet, of the intakes {@code from}..{@code to}: one query per intake. */
    List<PoolEntry> openEntries(int fromIntake, int toIntake);

    /**
     * Marks the window's mail to {@code uscc} as due to be sent, once: false when it was marked before (a redelivery
     * of the window, a retry), and then nothing is sent again.
     */
    boolean markWindowMail(String windowId, String uscc, String to, String at);
}
