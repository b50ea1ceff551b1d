package cn.bijie.innovation.shared.certification;

import cn.bijie.innovation.shared.ids.DerivedId;

/**
 * A recognition (认定) of an organisation: {@code subsidyEligible}/{@code subsidyNote} say whether the policy gives it a
 * subsidy and why (not). Its id is derived from {@code (uscc, kind, level, certificateNo, issuedOn)}, so recording the
 * same certificate twice lands on the same item.
 */
public record Certification(
        String certificationId,
        String uscc,
        String kind,
        String level,
        boolean renewal,
        String platformName,
        String certificateNo,
        String issuedOn,
        String expiresOn,
        CertificationStatus status,
        boolean subsidyEligible,
        String subsidyNote,
        String authority,
        String applicationId,
        String recordedAt,
        String revokedAt,
        String revocationReason) {

    public static String idOf(String uscc, String kind, String level, String certificateNo, String issuedOn) {
        return DerivedId.of("cert", uscc, kind, level, certificateNo, issuedOn);
    }

    public Certification revoked(String at, String reason) {
        return new Certification(certificationId, uscc, kind, level, renewal, platformName, certificateNo, issuedOn,
                expiresOn, CertificationStatus.REVOKED, subsidyEligible, subsidyNote, authority, applicationId,
                recordedAt, at, reason);
    }
}
