package cn.bijie.innovation.functions.audit;

import static cn.bijie.innovation.shared.testing.ApiEvents.event;
import static cn.bijie.innovation.shared.testing.ApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.testing.ApiEvents;
import cn.bijie.innovation.shared.testing.ApiEvents.Claims;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import cn.bijie.innovation.shared.testing.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The audit function against MiniStack, wired from template.yaml: its two routes and the operators' verification. */
class AuditHandlerIT {
    static final BureauFixture bureau = new BureauFixture();
    static final AuditHandler handler = new AuditHandler(bureau.stack.environment("AuditFunction"));

    /** A subsidy created and put on public notice: a chain of two entries. */
    static String paidSubsidy() {
        String uscc = TestData.newUscc();
        bureau.organization(uscc, "520502");
        bureau.openSubsidyWindow();
        Certification c = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-H1-" + uscc);
        String subsidyId = Subsidy.idFor(c.certificationId());
        bureau.openNotice(subsidyId);
        return Keys.subsidyPk(subsidyId);
    }

    @Test
    void aSupervisorReadsARecordsTrail_pageByPage_andItsChainHolds() {
        String entity = paidSubsidy();

        Answer first = invoke(handler, event("GET /audit", Claims.of("supervisor"), null,
                Map.of("entity", entity, "limit", "1"), Map.of()));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().at("/items/0/action").asText()).isEqualTo("SUBSIDY_CREATED");
        assertThat(first.body().at("/items/0/before").isNull()).isTrue();
        Answer second = invoke(handler, event("GET /audit", Claims.of("supervisor"), null,
                Map.of("entity", entity, "limit", "1", "nextToken", first.body().path("nextToken").asText()),
                Map.of()));
        assertThat(second.body().at("/items/0/action").asText()).isEqualTo("SUBSIDY_ON_NOTICE");
        assertThat(second.body().at("/items/0/prevHash").asText()).isEqualTo(first.body().at("/items/0/hash").asText());

        Answer verified = invoke(handler, event("GET /audit/verify", Claims.of("staff"), null,
                Map.of("entity", entity), Map.of()));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("intact").asBoolean()).isTrue();
        assertThat(verified.body().path("entries").asInt()).isEqualTo(2);
    }

    @Test
    void financeAndApplicantsAreRefused_andAnEntityThatIsNoRecordKeyIs400() {
        String entity = paidSubsidy();
        assertThat(invoke(handler, event("GET /audit", Claims.of("finance"), null, Map.of("entity", entity),
                Map.of())).status()).isEqualTo(403);
        assertThat(invoke(handler, event("GET /audit/verify", Claims.applicant(TestData.newUscc()), null,
                Map.of("entity", entity), Map.of())).status()).isEqualTo(403);
        assertThat(invoke(handler, event("GET /audit", Claims.of("staff"), null, Map.of("entity", "<b>x</b>"),
                Map.of())).errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(invoke(handler, event("GET /audit", Claims.of("staff"), null,
                Map.of("entity", entity, "status", "PAID"), Map.of())).status()).isEqualTo(400);
        assertThat(invoke(handler, ApiEvents.sample("get-audit.json")).status()).isEqualTo(200);
    }

    @Test
    void theOperatorsVerification_walksEveryChain_andNamesTheEntryChangedInTheTable() throws IOException {
        String entity = paidSubsidy();
        AuditHandler verifier = new AuditHandler(bureau.stack.environment("AuditVerifyFunction"));
        assertThat(verify(verifier).path("breaks").toString()).doesNotContain(entity);

        Map<String, AttributeValue> paid = bureau.item(Keys.key(entity, "AUDIT#000000000002"));
        Map<String, AttributeValue> changed = new HashMap<>(paid);
        changed.put("actor", Items.s("someone-else"));
        bureau.dynamo.putItem(p -> p.tableName(bureau.table).item(changed));

        JsonNode report = verify(verifier);
        assertThat(report.path("intact").asBoolean()).isFalse();
        assertThat(report.path("chains").asLong()).isGreaterThan(1);
        JsonNode named = null;
        for (JsonNode b : report.path("breaks")) {
            if (b.path("chain").asText().equals(entity)) {
                named = b;
            }
        }
        assertThat(named).isNotNull();
        assertThat(named.path("seq").asInt()).isEqualTo(2);
        assertThat(named.path("problem").asText()).contains("does not match its hash");
    }

    @Test
    void priming_readsOnly() {
        int before = bureau.stack.countItems(bureau.dynamo);
        new AuditHandler(bureau.stack.environment("AuditFunction")); // registers the SnapStart priming

        Primed primed = Primed.primeAll();

        assertThat(primed.errors()).isEmpty();
        assertThat(bureau.stack.countItems(bureau.dynamo)).isEqualTo(before);
    }

    static JsonNode verify(AuditHandler verifier) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        verifier.handleRequest(new ByteArrayInputStream(
                Files.readAllBytes(ProjectRoot.path().resolve("events/audit-verify.json"))), out, null);
        return Json.tree(out.toString(StandardCharsets.UTF_8));
    }
}
