package cn.bijie.innovation.shared.aws;

import cn.bijie.innovation.shared.documents.DocumentStorage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.paginators.ListObjectsV2Iterable;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The document bucket. Only the documents function loads this class: S3 is an optional dependency of {@code shared}.
 * Signing a URL is local work (no call to S3); looking at what arrived is one {@code HeadObject} or one listing.
 */
public final class S3DocumentStorage implements DocumentStorage {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3DocumentStorage(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public Presigned presignUpload(String objectKey, String contentType, long sizeBytes, String sha256Base64,
            Duration ttl) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(objectKey).contentType(contentType)
                        .contentLength(sizeBytes).checksumSHA256(sha256Base64)));
        // The uploader must send exactly the signed headers; the host header is the URL's own.
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new Presigned(presigned.url().toString(), headers, presigned.expiration());
    }

    @Override
    public Presigned presignDownload(String objectKey, String fileName, String contentType, Duration ttl) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p.signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(objectKey).responseContentType(contentType)
                        .responseContentDisposition(contentDisposition(fileName))));
        return new Presigned(presigned.url().toString(), Map.of(), presigned.expiration());
    }

    @Override
    public Optional<StoredObject> stat(String objectKey) {
        try {
            HeadObjectResponse head = s3.headObject(h -> h.bucket(bucket).key(objectKey)
                    .checksumMode(ChecksumMode.ENABLED));
            return Optional.of(new StoredObject(head.contentLength(), head.checksumSHA256()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] head(String objectKey, int bytes) {
        return s3.getObjectAsBytes(g -> g.bucket(bucket).key(objectKey).range("bytes=0-" + (bytes - 1))).asByteArray();
    }

    @Override
    public Map<String, Long> sizes(String prefix) {
        Map<String, Long> sizes = new HashMap<>();
        ListObjectsV2Iterable pages = s3.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix));
        for (S3Object object : pages.contents()) {
            sizes.put(object.key(), object.size());
        }
        return sizes;
    }

    /**
     * RFC 6266 / 5987: an ASCII fallback for old clients and the real (e.g. Chinese) name as UTF-8, so the download
     * keeps the name the applicant gave it.
     */
    static String contentDisposition(String fileName) {
        StringBuilder fallback = new StringBuilder();
        fileName.codePoints().forEach(c -> fallback.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%'
                ? (char) c : '_'));
        // RFC 5987 attr-char has no '*', which URLEncoder leaves as it is
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
    }
}
