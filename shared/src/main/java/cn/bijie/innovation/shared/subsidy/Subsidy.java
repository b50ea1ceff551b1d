package cn.bijie.innovation.shared.subsidy;

import cn.bijie.innovation.shared.ids.DerivedId;

/**
 * The one-time subsidy a recognition earns. Its id is derived from the certification's, so that however often the
 * stream delivers a certification, it lands on one item. {@code note} says what happened to it since (cancelled,
 * recalculated, certification revoked after payment); {@code certificationRevoked} flags a paid subsidy whose
 * recognition is gone (it is then {@code RECOVERY_DUE} until finance records the recovery).
 *
 * <p>{@code classification} is what the record made of the recognition ({@code NEW}, {@code RENEWAL},
 * {@code UPGRADE}, {@code REPEAT}: this platform-level was paid, {@code LOWER}: a higher level was paid);
 * {@code subtractedSubsidyId} the provincial subsidy a {@code DIFFERENCE} upgrade subtracted; {@code platformLevel} the
 * platform-level ({@code <platformId>#<level>}) it holds while payable, so that no other subsidy pays it again.
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
        String note,
        String platformId,
        String classification,
        String subtractedSubsidyId,
        String platformLevel,
        Long recoveredYuan,
        String recoveredOn,
        String recoveryVoucherNo) {

    /** The subsidy id of a certification: one recognition, one subsidy. */
    public static String idFor(String certificationId) {
        return DerivedId.of("sub", "subsidy", certificationId);
    }

    public Subsidy withStatus(SubsidyStatus newStatus, Long newAmount, String newExplanation, String newNote) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, renewal, newAmount, newStatus, policyVersion,
                rule, newExplanation, createdAt, paidOn, voucherNo, certificationRevoked, newNote, platformId,
                classification, subtractedSubsidyId, platformLevel, recoveredYuan, recoveredOn, recoveryVoucherNo);
    }

    /** The terms of a new calculation (recalculated: another rule, classification or subtracted subsidy). */
    public Subsidy reassessed(SubsidyTerms terms, String newNote) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, terms.renewal(), terms.amountYuan(),
                terms.status(), policyVersion, terms.rule(), terms.explanation(), createdAt, paidOn, voucherNo,
                certificationRevoked, newNote, platformId, terms.classification(), terms.subtractedSubsidyId(),
                terms.platformLevel(), recoveredYuan, recoveredOn, recoveryVoucherNo);
    }

    public Subsidy paid(String on, String voucher) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, renewal, amountYuan, SubsidyStatus.PAID,
                policyVersion, rule, explanation, createdAt, on, voucher, certificationRevoked, note, platformId,
                classification, subtractedSubsidyId, platformLevel, recoveredYuan, recoveredOn, recoveryVoucherNo);
    }

    public Subsidy revokedAfterPayment(String newNote) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, renewal, amountYuan,
                SubsidyStatus.RECOVERY_DUE, policyVersion, rule, explanation, createdAt, paidOn, voucherNo, true,
                newNote, platformId, classification, subtractedSubsidyId, platformLevel, recoveredYuan, recoveredOn,
                recoveryVoucherNo);
    }

    /** Moved with its recognition to the platform another was merged into ({@code null} level: it holds none). */
    public Subsidy onPlatform(String newPlatformId, String newPlatformLevel) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, renewal, amountYuan, status, policyVersion,
                rule, explanation, createdAt, paidOn, voucherNo, certificationRevoked, note, newPlatformId,
                classification, subtractedSubsidyId, newPlatformLevel, recoveredYuan, recoveredOn, recoveryVoucherNo);
    }

    /**
     * A merge found its platform-level held by another subsidy: it lets go of it; unpaid it pays nothing more
     * ({@code NOT_PAYABLE}, {@code REPEAT}), paid the money is owed back ({@code RECOVERY_DUE}).
     */
    public Subsidy outranked(SubsidyStatus newStatus, Long newAmount, String newRule, String newExplanation,
            String newNote) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, renewal, newAmount, newStatus,
                policyVersion, newRule, newExplanation, createdAt, paidOn, voucherNo, certificationRevoked, newNote,
                platformId, "REPEAT", null, null, recoveredYuan, recoveredOn, recoveryVoucherNo);
    }

    public Subsidy recovered(long yuan, String on, String voucher, String newNote) {
        return new Subsidy(subsidyId, certificationId, uscc, kind, level, renewal, amountYuan,
                SubsidyStatus.RECOVERED, policyVersion, rule, explanation, createdAt, paidOn, voucherNo,
                certificationRevoked, newNote, platformId, classification, subtractedSubsidyId, platformLevel, yuan, on,
                voucher);
    }
}
