package cn.bijie.innovation.shared.subsidy;

/** API.md: a subsidy's states. */
public enum SubsidyStatus {
    /** The policy parameter its amount needs is not set yet. */
    PENDING_AMOUNT,
    /** The amount is known; it is paid only after a public notice (公示) has passed. */
    AWAITING_NOTICE,
    /** Listed on a public notice that is running. */
    ON_NOTICE,
    AWAITING_PAYMENT,
    PAID,
    /** Its certification was revoked before payment. */
    CANCELLED,
    /** An objection to it was upheld during its notice: held with staff's reasons, not paid. */
    HELD;

    public boolean unpaid() {
        return this == PENDING_AMOUNT || this == AWAITING_NOTICE || this == ON_NOTICE || this == AWAITING_PAYMENT
                || this == HELD;
    }

    /** Its notice has not passed yet: paying it is refused. */
    public boolean beforeNoticePassed() {
        return this == AWAITING_NOTICE || this == ON_NOTICE;
    }
}
