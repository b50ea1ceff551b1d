package cn.bijie.innovation.shared.cultivation;

/** The body of {@code POST /organizations/{uscc}/coaching}. */
public record CoachingInput(String date, String kind, String notes) {}
