package cn.bijie.innovation.shared.subsidy;

/** The body of {@code POST /subsidies/{id}/recovery}: what finance got back, when, on which voucher. */
public record RecoveryInput(Long amountYuan, String recoveredOn, String voucherNo) {}
