package cn.bijie.innovation.shared.subsidy;

/** The body of {@code POST /subsidies/{id}/disbursement}. */
public record DisbursementInput(String paidOn, String voucherNo) {}
