package cn.bijie.innovation.shared.notice;

/** The body of {@code POST /notices/{id}/objections/{objectionId}/decision}: {@code UPHELD} or {@code DISMISSED}. */
public record ObjectionDecisionInput(String outcome, String reason) {}
