package cn.bijie.innovation.shared.application;

/**
 * An application for the subsidy a recognition earns. Its fields are the API's and the item's attribute names.
 * {@code county} is copied from the organisation's profile when it is submitted (the staff filter);
 * {@code submittedAt} is when it last entered {@code SUBMITTED}. {@code reason} and {@code certificationId} are set by
 * the staff decision (record-certification), null until then. {@code platformId} is the platform the applicant named
 * (null: none; the decision then takes the one the kind family and platform name match, or a new one).
 */
public record Application(
        String applicationId,
        ApplicationStatus status,
        String submittedAt,
        String uscc,
        String kind,
        String level,
        boolean renewal,
        String platformName,
        String certificateNo,
        String issuedOn,
        String notes,
        String county,
        String updatedAt,
        String reason,
        String certificationId,
        String platformId) {

    public Application(String applicationId, ApplicationStatus status, String submittedAt, String uscc, String kind,
            String level, boolean renewal, String platformName, String certificateNo, String issuedOn, String notes,
            String county, String updatedAt, String reason, String certificationId) {
        this(applicationId, status, submittedAt, uscc, kind, level, renewal, platformName, certificateNo, issuedOn,
                notes, county, updatedAt, reason, certificationId, null);
    }

    /** The same application with a corrected body, submitted again at {@code at}. */
    public Application resubmitted(ApplicationInput input, String at) {
        return new Application(applicationId, ApplicationStatus.SUBMITTED, at, uscc, input.kind(), input.level(),
                input.renewal(), input.platformName().strip(), input.certificateNo().strip(), input.issuedOn(),
                ApplicationService.stripOrNull(input.notes()), county, at, reason, certificationId, input.platformId());
    }

    public Application withStatus(ApplicationStatus next, String at) {
        return new Application(applicationId, next, submittedAt, uscc, kind, level, renewal, platformName,
                certificateNo, issuedOn, notes, county, at, reason, certificationId, platformId);
    }
}
