package cn.bijie.innovation.shared.calculation;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import java.time.Instant;
import java.util.List;

/** Where the calculation creates a certification's subsidy: the one write that joins the two records. */
public interface SubsidyIssuer {
    /**
     * Creates the subsidy of a certification, only if none exists yet, only while the certification has the status
     * {@code seen} had and each of {@code parameters} still has the value {@code in} shows ({@code ReadOutdated}
     * otherwise).
     *
     * @return false when the subsidy existed already (a repeated delivery): nothing was written
     */
    boolean create(Subsidy subsidy, Certification seen, List<String> parameters, PolicyParameters in, String actor,
            Instant at);

}
