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

    public Optional<Platform> platform(String platformId) {
        return platforms.stream().filter(p -> p.platformId().equals(platformId)).findFirst();
    }
}
