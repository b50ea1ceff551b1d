package cn.bijie.innovation.e2e;

import cn.bijie.innovation.shared.testing.MiniStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table of a runner's stack read whole (a test's look behind the API, never a request path), and what "no partial
 * record" means for it: every record a request writes came with the rest of its transaction.
 */
final class TableItems {
    /** The physical table name the runner gives the template's {@code Table} under {@code --stack e2e}. */
    static final String TABLE = "e2e-Table";

    /** Attributes every item of a type must carry (docs/CONTRACTS.md). */
    static final Map<String, Set<String>> REQUIRED = Map.of(
            "ORGANIZATION", Set.of("uscc", "name", "county", "industry", "contactEmail", "updatedAt"),
            "APPLICATION", Set.of("applicationId", "uscc", "kind", "level", "renewal", "status", "submittedAt",
                    "platformName", "certificateNo", "issuedOn", "county", "updatedAt", "GSI1PK", "GSI2PK", "GSI3PK"),
            "DOCUMENT", Set.of("documentId", "uscc", "fileName", "contentType", "sizeBytes", "sha256", "category",
                    "objectKey", "createdAt"),
            "CERTIFICATION", Set.of("certificationId", "uscc", "kind", "level", "renewal", "status", "issuedOn",
                    "certificateNo", "GSI1PK", "GSI2PK", "GSI3PK"),
            "SUBSIDY", Set.of("subsidyId", "certificationId", "uscc", "kind", "level", "status", "policyVersion",
                    "explanation", "createdAt", "GSI1PK", "GSI2PK", "GSI3PK"),
            "IDEMPOTENCY", Set.of("requestHash", "status", "body", "ttl"),
            "AUDIT", Set.of("seq", "prevHash", "hash", "actor", "action", "at"));

    private final List<Map<String, AttributeValue>> items;

    private TableItems(List<Map<String, AttributeValue>> items) {
        this.items = items;
    }

    static TableItems read(MiniStack miniStack) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.US_EAST_1)
                .endpointOverride(miniStack.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            List<Map<String, AttributeValue>> all = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                var from = start;
                var page = dynamo.scan(r -> r.tableName(TABLE).exclusiveStartKey(from));
                all.addAll(page.items());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
            return new TableItems(all);
        }
    }

    List<Map<String, AttributeValue>> ofType(String type) {
        return items.stream().filter(i -> type.equals(s(i, "type"))).toList();
    }

    List<Map<String, AttributeValue>> where(Predicate<Map<String, AttributeValue>> filter) {
        return items.stream().filter(filter).toList();
    }

    int size() {
        return items.size();
    }

    /**
     * What is partial: an item without a {@code type}; an item missing an attribute its type always has; a
     * record (application, certification, subsidy, organisation) whose partition holds no audit entry; an audit entry
     * whose record is gone; a document of no application.
     */
    List<String> partialRecords() {
        List<String> problems = new ArrayList<>();
        Set<String> audited = items.stream().filter(i -> s(i, "SK").startsWith("AUDIT#")).map(i -> s(i, "PK"))
                .collect(Collectors.toSet());
        Set<String> recordPartitions = items.stream().filter(i -> !s(i, "SK").startsWith("AUDIT"))
                .map(i -> s(i, "PK")).collect(Collectors.toSet());
        Set<String> applications = ofType("APPLICATION").stream().map(i -> s(i, "PK")).collect(Collectors.toSet());
        for (Map<String, AttributeValue> item : items) {
            String type = s(item, "type");
            String key = s(item, "PK") + " / " + s(item, "SK");
            if (type.isEmpty()) {
                problems.add(key + ": no type");
                continue;
            }
            for (String attribute : REQUIRED.getOrDefault(type, Set.of())) {
                if (!item.containsKey(attribute)) {
                    problems.add(key + " (" + type + "): no " + attribute);
                }
            }
            if (Set.of("APPLICATION", "CERTIFICATION", "SUBSIDY", "ORGANIZATION").contains(type)
                    && !audited.contains(s(item, "PK"))) {
                problems.add(key + " (" + type + "): no audit entry");
            }
            // a download's audit entry lives beside its application's partition (DOWNLOADS#<id> of APP#<id>)
            String recordPk = s(item, "PK").startsWith("DOWNLOADS#")
                    ? "APP#" + s(item, "PK").substring("DOWNLOADS#".length()) : s(item, "PK");
            if (type.equals("AUDIT") && !recordPartitions.contains(recordPk)) {
                problems.add(key + ": an audit entry of no record");
            }
            if (type.equals("DOCUMENT") && !applications.contains(s(item, "PK"))) {
                problems.add(key + ": a document of no application");
            }
        }
        return problems;
    }

    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }
}
