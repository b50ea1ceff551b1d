package cn.bijie.innovation.shared.ledger;

import java.util.List;

/**
 * {@code GET /ledger}: the subsidies' counts and yuan by status, and by status within each year (of the subsidy's
 * creation), county (the organisation's when the subsidy was created), kind and rule; the liabilities (awaiting
 * payment; before payment: pending an amount with the reason, awaiting or on notice, held); paid per year (of
 * payment).
 */
public record Ledger(String asOf, List<Line> byStatus, List<Line> byYear, List<Line> byCounty, List<Line> byKind,
        List<Line> byRule, Liabilities liabilities, List<Line> paidPerYear) {

    /** One counter: {@code value}/{@code name} of the dimension (null for by-status), a status, count and yuan. */
    public record Line(String value, String name, String status, long count, long yuan) {}

    public record Liabilities(Sum awaitingPayment, Sum awaitingNotice, Sum onNotice, Sum held,
            List<Pending> pendingAmount) {}

    public record Sum(long count, long yuan) {}

    /** Subsidies of one rule waiting for the policy parameter their amount needs. */
    public record Pending(String rule, long count, String parameter, String reason) {}
}
