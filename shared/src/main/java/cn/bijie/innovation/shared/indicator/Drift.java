package cn.bijie.innovation.shared.indicator;

/** A stored number that differs from what the certifications say: {@code field} is {@code actual} or a county code. */
public record Drift(String period, String indicatorId, String field, long stored, long expected) {}
