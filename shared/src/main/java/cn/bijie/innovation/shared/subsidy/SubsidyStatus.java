package cn.bijie.innovation.shared.subsidy;

/** API.md: a subsidy's states. */
public enum SubsidyStatus {
    /** The policy parameter its amount (or the subsidy window) needs is not set yet. */
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
    HELD,
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
        return this == PENDING_AMOUNT || this == AWAITING_NOTICE || this == ON_NOTICE || this == AWAITING_PAYMENT
                || this == HELD;
    }

    /** Its notice has not passed yet: paying it is refused. */
    public boolean beforeNoticePassed() {
        return this == AWAITING_NOTICE || this == ON_NOTICE;
    }

    /** Holds its platform-level: money promised, paid or still owed back. */
    public boolean holdsPlatformLevel() {
        return unpaid() || this == PAID || this == RECOVERY_DUE;
    }

    /** A later calculation may change it: not paid, and not closed by a revocation. */
    public boolean reassessable() {
        // one on notice stays as published until its notice closes: the notice lists it with that amount
        return (unpaid() && this != ON_NOTICE) || this == NOT_PAYABLE;
    }
}
