package cn.bijie.innovation.shared.subsidy;

/** API.md: a subsidy's states. */
public enum SubsidyStatus {
    /** The policy parameter its amount (or the subsidy window) needs is not set yet. */
    PENDING_AMOUNT,
    AWAITING_PAYMENT,
    PAID,
    /** Its certification was revoked before payment. */
    CANCELLED,
    /** Its certification was revoked after payment: the money is to be recovered. */
    RECOVERY_DUE,
    /** Finance recorded the recovery of a {@code RECOVERY_DUE} subsidy. */
    RECOVERED,
    /**
     * The record says the policy pays nothing for it: its platform-level was paid already, a higher level was, or it
     * was issued before the subsidy window. The explanation says which; a recalculation may still make it payable.
     */
    NOT_PAYABLE;

    public boolean unpaid() {
        return this == PENDING_AMOUNT || this == AWAITING_PAYMENT;
    }

    /** Holds its platform-level: money promised, paid or still owed back. */
    public boolean holdsPlatformLevel() {
        return this == PENDING_AMOUNT || this == AWAITING_PAYMENT || this == PAID || this == RECOVERY_DUE;
    }

    /** A later calculation may change it: not paid, and not closed by a revocation. */
    public boolean reassessable() {
        return unpaid() || this == NOT_PAYABLE;
    }
}
