package cn.bijie.innovation.shared.subsidy;

import java.util.List;

/**
 * What the policy gives one recognition: a rule with its amount and explanation, or no subsidy and the reason.
 *
 * @param status     {@code AWAITING_NOTICE} with an amount (paid after its public notice), or {@code PENDING_AMOUNT} while the parameter the amount
 *                   needs is unset; null when not eligible
 * @param parameters the open parameters the result depends on (a change of one of them must be seen by the writer)
 */
public record SubsidyTerms(boolean eligible, String rule, Long amountYuan, SubsidyStatus status, String explanation,
        List<String> parameters) {

    public static SubsidyTerms none(String reason) {
        return new SubsidyTerms(false, null, null, null, reason, List.of());
    }
}
