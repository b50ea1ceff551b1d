package cn.bijie.innovation.shared.certification;

import cn.bijie.innovation.shared.ids.DerivedId;
import cn.bijie.innovation.shared.platform.CertificateNumbers;

/**
 * A recognition (认定) of an organisation's platform: {@code subsidyEligible}/{@code subsidyNote} say whether the policy
 * gives it a subsidy and why (not). Its id is derived from {@code (uscc, kind, level, certificate number normalised,
 * issuedOn)}, so recording the same certificate twice lands on the same item; a second recording with another date is
 * refused by the certificate number's own item. {@code renewal} is what the record says (an earlier recognition of the
 * same enterprise), {@code renewalClaimed} what the caller said; {@code classification} is staff's override of the
 * derived classification, with {@code classificationReason}.
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
        String revocationReason,
        String platformId,
        Boolean renewalClaimed,
        String classification,
        String classificationReason) {

    public static String idOf(String uscc, String kind, String level, String certificateNo, String issuedOn) {
        return DerivedId.of("cert", uscc, kind, level, CertificateNumbers.normalized(certificateNo), issuedOn);
    }

    public Certification revoked(String at, String reason) {
        return new Certification(certificationId, uscc, kind, level, renewal, platformName, certificateNo, issuedOn,
                expiresOn, CertificationStatus.REVOKED, subsidyEligible, subsidyNote, authority, applicationId,
                recordedAt, at, reason, platformId, renewalClaimed, classification, classificationReason);
    }

    /** Whether the caller claimed otherwise than the record shows: staff see it. */
    public boolean renewalMismatch() {
        return renewalClaimed != null && renewalClaimed != renewal;
    }

    public Certification onPlatform(String newPlatformId) {
        return new Certification(certificationId, uscc, kind, level, renewal, platformName, certificateNo, issuedOn,
                expiresOn, status, subsidyEligible, subsidyNote, authority, applicationId, recordedAt, revokedAt,
                revocationReason, newPlatformId, renewalClaimed, classification, classificationReason);
    }

    public Certification classified(String newClassification, String reason) {
        return new Certification(certificationId, uscc, kind, level, renewal, platformName, certificateNo, issuedOn,
                expiresOn, status, subsidyEligible, subsidyNote, authority, applicationId, recordedAt, revokedAt,
                revocationReason, platformId, renewalClaimed, newClassification, reason);
    }
}
