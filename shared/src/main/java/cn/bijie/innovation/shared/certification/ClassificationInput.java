package cn.bijie.innovation.shared.certification;

/**
 * The body of {@code POST /certifications/{id}/classification}: staff override the classification the record derived
 * ({@code NEW}, {@code RENEWAL} or {@code NONE}), with a written reason.
 */
public record ClassificationInput(String classification, String reason) {}
