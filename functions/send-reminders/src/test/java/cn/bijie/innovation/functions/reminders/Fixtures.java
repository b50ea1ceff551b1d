package cn.bijie.innovation.functions.reminders;

import cn.bijie.innovation.shared.store.dynamodb.DueIndex;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Items written straight in the layout of docs/CONTRACTS.md, as the other functions' writers leave them. */
final class Fixtures {
    static final String COUNTY = "520502";

    private final DynamoDbClient dynamo;
    private final String table;

    Fixtures(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    void organization(String uscc, String name, String contactEmail) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.organization(uscc));
        item.put("type", Items.s("ORGANIZATION"));
        item.put("uscc", Items.s(uscc));
        item.put("name", Items.s(name));
        item.put("county", Items.s(COUNTY));
        item.put("industry", Items.s("NEW_MATERIALS"));
        item.put("contactEmail", Items.s(contactEmail));
        item.put("updatedAt", Items.s("2026-01-01T00:00:00Z"));
        put(item);
    }

    /** An ACTIVE certification in the due index at its first threshold date (expiresOn − 90 days). */
    static Map<String, AttributeValue> certification(String id, String uscc, String kind, LocalDate issuedOn,
            LocalDate expiresOn) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key("CERT#" + id, "CERT"));
        item.put("type", Items.s("CERTIFICATION"));
        item.put("certificationId", Items.s(id));
        item.put("uscc", Items.s(uscc));
        item.put("kind", Items.s(kind));
        item.put("level", Items.s("NATIONAL"));
        item.put("renewal", Items.bool(false));
        item.put("certificateNo", Items.s("GR" + issuedOn.getYear() + "52" + id));
        item.put("issuedOn", Items.s(issuedOn.toString()));
        item.put("expiresOn", Items.s(expiresOn.toString()));
        item.put("status", Items.s("ACTIVE"));
        item.put("GSI1PK", Items.s(Keys.organizationCertificationsPk(uscc)));
        item.put("GSI1SK", Items.s(issuedOn + "#" + id));
        item.put("GSI2PK", Items.s("CERT#ACTIVE"));
        item.put("GSI2SK", Items.s(expiresOn + "#" + id));
        item.put("GSI3PK", Items.s("CERT"));
        item.put("GSI3SK", Items.s(issuedOn + "T00:00:00Z#" + id));
        item.putAll(DueIndex.attributes(expiresOn.minusDays(90), "CERT#" + id));
        return item;
    }

    Map<String, AttributeValue> highTech(String id, String uscc, LocalDate expiresOn) {
        Map<String, AttributeValue> item = certification(id, uscc, "HIGH_TECH_ENTERPRISE", expiresOn.minusYears(3),
                expiresOn);
        put(item);
        return item;
    }

    /** The organisation counts toward the 2020 high-tech indicator through these certifications. */
    void holding(String uscc, String... certificationIds) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.organizationPk(uscc),
                "HOLD#2020#HIGH_TECH_ENTERPRISE"));
        item.put("type", Items.s("HOLDING"));
        item.put("certs", AttributeValue.fromSs(List.of(certificationIds)));
        item.put("county", Items.s(COUNTY));
        put(item);
    }

    void highTechCounter(long organisations) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key("INDICATOR#2020", "HIGH_TECH_ENTERPRISE"));
        item.put("type", Items.s("INDICATOR"));
        item.put("actual", Items.n(organisations));
        item.put("c_" + COUNTY, Items.n(organisations));
        put(item);
    }

    void application(String id, String uscc, Instant submittedAt, int waitingDays) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key("APP#" + id, "APP"));
        item.put("type", Items.s("APPLICATION"));
        item.put("applicationId", Items.s(id));
        item.put("uscc", Items.s(uscc));
        item.put("kind", Items.s("KEY_LABORATORY"));
        item.put("level", Items.s("PROVINCIAL"));
        item.put("platformName", Items.s("毕节市新材料重点实验室"));
        item.put("status", Items.s("SUBMITTED"));
        item.put("submittedAt", Items.s(submittedAt.toString()));
        item.putAll(DueIndex.attributes(Shanghai.dateOf(submittedAt).plusDays(waitingDays), "APP#" + id));
        put(item);
    }

    void subsidy(String id, String uscc, Instant awaitingSince, int unpaidDays) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key("SUB#" + id, "SUB"));
        item.put("type", Items.s("SUBSIDY"));
        item.put("subsidyId", Items.s(id));
        item.put("certificationId", Items.s("c-" + id));
        item.put("uscc", Items.s(uscc));
        item.put("kind", Items.s("HIGH_TECH_ENTERPRISE"));
        item.put("level", Items.s("NATIONAL"));
        item.put("amountYuan", Items.n(100000));
        item.put("status", Items.s("AWAITING_PAYMENT"));
        item.put("createdAt", Items.s(awaitingSince.toString()));
        item.putAll(DueIndex.attributes(Shanghai.dateOf(awaitingSince).plusDays(unpaidDays), "SUB#" + id));
        put(item);
    }

    void put(Map<String, AttributeValue> item) {
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** Many items quickly: BatchWriteItem, 25 at a time, until nothing is left unprocessed. */
    void putAll(List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
        }
    }

    Map<String, AttributeValue> get(String pk, String sk) {
        return dynamo.getItem(r -> r.tableName(table).key(Keys.key(pk, sk)).consistentRead(true)).item();
    }

    /** The partition's items whose sort key starts with {@code prefix}. */
    List<Map<String, AttributeValue>> query(String pk, String prefix) {
        return dynamo.query(r -> r.tableName(table).keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                .expressionAttributeValues(Map.of(":pk", Items.s(pk), ":p", Items.s(prefix)))).items();
    }
}
