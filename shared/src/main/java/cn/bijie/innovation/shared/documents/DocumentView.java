package cn.bijie.innovation.shared.documents;

/** A document as the list shows it; {@code uploaded} is true once S3 holds an object of the declared size. */
public record DocumentView(String documentId, String fileName, String contentType, long sizeBytes, String sha256,
        String category, String createdAt, boolean uploaded) {

    static DocumentView of(Document d, boolean uploaded) {
        return new DocumentView(d.documentId(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(),
                d.category(), d.createdAt(), uploaded);
    }
}
