package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.documents.Document;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The document item ({@code APP#<applicationId> / DOC#<documentId>}, in its application's partition): its attribute
 * names and conversion.
 */
final class DocumentMapper {
    static final String TYPE = "DOCUMENT";
    static final String DOCUMENT_ID = "documentId";
    static final String APPLICATION_ID = "applicationId";
    static final String USCC = "uscc";
    static final String FILE_NAME = "fileName";
    static final String CONTENT_TYPE = "contentType";
    static final String SIZE_BYTES = "sizeBytes";
    static final String SHA256 = "sha256";
    static final String CATEGORY = "category";
    static final String OBJECT_KEY = "objectKey";
    static final String CREATED_AT = "createdAt";

    private DocumentMapper() {}

    static Map<String, AttributeValue> item(Document d) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.document(d.applicationId(), d.documentId()));
        item.put("type", Items.s(TYPE));
        item.put(DOCUMENT_ID, Items.s(d.documentId()));
        item.put(APPLICATION_ID, Items.s(d.applicationId()));
        item.put(USCC, Items.s(d.uscc()));
        item.put(FILE_NAME, Items.s(d.fileName()));
        item.put(CONTENT_TYPE, Items.s(d.contentType()));
        item.put(SIZE_BYTES, Items.n(d.sizeBytes()));
        item.put(SHA256, Items.s(d.sha256()));
        item.put(CATEGORY, Items.s(d.category()));
        item.put(OBJECT_KEY, Items.s(d.objectKey()));
        item.put(CREATED_AT, Items.s(d.createdAt()));
        return item;
    }

    static Document fromItem(Map<String, AttributeValue> item) {
        return new Document(Items.str(item, DOCUMENT_ID), Items.str(item, APPLICATION_ID), Items.str(item, USCC),
                Items.str(item, FILE_NAME), Items.str(item, CONTENT_TYPE), Items.num(item, SIZE_BYTES),
                Items.str(item, SHA256), Items.str(item, CATEGORY), Items.str(item, CREATED_AT));
    }
}
