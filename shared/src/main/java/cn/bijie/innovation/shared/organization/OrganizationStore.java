package cn.bijie.innovation.shared.organization;

import cn.bijie.innovation.shared.paging.Slice;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where profiles, their tier history and the directory live. */
public interface OrganizationStore {
    Optional<Organization> find(String uscc);

    /**
     * Writes {@code after} with its audit entry, its directory entry and the statistics it moves, only if the stored
     * profile is still {@code before} (null: none yet); otherwise a {@code Conflict}.
     */
    void save(Organization before, Organization after, String actor);

    /** {@link #save}, and the step of the tier history that made the change. */
    void saveTier(Organization before, Organization after, TierChange change);

    /** The tier history, oldest first. */
    List<TierChange> tierHistory(String uscc);

    /** One page of the directory, by name key, after {@code start} (null: the first). */
    Slice<DirectoryEntry> directory(DirectoryFilter filter, int limit, Map<String, String> start);
}
