package cn.bijie.innovation.shared.certification;

/** The body of {@code POST /certifications}: a recognition from an official list, without an application. */
public record CertificationInput(String uscc, String kind, String level, Boolean renewal, String platformName,
        String certificateNo, String issuedOn, String expiresOn, String authority) {}
