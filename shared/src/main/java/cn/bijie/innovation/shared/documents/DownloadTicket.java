package cn.bijie.innovation.shared.documents;

/** A presigned {@code GET} of an uploaded document, with what it is. */
public record DownloadTicket(String downloadUrl, String expiresAt, String documentId, String fileName,
        String contentType, long sizeBytes, String category) {}
