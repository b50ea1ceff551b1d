package cn.bijie.innovation.shared.certification;

/**
 * The parts of an application (item {@code APP#<id> / APP}, owned by the applications module) that a decision reads.
 */
public record DecidableApplication(String applicationId, String uscc, String kind, String level, boolean renewal,
        String platformName, String certificateNo, String issuedOn, String status, String submittedAt) {

    public static final String SUBMITTED = "SUBMITTED";
}
