package cn.bijie.innovation.shared.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where the bytes live (S3). The function never streams them: the applicant uploads and staff download through
 * presigned URLs; this port only signs URLs and looks at what arrived.
 */
public interface DocumentStorage {
    /** A {@code PUT} that the store accepts only with exactly this length, type and SHA-256 (signed into it). */
    Presigned presignUpload(String objectKey, String contentType, long sizeBytes, String sha256Base64, Duration ttl);

    /** A {@code GET} whose response names the file {@code fileName} (Content-Disposition, UTF-8). */
    Presigned presignDownload(String objectKey, String fileName, String contentType, Duration ttl);

    /** The object's real size and, where the store reports one, its SHA-256 (base64); empty when nothing arrived. */
    Optional<StoredObject> stat(String objectKey);

    /** The object's first {@code bytes} bytes (fewer when it is shorter): what its content really is. */
    byte[] head(String objectKey, int bytes);

    /** The real size of every object under {@code prefix}, by key, in one listing. */
    Map<String, Long> sizes(String prefix);

    record Presigned(String url, Map<String, String> headers, Instant expiresAt) {}

    record StoredObject(long sizeBytes, String sha256Base64) {}
}
