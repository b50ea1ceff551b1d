package cn.bijie.innovation.functions.maintenance;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.audit.AuditChain;
import cn.bijie.innovation.shared.audit.AuditService;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.DynamoAuditStore;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.store.dynamodb.Maintenance;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.testing.TestData;
import cn.bijie.innovation.shared.testing.TestStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/**
 * The operators' upgrade runbook against MiniStack, wired from template.yaml: each operation on items written in the
 * shape the code before the change wrote them (raw, through the SDK) — a dry run writes nothing, a run writes the new
 * items whole, a second run writes nothing more.
 */
class MaintenanceHandlerIT {
    static final BureauFixture bureau = new BureauFixture();
    static final TestStack stack = bureau.stack;
    static final MaintenanceHandler handler = new MaintenanceHandler(stack.environment("MaintenanceFunction"));

    @Test
    void chainAudit_chainsARecordsOldEntriesInTimeOrder_leavesAChainWithAHeadAlone_andVerifyPassesAfterwards() {
        String record = Keys.applicationPk(UUID.randomUUID().toString());
        // the old shape: AUDIT#<at>#<uuid>, no position, no hashes; written out of key order on purpose
        List<Map<String, AttributeValue>> old = List.of(
                oldEntry(record, "2026-10-02T08:00:00Z", "zz", "APPLICATION_RETURNED"),
                oldEntry(record, "2026-10-01T08:00:00Z", "aa", "APPLICATION_SUBMITTED"),
                oldEntry(record, "2026-10-03T08:00:00Z", "mm", "APPLICATION_SUBMITTED"));
        old.forEach(this::put);
        // a record whose chain began since: its old entry stays, reported
        String uscc = TestData.newUscc();
        bureau.organization(uscc, "520502");
        put(oldEntry(Keys.organizationPk(uscc), "2026-09-01T00:00:00Z", "00", "ORGANIZATION_CREATED"));

        int before = stack.countItems(bureau.dynamo);
        JsonNode dry = runAll("chain-audit", true);
        assertThat(stack.countItems(bureau.dynamo)).as("a dry run writes nothing").isEqualTo(before);
        assertThat(dry.path("changes").toString()).contains(record, "3 entries chained");

        JsonNode run = runAll("chain-audit", false);
        assertThat(run.path("written").asInt()).isEqualTo(1);
        assertThat(run.path("reported").toString()).contains(Keys.organizationPk(uscc), "has a head already");
        String hash = AuditChain.GENESIS;
        List<String> actions = List.of("APPLICATION_SUBMITTED", "APPLICATION_RETURNED", "APPLICATION_SUBMITTED");
        List<String> ats = List.of("2026-10-01T08:00:00Z", "2026-10-02T08:00:00Z", "2026-10-03T08:00:00Z");
        for (int seq = 1; seq <= 3; seq++) {
            Map<String, AttributeValue> entry = bureau.item(Keys.key(record, "AUDIT#%012d".formatted(seq)));
            String expected = AuditChain.hash(record, seq, hash, "staff-1", actions.get(seq - 1), ats.get(seq - 1),
                    "null", "{\"n\":" + seq + "}");
            assertThat(entry).containsOnlyKeys("PK", "SK", "type", "actor", "action", "at", "before", "after", "seq",
                    "prevHash", "hash");
            assertThat(entry.get("action").s()).isEqualTo(actions.get(seq - 1));
            assertThat(entry.get("at").s()).isEqualTo(ats.get(seq - 1));
            assertThat(entry.get("seq").n()).isEqualTo(Integer.toString(seq));
            assertThat(entry.get("prevHash").s()).isEqualTo(hash);
            assertThat(entry.get("hash").s()).isEqualTo(expected);
            hash = expected;
        }
        assertThat(bureau.item(Keys.key(record, "AUDIT_HEAD"))).isEqualTo(Map.of("PK", s(record), "SK",
                s("AUDIT_HEAD"), "type", s("AUDIT_HEAD"), "seq", AttributeValue.fromN("3"), "hash", s(hash)));
        old.forEach(e -> assertThat(bureau.item(Keys.key(record, e.get("SK").s()))).as("old entry moved").isEmpty());
        var audit = new AuditService(new DynamoAuditStore(bureau.dynamo, bureau.table),
                new PageToken(TestStack.PAGE_TOKEN_SECRET));
        var verified = audit.verify(STAFF, record);
        assertThat(verified.intact()).as(verified.breaks().toString()).isTrue();
        assertThat(verified.entries()).isEqualTo(3);

        int after = stack.countItems(bureau.dynamo);
        assertThat(runAll("chain-audit", false).path("written").asInt()).as("a second run").isZero();
        assertThat(stack.countItems(bureau.dynamo)).isEqualTo(after);
    }

    @Test
    void recountLedger_givesOldSubsidiesTheirEntry_andRebuildsTheTotals() {
        bureau.openSubsidyWindow();
        String uscc = TestData.newUscc();
        bureau.organization(uscc, "520524");
        Map<String, AttributeValue> totalsBefore = bureau.item(Keys.key("LEDGER#TOTALS", "TOTALS"));
        Certification c = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false,
                "GR2026LEDGER" + uscc.substring(8));
        String subsidyId = Subsidy.idFor(c.certificationId());
        Map<String, AttributeValue> totalsNow = bureau.item(Keys.key("LEDGER#TOTALS", "TOTALS"));
        Map<String, AttributeValue> entryNow = bureau.item(Keys.key(Keys.subsidyPk(subsidyId), "LEDGER"));
        // the old shape: the subsidy without a ledger entry, the totals without it
        delete(Keys.key(Keys.subsidyPk(subsidyId), "LEDGER"));
        if (totalsBefore.isEmpty()) {
            delete(Keys.key("LEDGER#TOTALS", "TOTALS"));
        } else {
            put(totalsBefore);
        }

        int before = stack.countItems(bureau.dynamo);
        JsonNode dry = runAll("recount-ledger", true);
        assertThat(stack.countItems(bureau.dynamo)).isEqualTo(before);
        assertThat(bureau.item(Keys.key("LEDGER#TOTALS", "TOTALS"))).isEqualTo(totalsBefore);
        assertThat(dry.path("changes").toString()).contains(Keys.subsidyPk(subsidyId), "county 520524",
                "n|AWAITING_NOTICE|county|520524");

        JsonNode run = runAll("recount-ledger", false);
        assertThat(run.path("skipped")).isEmpty();
        assertThat(bureau.item(Keys.key(Keys.subsidyPk(subsidyId), "LEDGER"))).isEqualTo(entryNow)
                .containsEntry("county", s("520524"));
        assertThat(bureau.item(Keys.key("LEDGER#TOTALS", "TOTALS"))).isEqualTo(totalsNow);

        JsonNode again = runAll("recount-ledger", false);
        assertThat(again.path("written").asInt()).isZero();
        assertThat(again.path("upToDate").asInt()).isEqualTo(1);
    }

    @Test
    void backfillPlatforms_givesOldRecognitionsTheirPlatformNumberAndPaidLevel_andReportsADuplicateNumber() {
        bureau.openSubsidyWindow();
        String uscc = TestData.newUscc();
        bureau.organization(uscc, "520502");
        String suffix = uscc.substring(10);
        Certification c = bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "毕节市新材料重点实验室" + suffix,
                "黔科合平台〔2019〕" + suffix, bureau.now().toString().substring(0, 10));
        bureau.calculator.onCertificationRecorded(c.certificationId());
        String subsidyId = Subsidy.idFor(c.certificationId());
        Map<String, AttributeValue> certNow = bureau.item(Keys.certification(c.certificationId()));
        Map<String, AttributeValue> subsidyNow = bureau.item(Keys.subsidy(subsidyId));
        String platformId = certNow.get("platformId").s();
        String platformLevel = subsidyNow.get("platformLevel").s();
        Map<String, AttributeValue> platformNow = bureau.item(Keys.key(Keys.organizationPk(uscc),
                "PLATFORM#" + platformId));
        String numberPk = bureau.item(certificateNumberKey(c)).get("PK").s();
        Map<String, AttributeValue> numberNow = bureau.item(certificateNumberKey(c));
        Map<String, AttributeValue> paidNow = bureau.item(Keys.key("PAID#" + platformLevel, "PAID"));
        assertThat(platformNow).isNotEmpty();
        assertThat(paidNow).isNotEmpty();
        // a second recognition, recorded before numbers were unique, of the same certificate in other brackets
        Certification twin = bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "毕节市新材料重点实验室" + suffix,
                "TWIN-" + suffix, bureau.now().toString().substring(0, 10));
        // the old shape: no platformId on either record, no platform, number or platform-level items
        for (Certification each : List.of(c, twin)) {
            removeAttributes(Keys.certification(each.certificationId()), "platformId");
            delete(certificateNumberKey(each));
        }
        update(Keys.certification(twin.certificationId()), "certificateNo", s("黔科合平台[2019]" + suffix));
        removeAttributes(Keys.subsidy(subsidyId), "platformId", "platformLevel");
        delete(Keys.key(Keys.organizationPk(uscc), "PLATFORM#" + platformId));
        delete(Keys.key("PAID#" + platformLevel, "PAID"));

        int before = stack.countItems(bureau.dynamo);
        JsonNode dry = runAll("backfill-platforms", true);
        assertThat(stack.countItems(bureau.dynamo)).isEqualTo(before);
        assertThat(dry.path("changes").toString()).contains(Keys.certificationPk(c.certificationId()),
                "platform " + platformId + " (new)", "platform-level " + platformLevel);

        JsonNode run = runAll("backfill-platforms", false);
        assertThat(run.path("skipped")).isEmpty();
        assertThat(bureau.item(Keys.certification(c.certificationId()))).isEqualTo(certNow);
        assertThat(bureau.item(Keys.subsidy(subsidyId))).isEqualTo(subsidyNow);
        assertThat(bureau.item(Keys.key("PAID#" + platformLevel, "PAID"))).isEqualTo(paidNow);
        Map<String, AttributeValue> platform = new HashMap<>(bureau.item(Keys.key(Keys.organizationPk(uscc),
                "PLATFORM#" + platformId)));
        assertThat(platform.remove("createdAt")).isNotNull();
        Map<String, AttributeValue> expectedPlatform = new HashMap<>(platformNow);
        expectedPlatform.remove("createdAt");
        // both recognitions are the platform's; the twin's number is reported, not claimed
        assertThat(platform.get("recognitions").ss()).hasSize(2);
        platform.remove("recognitions");
        expectedPlatform.remove("recognitions");
        assertThat(platform).isEqualTo(expectedPlatform);
        assertThat(bureau.item(Keys.certification(twin.certificationId())).get("platformId").s())
                .isEqualTo(platformId);
        // the number is claimed once, by whichever of the two the run met first; the other is for staff
        String owner = bureau.item(Keys.key(numberPk, "CERTNO")).get("certificationId").s();
        assertThat(owner).isIn(c.certificationId(), twin.certificationId());
        String other = owner.equals(c.certificationId()) ? twin.certificationId() : c.certificationId();
        assertThat(run.path("reported")).singleElement().satisfies(finding -> {
            assertThat(finding.path("record").asText()).isEqualTo(Keys.certificationPk(other));
            assertThat(finding.path("detail").asText()).contains(owner);
        });
        if (owner.equals(c.certificationId())) {
            assertThat(bureau.item(certificateNumberKey(c))).isEqualTo(numberNow);
        }

        int after = stack.countItems(bureau.dynamo);
        JsonNode again = runAll("backfill-platforms", false);
        assertThat(again.path("written").asInt()).isZero();
        assertThat(stack.countItems(bureau.dynamo)).isEqualTo(after);
    }

    @Test
    void backfillDirectory_listsOldProfilesByNameKey_andPutsAPoolMemberInThePoolPartition() {
        String uscc = TestData.newUscc();
        bureau.organization(uscc, "520521");
        Map<String, AttributeValue> directoryNow = bureau.item(Keys.key(Keys.organizationPk(uscc), "DIRECTORY"));
        String pooled = TestData.newUscc();
        bureau.organization(pooled, "520522");
        // the old shape: profiles without directory entries; one of them in the 2026 intake of the pool
        delete(Keys.key(Keys.organizationPk(uscc), "DIRECTORY"));
        delete(Keys.key(Keys.organizationPk(pooled), "DIRECTORY"));
        Map<String, AttributeValue> poolEntry = new HashMap<>(Map.of("PK", s(Keys.organizationPk(pooled)),
                "SK", s("CULT#POOL#2026"), "type", s("POOL_ENTRY"), "uscc", s(pooled),
                "intake", AttributeValue.fromN("2026"), "name", s("毕节某科技有限公司"),
                "criteria", AttributeValue.fromM(Map.of()), "county", s("520522"), "industry", s("NEW_MATERIALS")));
        poolEntry.putAll(Map.of("addedBy", s("staff-1"), "addedAt", s("2026-03-01T00:00:00Z")));
        put(poolEntry);

        int before = stack.countItems(bureau.dynamo);
        JsonNode dry = runAll("backfill-directory", true);
        assertThat(stack.countItems(bureau.dynamo)).isEqualTo(before);
        assertThat(dry.path("changes").toString()).contains(Keys.organizationPk(uscc), "intake 2026");

        JsonNode run = runAll("backfill-directory", false);
        assertThat(run.path("skipped")).isEmpty();
        assertThat(bureau.item(Keys.key(Keys.organizationPk(uscc), "DIRECTORY"))).isEqualTo(directoryNow);
        Map<String, AttributeValue> inPool = bureau.item(Keys.key(Keys.organizationPk(pooled), "DIRECTORY"));
        assertThat(inPool.get("poolIntake").n()).isEqualTo("2026");
        assertThat(inPool.get("GSI2PK").s()).isEqualTo("ORG#POOL");
        assertThat(inPool.get("GSI3PK").s()).isEqualTo("ORG");
        assertThat(inPool.get("GSI3SK").s()).endsWith("#" + pooled).isEqualTo(inPool.get("GSI2SK").s());

        int after = stack.countItems(bureau.dynamo);
        JsonNode again = runAll("backfill-directory", false);
        assertThat(again.path("written").asInt()).isZero();
        assertThat(stack.countItems(bureau.dynamo)).isEqualTo(after);
    }

    @Test
    void aProfileChangedWhileTheRunReadIt_isSkippedAndReported_neverOverwritten_andTheNextRunTakesIt() {
        String uscc = TestData.newUscc();
        bureau.organization(uscc, "520523");
        Map<String, AttributeValue> directoryNow = bureau.item(Keys.key(Keys.organizationPk(uscc), "DIRECTORY"));
        delete(Keys.key(Keys.organizationPk(uscc), "DIRECTORY"));
        // staff rename the organisation between the run's read and its write (the rename's own directory write is
        // left out here, so that only the run could list it)
        AtomicBoolean renamed = new AtomicBoolean();
        ExecutionInterceptor staffMeanwhile = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest tx && tx.toString().contains(uscc)
                        && renamed.compareAndSet(false, true)) {
                    update(Keys.organization(uscc), "updatedAt", s("2026-11-30T00:00:00Z"));
                }
            }
        };
        var racing = new MaintenanceHandler(new Maintenance(stack.dynamoDb(staffMeanwhile), bureau.table,
                bureau.policy, bureau.clock));

        JsonNode report = invoke(racing, """
                {"operation":"backfill-directory","dryRun":false,"limit":10000}""");

        assertThat(renamed).isTrue();
        assertThat(report.path("skipped").toString()).contains(Keys.organizationPk(uscc), "changed meanwhile");
        assertThat(bureau.item(Keys.key(Keys.organizationPk(uscc), "DIRECTORY"))).as("nothing written").isEmpty();
        runAll("backfill-directory", false);
        assertThat(bureau.item(Keys.key(Keys.organizationPk(uscc), "DIRECTORY"))).isEqualTo(directoryNow);
    }

    /** Runs an operation to its end, a page of 2 records at a time (following nextToken); the runs summed. */
    static JsonNode runAll(String operation, boolean dryRun) {
        var total = Json.MAPPER.createObjectNode();
        var changes = total.putArray("changes");
        var skipped = total.putArray("skipped");
        var reported = total.putArray("reported");
        int written = 0;
        int upToDate = 0;
        String token = null;
        int runs = 0;
        do {
            var event = Json.MAPPER.createObjectNode().put("operation", operation).put("dryRun", dryRun)
                    .put("limit", 2);
            if (token != null) {
                event.put("nextToken", token);
            }
            JsonNode report = invoke(event.toString());
            assertThat(report.path("operation").asText()).isEqualTo(operation);
            assertThat(report.path("dryRun").asBoolean()).isEqualTo(dryRun);
            if (dryRun) {
                assertThat(report.path("written").asInt()).isZero();
            }
            written += report.path("written").asInt();
            upToDate += report.path("upToDate").asInt();
            changes.addAll((com.fasterxml.jackson.databind.node.ArrayNode) report.path("changes"));
            skipped.addAll((com.fasterxml.jackson.databind.node.ArrayNode) report.path("skipped"));
            reported.addAll((com.fasterxml.jackson.databind.node.ArrayNode) report.path("reported"));
            token = report.path("nextToken").isNull() ? null : report.path("nextToken").asText(null);
            runs++;
        } while (token != null && runs < 10_000);
        total.put("written", written).put("upToDate", upToDate);
        return total;
    }

    static JsonNode invoke(String event) {
        return invoke(handler, event);
    }

    static JsonNode invoke(MaintenanceHandler to, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            to.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Json.tree(out.toString(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> oldEntry(String record, String at, String id, String action) {
        int n = switch (id) {
            case "aa" -> 1;
            case "zz" -> 2;
            default -> 3;
        };
        return Map.of("PK", s(record), "SK", s("AUDIT#" + at + "#" + id), "type", s("AUDIT"), "actor", s("staff-1"),
                "action", s(action), "at", s(at), "before", s("null"), "after", s("{\"n\":" + n + "}"));
    }

    static Map<String, AttributeValue> certificateNumberKey(Certification c) {
        return Keys.key("CERTNO#" + c.kind() + "#" + cn.bijie.innovation.shared.platform.CertificateNumbers
                .normalized(c.certificateNo()), "CERTNO");
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    void put(Map<String, AttributeValue> item) {
        bureau.dynamo.putItem(p -> p.tableName(bureau.table).item(item));
    }

    void delete(Map<String, AttributeValue> key) {
        bureau.dynamo.deleteItem(d -> d.tableName(bureau.table).key(key));
    }

    void update(Map<String, AttributeValue> key, String attribute, AttributeValue value) {
        bureau.dynamo.updateItem(u -> u.tableName(bureau.table).key(key).updateExpression("SET #a = :v")
                .expressionAttributeNames(Map.of("#a", attribute)).expressionAttributeValues(Map.of(":v", value)));
    }

    void removeAttributes(Map<String, AttributeValue> key, String... attributes) {
        List<String> names = new ArrayList<>();
        Map<String, String> placeholders = new HashMap<>();
        for (int i = 0; i < attributes.length; i++) {
            names.add("#a" + i);
            placeholders.put("#a" + i, attributes[i]);
        }
        bureau.dynamo.updateItem(u -> u.tableName(bureau.table).key(key)
                .updateExpression("REMOVE " + String.join(", ", names)).expressionAttributeNames(placeholders));
    }
}
