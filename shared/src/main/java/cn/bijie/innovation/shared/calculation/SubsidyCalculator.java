package cn.bijie.innovation.shared.calculation;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.certification.CertificationStore;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameterStore;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.retry.Retry;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyRules;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.subsidy.SubsidyStore;
import cn.bijie.innovation.shared.subsidy.SubsidyTerms;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Clock;
import java.time.Instant;

/**
 * The subsidy function's work, driven by the table's stream. A new certification yields at most one subsidy (its id
 * is derived from the certification's and the write requires that none exists), so repeated deliveries, retried
 * batches and concurrent deliveries all end with one. A parameter staff set moves the subsidies that waited for it.
 */
public final class SubsidyCalculator {
    public static final String ACTOR = "system:calculate-subsidy";

    public enum Outcome { CREATED, EXISTED, NOT_ELIGIBLE, NO_CERTIFICATION }

    private final CertificationStore certifications;
    private final SubsidyStore subsidies;
    private final SubsidyIssuer issuer;
    private final PolicyParameterStore parameters;
    private final SubsidyRules rules;
    private final Clock clock;

    public SubsidyCalculator(CertificationStore certifications, SubsidyStore subsidies, SubsidyIssuer issuer,
            PolicyParameterStore parameters, Policy policy, Clock clock) {
        this.certifications = certifications;
        this.subsidies = subsidies;
        this.issuer = issuer;
        this.parameters = parameters;
        this.rules = new SubsidyRules(policy);
        this.clock = clock;
    }

    /**
     * The subsidy of a certification that was recorded. It reads the certification as it is now, not as the stream
     * image showed it: a record delivered late must not resurrect what a revocation settled meanwhile.
     */
    public Outcome onCertificationRecorded(String certificationId) {
        return Retry.unitOfWork(() -> {
            Certification certification = certifications.find(certificationId).orElse(null);
            if (certification == null) {
                return Outcome.NO_CERTIFICATION;
            }
            Policy policy = rules.policy();
            PolicyParameters in = new PolicyParameters(policy, parameters.load(policy.version()));
            Subsidy prior = rules.isUpgrade(certification.kind(), certification.level(), certification.renewal())
                    ? subsidies.paidOrAwaiting(certification.uscc(), certification.kind(),
                            policy.upgrade().fromLevel()).orElse(null)
                    : null;
            SubsidyTerms terms = rules.terms(in, certification.kind(), certification.level(),
                    certification.renewal(), prior);
            if (!terms.eligible()) {
                return Outcome.NOT_ELIGIBLE;
            }
            Instant now = clock.instant();
            Subsidy subsidy = new Subsidy(Subsidy.idFor(certificationId), certificationId, certification.uscc(),
                    certification.kind(), certification.level(), certification.renewal(), terms.amountYuan(),
                    terms.status(), policy.version(), terms.rule(), terms.explanation(), now.toString(), null, null,
                    false, null);
            if (certification.status() == CertificationStatus.REVOKED) {
                // revoked before this delivery: the subsidy is kept as a cancelled record of what it would have been
                subsidy = rules.onRevocation(subsidy, Shanghai.dateOf(Instant.parse(certification.revokedAt())));
            }
            return issuer.create(subsidy, certification, terms.parameters(), in, ACTOR, now)
                    ? Outcome.CREATED : Outcome.EXISTED;
        });
    }

    /**
     * A parameter staff set: every subsidy whose amount waited for it gets the amount now in force. Each move is its
     * own conditional write, so a repeated delivery moves nothing twice.
     *
     * @return how many subsidies this call moved
     */
    public int onParameterChanged(String name) {
        Policy policy = rules.policy();
        PolicyParameters in = new PolicyParameters(policy, parameters.load(policy.version()));
        int moved = 0;
        for (Policy.Rule rule : policy.rules()) {
            if (!name.equals(rule.amountParameter()) || in.yuan(name) == null) {
                continue;
            }
            for (Subsidy waiting : subsidies.pending(policy.version(), rule.id())) {
                SubsidyTerms terms = rules.terms(in, waiting.kind(), waiting.level(), waiting.renewal(), null);
                if (terms.status() != SubsidyStatus.AWAITING_NOTICE) {
                    continue;
                }
                Subsidy after = waiting.withStatus(SubsidyStatus.AWAITING_NOTICE, terms.amountYuan(),
                        terms.explanation(), waiting.note());
                if (Retry.unitOfWork(() -> subsidies.assignAmount(waiting, after, ACTOR, clock.instant()))) {
                    moved++;
                }
            }
        }
        return moved;
    }
}
