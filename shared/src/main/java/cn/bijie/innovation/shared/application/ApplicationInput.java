package cn.bijie.innovation.shared.application;

/**
 * The body of {@code POST /applications} and of {@code PUT /applications/{applicationId}}. {@code platformId} names an
 * existing platform of the applicant's organisation and of the kind's family; absent: the platform the kind family and
 * {@code platformName} match, or a new one.
 */
public record ApplicationInput(String uscc, String kind, String level, Boolean renewal, String platformName,
        String certificateNo, String issuedOn, String notes, String platformId) {

    public ApplicationInput(String uscc, String kind, String level, Boolean renewal, String platformName,
            String certificateNo, String issuedOn, String notes) {
        this(uscc, kind, level, renewal, platformName, certificateNo, issuedOn, notes, null);
    }
}
