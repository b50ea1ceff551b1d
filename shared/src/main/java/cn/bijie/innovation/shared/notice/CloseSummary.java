package cn.bijie.innovation.shared.notice;

import java.util.List;

/**
 * The daily close of notices on {@code date}: the notices closed, the subsidies now awaiting payment and held, and the
 * notices past their end that wait for staff to decide an objection.
 */
public record CloseSummary(String date, List<String> closed, int awaitingPayment, int held,
        List<String> waitingForDecisions) {}
