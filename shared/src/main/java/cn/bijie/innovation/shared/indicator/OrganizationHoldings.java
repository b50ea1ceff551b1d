package cn.bijie.innovation.shared.indicator;

import cn.bijie.innovation.shared.organization.Organization;
import java.util.List;

/** An organisation's profile (null when it has none) and its holdings, read together in one query. */
public record OrganizationHoldings(Organization profile, List<Holding> holdings) {}
