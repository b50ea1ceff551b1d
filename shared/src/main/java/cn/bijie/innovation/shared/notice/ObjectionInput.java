package cn.bijie.innovation.shared.notice;

/** The body of {@code POST /public/notices/{id}/objections}. */
public record ObjectionInput(String subsidyId, String text) {}
