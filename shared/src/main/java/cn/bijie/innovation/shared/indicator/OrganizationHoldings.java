package cn.bijie.innovation.shared.indicator;

import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.platform.Platform;
import java.util.List;
import java.util.Optional;

/**
 * An organisation's profile (null when it has none), its holdings and its platforms, read together in one query: they
 * share the organisation's partition.
 */
public record OrganizationHoldings(Organization profile, List<Holding> holdings, List<Platform> platforms) {

    public OrganizationHoldings(Organization profile, List<Holding> holdings) {
        this(profile, holdings, List.of());
    }

    /** Merges chain at most this far (a platform merged into one merged on): more is a bug, not data. */
    static final int MAX_MERGE_HOPS = 8;

    public Optional<Platform> platform(String platformId) {
        return platforms.stream().filter(p -> p.platformId().equals(platformId)).findFirst();
    }

    /** The platform {@code platformId} or, merged, the one it was merged into (empty: none such). */
    public Optional<Platform> current(String platformId) {
        Optional<Platform> found = platform(platformId);
        for (int hops = 0; found.isPresent() && found.get().merged() && hops < MAX_MERGE_HOPS; hops++) {
            found = platform(found.get().mergedInto());
        }
        return found.filter(p -> !p.merged());
    }
}
