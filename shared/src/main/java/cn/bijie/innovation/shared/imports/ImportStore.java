package cn.bijie.innovation.shared.imports;

import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.Slice;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where imports, their row outcomes and their checkpoints live; and what an import needs of the profiles. */
public interface ImportStore {
    PendingWrite create(ListImport listImport);

    Optional<ListImport> find(String importId);

    /** Newest first. */
    Slice<ListImport> list(int limit, Map<String, String> start);

    /** {@code AWAITING_UPLOAD → PROCESSING} (a later delivery finds it PROCESSING and resumes); false when finished. */
    boolean start(String importId, String at);

    /**
     * Stores the outcomes of the rows after {@code fromCheckpoint} up to {@code toCheckpoint} and adds their figures,
     * only if the checkpoint is still {@code fromCheckpoint}: false when another delivery got there first.
     */
    boolean advance(String importId, int fromCheckpoint, int toCheckpoint, List<RowOutcome> rows);

    void finish(String importId, ImportStatus status, String problem, String at);

    /** Every row outcome, in row order (the report). */
    List<RowOutcome> rows(String importId);

    /**
     * A reviewed row, now recorded: the outcome replaces the waiting one (only while it waits), and the figures move
     * with it; committed by the edge with its answer.
     */
    PendingWrite resolve(String importId, RowOutcome reviewed);

    /** The answer stored for {@code key} by an earlier request of its caller, or null (also for a null key). */
    Committed replay(String importId, IdempotencyKey key);

    /** Profiles by their normalised name ({@link Names}): the USCCs of each name, read once per import. */
    Map<String, List<String>> organizationsByName();

    /** The profile of {@code uscc}, with the import that created it (null: not created by an import). */
    Optional<ImportedOrganization> organization(String uscc);

    /** A new profile, marked as created by {@code importId}; false when one exists meanwhile. */
    boolean createOrganization(Organization organization, String importId, String actor);

    /** The outcome a mail marker records ({@code SUMMARY#<importId>}, {@code ENTITLEMENT#<subsidyId>}), if any. */
    Optional<String> mailed(String marker);

    void markMailed(String marker, String to, String outcome, String at);

    record ImportedOrganization(Organization profile, String createdByImport) {}
}
