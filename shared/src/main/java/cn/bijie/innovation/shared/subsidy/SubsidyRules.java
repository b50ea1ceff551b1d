package cn.bijie.innovation.shared.subsidy;

import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subsidy rules as pure code over the policy data: kind × level × renewal × upgrade switch → amount, or the reason
 * there is none. Every amount comes from the policy file or from a parameter staff set; every result names its rule
 * and explains itself in the words of the clause.
 */
public final class SubsidyRules {
    private final Policy policy;

    public SubsidyRules(Policy policy) {
        this.policy = policy;
    }

    public Policy policy() {
        return policy;
    }

    /**
     * What a recognition earns.
     *
     * @param provincialPrior the organisation's paid or awaiting provincial subsidy of the same kind when this is a
     *                        national recognition of an upgradable platform kind; null otherwise
     */
    public SubsidyTerms terms(PolicyParameters parameters, String kind, String level, boolean renewal,
            Subsidy provincialPrior) {
        Optional<Policy.Rule> found = policy.rule(kind, level, renewal);
        if (found.isEmpty()) {
            return SubsidyTerms.none(noSubsidyReason(kind, level, renewal));
        }
        Policy.Rule rule = found.get();
        if (rule.amountParameter() != null) {
            Long amount = parameters.yuan(rule.amountParameter());
            Map<String, Object> fill = Map.of("parameter", rule.amountParameter(), "amountYuan", String.valueOf(amount));
            return amount == null
                    ? new SubsidyTerms(true, rule.id(), null, SubsidyStatus.PENDING_AMOUNT,
                            rule.explanation() + Policy.fill(policy.notes().pendingAmount(), fill),
                            List.of(rule.amountParameter()))
                    : new SubsidyTerms(true, rule.id(), amount, SubsidyStatus.AWAITING_NOTICE,
                            rule.explanation() + Policy.fill(policy.notes().parameterAmount(), fill),
                            List.of(rule.amountParameter()));
        }
        if (provincialPrior != null && isUpgrade(kind, level, renewal)) {
            return upgrade(parameters, rule, provincialPrior);
        }
        return new SubsidyTerms(true, rule.id(), rule.amountYuan(), SubsidyStatus.AWAITING_NOTICE,
                rule.explanation(), List.of());
    }

    /** Whether a certification earns a subsidy at all, and why (or why not): what the certification itself shows. */
    public SubsidyTerms eligibility(String kind, String level, boolean renewal) {
        return policy.rule(kind, level, renewal)
                .map(rule -> new SubsidyTerms(true, rule.id(), rule.amountYuan(), null, rule.explanation(),
                        rule.amountParameter() == null ? List.<String>of() : List.of(rule.amountParameter())))
                .orElseGet(() -> SubsidyTerms.none(noSubsidyReason(kind, level, renewal)));
    }

    /**
     * A national recognition of a platform kind that may earlier have had the provincial amount: the writer then looks
     * for that prior subsidy.
     */
    public boolean isUpgrade(String kind, String level, boolean renewal) {
        Policy.Upgrade upgrade = policy.upgrade();
        return !renewal && upgrade.kinds().contains(kind) && upgrade.toLevel().equals(level);
    }

    private SubsidyTerms upgrade(PolicyParameters parameters, Policy.Rule rule, Subsidy prior) {
        Policy.Upgrade upgrade = policy.upgrade();
        String modeName = parameters.choice(upgrade.modeParameter());
        Policy.UpgradeMode mode = upgrade.mode(modeName).orElseThrow(() -> new IllegalStateException(
                "no upgrade mode " + modeName + " in policy " + policy.version()));
        long provincial = prior.amountYuan() == null ? 0 : prior.amountYuan();
        // the text names no other mode: FULL pays the national amount, DIFFERENCE what the provincial one left
        long amount = "DIFFERENCE".equals(mode.mode()) ? Math.max(0, rule.amountYuan() - provincial) : rule.amountYuan();
        String explanation = Policy.fill(mode.explanation(),
                Map.of("provincialYuan", provincial, "amountYuan", amount));
        return new SubsidyTerms(true, mode.rule(), amount, SubsidyStatus.AWAITING_NOTICE, explanation,
                List.of(upgrade.modeParameter()));
    }

    /**
     * A subsidy whose certification was revoked on {@code revokedOn}: unpaid, it is cancelled; paid, it stays paid and
     * is flagged for the bureau to look at; cancelled, it stays as it is.
     */
    public Subsidy onRevocation(Subsidy subsidy, LocalDate revokedOn) {
        Map<String, Object> fill = Map.of("date", revokedOn.toString());
        if (subsidy.status().unpaid()) {
            return subsidy.withStatus(SubsidyStatus.CANCELLED, subsidy.amountYuan(), subsidy.explanation(),
                    Policy.fill(policy.notes().cancelled(), fill));
        }
        if (subsidy.status() == SubsidyStatus.PAID) {
            return subsidy.revokedAfterPayment(Policy.fill(policy.notes().revokedAfterPayment(), fill));
        }
        return subsidy;
    }

    private String noSubsidyReason(String kind, String level, boolean renewal) {
        String kindName = policy.kind(kind).map(Policy.Kind::name).orElse(kind);
        String levelName = policy.levelName(level).orElse(level);
        return levelName + kindName + (renewal ? "(重新认定)" : "") + "：" + policy.noSubsidyNote();
    }
}
