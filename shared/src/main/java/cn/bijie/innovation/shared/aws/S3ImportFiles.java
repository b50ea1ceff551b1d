package cn.bijie.innovation.shared.aws;

import cn.bijie.innovation.shared.imports.ImportFiles;
import cn.bijie.innovation.shared.sheet.SheetRejected;
import java.time.Duration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * List files under the bucket's {@code imports/} prefix: the upload is presigned as for documents (length and
 * SHA-256 signed in); the import function reads the object once, refusing one larger than the limit unread.
 */
public final class S3ImportFiles implements ImportFiles {
    private final S3Client s3;
    private final S3DocumentStorage signer;
    private final String bucket;

    public S3ImportFiles(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.signer = new S3DocumentStorage(s3, presigner, bucket);
        this.bucket = bucket;
    }

    @Override
    public Upload presignUpload(String objectKey, long sizeBytes, String sha256Base64, Duration ttl) {
        var presigned = signer.presignUpload(objectKey, "application/octet-stream", sizeBytes, sha256Base64, ttl);
        return new Upload(presigned.url(), presigned.headers(), presigned.expiresAt());
    }

    @Override
    public byte[] read(String objectKey, long maxBytes) {
        try (ResponseInputStream<GetObjectResponse> in = s3.getObject(g -> g.bucket(bucket).key(objectKey))) {
            Long length = in.response().contentLength();
            if (length != null && length > maxBytes) {
                in.abort();
                throw new SheetRejected("文件超过 " + maxBytes / (1024 * 1024) + " MiB (file too large)");
            }
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                throw new SheetRejected("文件超过 " + maxBytes / (1024 * 1024) + " MiB (file too large)");
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
