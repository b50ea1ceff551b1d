package cn.bijie.innovation.shared.certification;

/** The body of {@code POST /certifications/{id}/revocation}. */
public record RevocationInput(String reason) {}
