package cn.bijie.innovation.shared.organization;

import java.util.Optional;

/** Where profiles live. */
public interface OrganizationStore {
    Optional<Organization> find(String uscc);

    /**
     * Writes {@code after} with its audit entry, only if the stored profile is still {@code before} (null: none yet);
     * otherwise a {@code Conflict}.
     */
    void save(Organization before, Organization after, String actor);
}
