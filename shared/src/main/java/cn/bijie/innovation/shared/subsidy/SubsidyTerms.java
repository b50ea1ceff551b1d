package cn.bijie.innovation.shared.subsidy;

import java.util.List;

/**
 * What the policy gives one recognition: a rule with its amount and explanation, or no subsidy and the reason.
 *
 * @param status              {@code AWAITING_NOTICE} with an amount (paid after its public notice), {@code PENDING_AMOUNT}
 *                            while a parameter the amount needs (or the window) is unset, {@code NOT_PAYABLE} when the
 *                            record or the window rules it out; null when the policy funds no such recognition
 * @param parameters          the open parameters the result depends on (a change of one of them must be seen by the
 *                            writer)
 * @param classification      NEW, RENEWAL, UPGRADE, REPEAT or LOWER (null when the policy funds nothing)
 * @param renewal             whether the rule applied is a renewal's
 * @param subtractedSubsidyId the subsidy a {@code DIFFERENCE} upgrade subtracted
 * @param platformLevel       the platform-level this subsidy holds while payable (null: none, a renewal)
 */
public record SubsidyTerms(boolean eligible, String rule, Long amountYuan, SubsidyStatus status, String explanation,
        List<String> parameters, String classification, boolean renewal, String subtractedSubsidyId,
        String platformLevel) {

    public SubsidyTerms(boolean eligible, String rule, Long amountYuan, SubsidyStatus status, String explanation,
            List<String> parameters) {
        this(eligible, rule, amountYuan, status, explanation, parameters, null, false, null, null);
    }

    public static SubsidyTerms none(String reason) {
        return new SubsidyTerms(false, null, null, null, reason, List.of());
    }

    /** Whether a subsidy record is kept: the policy funds the kind and level, paid or not. */
    public boolean recorded() {
        return status != null;
    }
}
