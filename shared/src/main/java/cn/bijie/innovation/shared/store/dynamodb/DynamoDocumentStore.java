package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.documents.Document;
import cn.bijie.innovation.shared.documents.DocumentListing;
import cn.bijie.innovation.shared.documents.DocumentStore;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.paging.PageToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Documents at {@code APP#<applicationId> / DOC#<documentId>}: in their application's partition, so that one query
 * reads the application (who may see them) and its documents together. Document ids sort by time, so the partition
 * read backwards lists the newest first; the application item ({@code SK = APP}) sorts last.
 */
public final class DynamoDocumentStore implements DocumentStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final PageToken pageTokens;

    public DynamoDocumentStore(DynamoDbClient dynamo, String table, PageToken pageTokens) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.pageTokens = pageTokens;
    }

    @Override
    public PendingWrite create(Document document, int maxDocuments, String actor) {
        var tx = new WriteTransaction(table)
                .put(DocumentMapper.item(document), Condition.absent(),
                        () -> new Conflict("附件编号冲突，请重试 (document id taken; retry)"));
        // counting on the application item makes "still open" and "not too many" one atomic condition
        ApplicationMapper.documentDeclared(tx, document.applicationId(), maxDocuments);
        tx.put(AuditMapper.item(new AuditEntry(Keys.applicationPk(document.applicationId()), actor,
                "DOCUMENT_DECLARED", Instant.parse(document.createdAt()), null, document)), Condition.NONE, null);
        return writer.pending(tx);
    }

    @Override
    public Optional<Document> find(String applicationId, String documentId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Keys.document(applicationId, documentId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(DocumentMapper.fromItem(item));
    }

    @Override
    public void recordDownload(Document document, String actor, Instant at, Instant urlExpiresAt) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("documentId", document.documentId());
        what.put("fileName", document.fileName());
        what.put("objectKey", document.objectKey());
        what.put("urlExpiresAt", urlExpiresAt.toString());
        writer.commit(new WriteTransaction(table).put(AuditMapper.item(new AuditEntry(
                Keys.downloadsPk(document.applicationId()), actor, "DOCUMENT_DOWNLOAD_ISSUED", at, null, what)),
                Condition.NONE, null));
    }

    /**
     * One query over the application's partition, backwards: documents newest first, then (past the audit entries,
     * filtered out) the application itself. The partition is small (at most the service's document limit and their
     * audit entries), so it is read whole and paged here; a next page starts after the last document shown.
     */
    @Override
    public DocumentListing list(String applicationId, int limit, String nextToken, String callerSub) {
        String fingerprint = "GET /applications/" + applicationId + "/documents";
        Map<String, AttributeValue> start = Items.startKey(pageTokens.open(nextToken, callerSub, fingerprint));
        Application application = null;
        List<Document> documents = new ArrayList<>();
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(q -> q.tableName(table)
                    .keyConditionExpression("#pk = :pk")
                    .filterExpression("#type IN (:application, :document)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#type", "type"))
                    .expressionAttributeValues(Map.of(":pk", Items.s(Keys.applicationPk(applicationId)),
                            ":application", Items.s(ApplicationMapper.TYPE), ":document", Items.s(DocumentMapper.TYPE)))
                    .scanIndexForward(false)
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : response.items()) {
                if (DocumentMapper.TYPE.equals(Items.str(item, "type"))) {
                    documents.add(DocumentMapper.fromItem(item));
                } else {
                    application = ApplicationMapper.fromItem(item);
                }
            }
            start = response.lastEvaluatedKey() == null || response.lastEvaluatedKey().isEmpty() ? null
                    : response.lastEvaluatedKey();
        } while (start != null);
        if (documents.size() <= limit) {
            return new DocumentListing(application, documents, null);
        }
        Document last = documents.get(limit - 1);
        return new DocumentListing(application, documents.subList(0, limit),
                pageTokens.issue(Items.position(Keys.document(applicationId, last.documentId())), callerSub,
                        fingerprint));
    }
}
