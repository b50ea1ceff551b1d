package cn.bijie.innovation.shared.documents;

/**
 * A supporting document of an application, as declared before its upload. The bytes live in S3 under
 * {@link #objectKey()}, a key made of ids only, never of the file name the applicant sent.
 */
public record Document(String documentId, String applicationId, String uscc, String fileName, String contentType,
        long sizeBytes, String sha256, String category, String createdAt) {

    public String objectKey() {
        return objectKey(applicationId, documentId);
    }

    public static String objectKey(String applicationId, String documentId) {
        return prefix(applicationId) + documentId;
    }

    /** Every object of one application starts with this. */
    public static String prefix(String applicationId) {
        return "applications/" + applicationId + "/";
    }
}
