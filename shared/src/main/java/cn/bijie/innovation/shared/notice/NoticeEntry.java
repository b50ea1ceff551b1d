package cn.bijie.innovation.shared.notice;

/**
 * One subsidy on a notice, as published: the organisation's name, the recognition, the amount and its clause (no
 * personal data). {@code outcome} is set when the notice closes: {@code AWAITING_PAYMENT}, or {@code HELD} with
 * {@code heldReason} (staff's reasons for upholding the objection).
 */
public record NoticeEntry(String subsidyId, String uscc, String organizationName, String kind, String level,
        String recognition, Long amountYuan, String rule, String clause, String outcome, String heldReason) {

    public NoticeEntry closed(String newOutcome, String reason) {
        return new NoticeEntry(subsidyId, uscc, organizationName, kind, level, recognition, amountYuan, rule, clause,
                newOutcome, reason);
    }
}
