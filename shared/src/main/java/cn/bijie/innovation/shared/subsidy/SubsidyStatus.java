package cn.bijie.innovation.shared.subsidy;

/** API.md: a subsidy's states. */
public enum SubsidyStatus {
    /** The policy parameter its amount needs is not set yet. */
    PENDING_AMOUNT,
    AWAITING_PAYMENT,
    PAID,
    /** Its certification was revoked before payment. */
    CANCELLED;

    public boolean unpaid() {
        return this == PENDING_AMOUNT || this == AWAITING_PAYMENT;
    }
}
