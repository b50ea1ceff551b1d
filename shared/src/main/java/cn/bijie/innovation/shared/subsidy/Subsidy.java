package cn.bijie.innovation.shared.subsidy;

import cn.bijie.innovation.shared.ids.DerivedId;

/**
 * The one-time subsidy a recognition earns. Its id is derived from the certification's, so that however often the
 * stream delivers a certification, it lands on one item. {@code note} says what happened to it since (cancelled,
 * certification revoked after payment); {@code certificationRevoked} flags a paid subsidy whose recognition is gone.
 */
public record Subsidy(
        String subsidyId,
        String certificationId,
        String uscc,
        String kind,
        String level,
        boolean renewal,
        Long amountYuan,
        SubsidyStatus status,
        String policyVersion,
        String rule,
        String explanation,
        String createdAt,
        String paidOn,
        String voucherNo,
        boolean certificationRevoked,
        String note) {

    /** The subsidy id of a certification: one recognition, one subsidy. */
    public static String idFor(String certificationId) {
        return DerivedId.of("sub", "subsidy", certificationId);
    }

    public Subsidy withStatus(SubsidyStatus newStatus, Long newAmount, String newExplanation, String newNote) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, renewal, newAmount, newStatus, policyVersion,
                rule, newExplanation, createdAt, paidOn, voucherNo, certificationRevoked, newNote);
    }

    public Subsidy paid(String on, String voucher) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, renewal, amountYuan, SubsidyStatus.PAID,
                policyVersion, rule, explanation, createdAt, on, voucher, certificationRevoked, note);
    }

    public Subsidy revokedAfterPayment(String newNote) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, renewal, amountYuan, status, policyVersion,
                rule, explanation, createdAt, paidOn, voucherNo, true, newNote);
    }
}
