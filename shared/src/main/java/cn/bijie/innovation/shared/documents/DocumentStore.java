package cn.bijie.innovation.shared.documents;

import cn.bijie.innovation.shared.idempotency.PendingWrite;
import java.time.Instant;
import java.util.Optional;

/** Where document records live: in their application's partition. */
public interface DocumentStore {
    /**
     * Stores {@code document} with its audit entry, only while its application is still open and holds fewer than
     * {@code maxDocuments}; otherwise a {@code Conflict} and nothing changes.
     */
    PendingWrite create(Document document, int maxDocuments, String actor);

    Optional<Document> find(String applicationId, String documentId);

    /** The audit entry of a download URL issued: who ({@code actor}) got one for {@code document}, when, until when. */
    void recordDownload(Document document, String actor, Instant at, Instant urlExpiresAt);

    DocumentListing list(String applicationId, int limit, String nextToken, String callerSub);
}
