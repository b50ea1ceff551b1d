package cn.bijie.innovation.shared.certification;

/**
 * The body of {@code POST /applications/{id}/decision}. For {@code CERTIFIED} the certificate's values default to the
 * application's, and {@code platformId} confirms which of the organisation's platforms it is (absent: the platform of
 * the application's kind family and platform name, new if there is none); {@code REJECTED} and {@code RETURNED} need a
 * reason.
 */
public record DecisionInput(String outcome, String reason, String certificateNo, String issuedOn, String expiresOn,
        String authority, String platformId) {}
