package cn.bijie.innovation.shared.imports;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Where list files are uploaded and read back (the bucket's {@code imports/} prefix). */
public interface ImportFiles {
    /** A {@code PUT} that the store accepts only with exactly this length and SHA-256 (signed into it). */
    Upload presignUpload(String objectKey, long sizeBytes, String sha256Base64, Duration ttl);

    /** The object's bytes; a {@code SheetRejected} beyond {@code maxBytes}, without reading them. */
    byte[] read(String objectKey, long maxBytes);

    record Upload(String url, Map<String, String> headers, Instant expiresAt) {}
}
