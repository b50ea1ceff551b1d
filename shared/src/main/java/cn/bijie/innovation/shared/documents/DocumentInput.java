package cn.bijie.innovation.shared.documents;

/** The body of {@code POST /applications/{applicationId}/documents}: what the applicant is about to upload. */
public record DocumentInput(String fileName, String contentType, Long sizeBytes, String sha256, String category) {}
