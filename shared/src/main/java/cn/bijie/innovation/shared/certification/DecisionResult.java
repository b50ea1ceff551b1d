package cn.bijie.innovation.shared.certification;

/** The answer to a decision: the application's new state and, when certified, the certification it recorded. */
public record DecisionResult(String applicationId, String status, String uscc, String kind, String level,
        boolean renewal, String platformName, String certificateNo, String issuedOn, String reason, String decidedAt,
        String certificationId, Certification certification) {}
