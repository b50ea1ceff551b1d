package cn.bijie.innovation.shared.imports;

/**
 * One upload of an official list: what staff declared (kind and level of the recognitions, the batch's name, issuing
 * authority, issue date and document number, the file), where it stands, the data row it has finished up to
 * ({@code checkpoint}: the next delivery resumes after it) and its figures so far.
 */
public record ListImport(String importId, String kind, String level, String batchName, String authority,
        String issuedOn, String documentNo, String fileName, long sizeBytes, String sha256, ImportStatus status,
        String createdBy, String createdByEmail, String createdAt, String startedAt, String finishedAt,
        int checkpoint, ImportCounts counts, String problem) {

    public static final String OBJECT_PREFIX = "imports/";

    /** Where the file is uploaded: the S3 event names the import by this key. */
    public String objectKey() {
        return OBJECT_PREFIX + importId;
    }

    /** The import an uploaded object's key names, or null for another key. */
    public static String idOfObject(String objectKey) {
        return objectKey != null && objectKey.startsWith(OBJECT_PREFIX) ? objectKey.substring(OBJECT_PREFIX.length())
                : null;
    }

    public Batch batch() {
        return new Batch(kind, level, issuedOn == null ? null : java.time.LocalDate.parse(issuedOn), documentNo,
                authority);
    }
}
