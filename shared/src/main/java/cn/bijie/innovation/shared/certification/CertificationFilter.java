package cn.bijie.innovation.shared.certification;

/** The filters of {@code GET /certifications}; null means "any". */
public record CertificationFilter(String uscc, String kind, CertificationStatus status, String expiringBefore) {

    /** Identifies the list a page token continues. */
    public String fingerprint() {
        return "GET /certifications|" + uscc + "|" + kind + "|" + status + "|" + expiringBefore;
    }
}
