package cn.bijie.innovation.shared.cultivation;

/** Coaching given to an enterprise (个性化培训辅导); its id is derived from its content, so a retry lands on it. */
public record CoachingRecord(String coachingId, String uscc, String date, String kind, String notes,
        String recordedBy, String recordedAt) {}
