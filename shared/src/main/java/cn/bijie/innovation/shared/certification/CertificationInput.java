package cn.bijie.innovation.shared.certification;

/**
 * The body of {@code POST /certifications}: a recognition from an official list, without an application.
 * {@code renewal} is kept as the caller's claim (the record decides); {@code platformId} names an existing platform of
 * the organisation, absent: the platform of that kind family and name (new if there is none).
 */
public record CertificationInput(String uscc, String kind, String level, Boolean renewal, String platformName,
        String certificateNo, String issuedOn, String expiresOn, String authority, String platformId) {}
