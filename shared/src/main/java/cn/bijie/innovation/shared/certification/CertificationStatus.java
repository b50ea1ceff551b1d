package cn.bijie.innovation.shared.certification;

/** API.md: a certification's states. Only an {@code ACTIVE} one counts toward the targets. */
public enum CertificationStatus {
    ACTIVE, EXPIRED, REVOKED
}
