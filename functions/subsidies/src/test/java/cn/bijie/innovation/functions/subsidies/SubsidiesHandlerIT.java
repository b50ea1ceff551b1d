package cn.bijie.innovation.functions.subsidies;

import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static cn.bijie.innovation.shared.testing.ApiEvents.event;
import static cn.bijie.innovation.shared.testing.ApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.testing.ApiEvents.Claims;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import cn.bijie.innovation.shared.testing.TestStack;
import cn.bijie.innovation.shared.time.Shanghai;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subsidy reads, disbursement, the public policy and its parameters, through the HTTP edge against MiniStack. */
class SubsidiesHandlerIT {
    static final String LIST = "GET /subsidies";
    static final String GET = "GET /subsidies/{subsidyId}";
    static final String PAY = "POST /subsidies/{subsidyId}/disbursement";
    static final String POLICY = "GET /policy";
    static final String SET = "PUT /policy/parameters/{name}";
    static final String APPROVE = "POST /policy/parameters/{name}/approval";
    static final Claims STAFF = Claims.of("staff");
    static final Claims SECOND_STAFF = new Claims("staff-2", "[staff]", null, "staff2@example.com");
    static final Claims FINANCE = Claims.of("finance");

    static final BureauFixture bureau = new BureauFixture();
    static final SubsidiesHandler handler = new SubsidiesHandler(bureau.subsidies, bureau.policyService);

    @BeforeEach
    void defaults() {
        bureau.resetParameters();
        bureau.openSubsidyWindow();
    }

    static String payment(String voucherNo) {
        return "{\"paidOn\":\"%s\",\"voucherNo\":\"%s\"}".formatted(Shanghai.today(bureau.clock), voucherNo);
    }

    Certification subsidised(String kind, String level) {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        return bureau.recordAndCalculate(uscc, kind, level, false, "NO-" + uscc);
    }

    @Test
    void policy_isPublic_withItsRulesParametersAndTargets() {
        Answer answer = invoke(handler, event(POLICY, null, null));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("version").asText()).isEqualTo("BJ-2019");
        assertThat(answer.body().path("rules").findValuesAsText("id")).contains("HIGH_TECH_ENTERPRISE_NEW",
                "PLATFORM_NATIONAL", "PLATFORM_PROVINCIAL");
        assertThat(answer.body().path("parameters").findValuesAsText("name"))
                .contains("HIGH_TECH_ENTERPRISE_RENEWAL_YUAN", "PLATFORM_UPGRADE_MODE");
        assertThat(answer.body().path("targetPeriods").get(0).path("period").asText()).isEqualTo("2020");
        assertThat(answer.headers().path("cache-control").asText()).startsWith("public");
    }

    @Test
    void setParameter_isProposedByOneStaffMember_andInForceWhenASecondApproves_andOthersAreForbidden() {
        String renewal = "HIGH_TECH_ENTERPRISE_RENEWAL_YUAN";
        for (Claims forbidden : new Claims[] {Claims.applicant(newUscc()), FINANCE, Claims.of("supervisor")}) {
            assertThat(invoke(handler, event(SET, forbidden, "{\"value\":60000}", renewal)).status())
                    .as(forbidden.groups()).isEqualTo(403);
            assertThat(invoke(handler, event(APPROVE, forbidden, "{\"value\":60000}", renewal)).status())
                    .as(forbidden.groups()).isEqualTo(403);
        }

        Answer proposed = invoke(handler, event(SET, STAFF, "{\"value\":60000}", renewal));
        assertThat(proposed.status()).isEqualTo(202);
        assertThat(proposed.body().path("value").asLong()).isEqualTo(60_000);
        assertThat(proposed.body().path("proposedBy").asText()).isEqualTo(STAFF.sub());
        assertThat(renewalAmount()).as("not in force before a second staff member approves").isNull();

        Answer byProposer = invoke(handler, event(APPROVE, STAFF, "{\"value\":60000}", renewal));
        assertThat(byProposer.status()).isEqualTo(403);
        assertThat(byProposer.body().path("error").path("message").asText()).contains("另一位工作人员");
        assertThat(invoke(handler, event(APPROVE, SECOND_STAFF, "{\"value\":70000}", renewal)).status())
                .as("another value than the one waiting").isEqualTo(409);
        assertThat(renewalAmount()).isNull();

        Map<String, String> key = Map.of("Idempotency-Key", "approve-" + newUscc());
        Answer approved = invoke(handler, event(APPROVE, SECOND_STAFF, "{\"value\":60000}", Map.of(), key, renewal));
        Answer replay = invoke(handler, event(APPROVE, SECOND_STAFF, "{\"value\":60000}", Map.of(), key, renewal));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("value").asLong()).isEqualTo(60_000);
        assertThat(approved.body().path("updatedBy").asText()).isEqualTo(SECOND_STAFF.sub());
        assertThat(renewalAmount()).isEqualTo(60_000L);
        assertThat(replay.rawBody()).as("the same approval retried: its answer again").isEqualTo(approved.rawBody());
        assertThat(invoke(handler, event(APPROVE, SECOND_STAFF, "{\"value\":60000}", renewal)).status())
                .as("nothing waits any more").isEqualTo(409);
        assertThat(auditActions()).contains("POLICY_PARAMETER_PROPOSED", "POLICY_PARAMETER_APPROVED");

        assertThat(invoke(handler, event(SET, STAFF, "{\"value\":60000}", renewal)).status())
                .as("the value in force: nothing to approve").isEqualTo(200);
        assertThat(invoke(handler, event(SET, STAFF, "{\"value\":\"很多\"}", renewal)).status()).isEqualTo(400);
        assertThat(invoke(handler, event(SET, STAFF, "{\"value\":1}", "NO_SUCH_PARAMETER")).status()).isEqualTo(404);
    }

    static Long renewalAmount() {
        JsonNode amount = invoke(handler, event(POLICY, null, null)).body().path("rules").findParents("id").stream()
                .filter(r -> r.path("id").asText().equals("HIGH_TECH_ENTERPRISE_RENEWAL")).findFirst().orElseThrow()
                .path("amountYuan");
        return amount.isNumber() ? amount.asLong() : null;
    }

    /** The actions of the audit entries in the policy's partition. */
    static List<String> auditActions() {
        return bureau.dynamo.query(q -> q.tableName(bureau.table).keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", Items.s(Keys.policyPk("BJ-2019")))))
                .items().stream().map(item -> Items.str(item, "action")).filter(Objects::nonNull).toList();
    }

    @Test
    void disbursement_byFinance_paysOnce_andTheSameKeyReplaysIt() {
        Certification c = subsidised("HIGH_TECH_ENTERPRISE", "NATIONAL");
        String subsidyId = Subsidy.idFor(c.certificationId());
        Map<String, String> key = Map.of("Idempotency-Key", "pay-" + subsidyId);
        assertThat(invoke(handler, event(PAY, FINANCE, payment("PZ-0"), subsidyId)).status())
                .as("not before its notice has passed").isEqualTo(409);
        bureau.passNotice(subsidyId);

        Answer paid = invoke(handler, event(PAY, FINANCE, payment("PZ-1"), Map.of(), key, subsidyId));
        Answer replay = invoke(handler, event(PAY, FINANCE, payment("PZ-1"), Map.of(), key, subsidyId));
        Answer again = invoke(handler, event(PAY, FINANCE, payment("PZ-2"), subsidyId));

        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.body().path("status").asText()).isEqualTo("PAID");
        assertThat(paid.body().path("voucherNo").asText()).isEqualTo("PZ-1");
        assertThat(replay.rawBody()).isEqualTo(paid.rawBody());
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void disbursement_isForbidden_forApplicantsAndStaff() {
        Certification c = subsidised("KEY_LABORATORY", "PROVINCIAL");
        String subsidyId = Subsidy.idFor(c.certificationId());

        assertThat(invoke(handler, event(PAY, Claims.applicant(c.uscc()), payment("PZ-3"), subsidyId)).status())
                .isEqualTo(403);
        assertThat(invoke(handler, event(PAY, STAFF, payment("PZ-3"), subsidyId)).status()).isEqualTo(403);
        assertThat(bureau.subsidyOf(c.certificationId()).status().name()).isEqualTo("AWAITING_NOTICE");
    }

    @Test
    void disbursement_isConflict_whileTheAmountIsPending() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        bureau.record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-PEND0-" + uscc, "2023-05-01");
        Certification renewal = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", true,
                "GR-PEND-" + uscc);

        Answer answer = invoke(handler, event(PAY, FINANCE, payment("PZ-4"), Subsidy.idFor(renewal.certificationId())));

        assertThat(answer.status()).isEqualTo(409);
    }

    @Test
    void subsidies_areTheApplicantsOwn_andAnotherOrganisationsIsNotFound() {
        Certification own = subsidised("ENTERPRISE_TECH_CENTER", "NATIONAL");
        Certification other = subsidised("ENTERPRISE_TECH_CENTER", "PROVINCIAL");
        Claims applicant = Claims.applicant(own.uscc());

        Answer mine = invoke(handler, event(GET, applicant, null, Subsidy.idFor(own.certificationId())));
        Answer theirs = invoke(handler, event(GET, applicant, null, Subsidy.idFor(other.certificationId())));
        Answer list = invoke(handler, event(LIST, applicant, null));

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().fieldNames()).toIterable().contains("subsidyId", "certificationId", "uscc", "kind",
                "level", "renewal", "amountYuan", "status", "policyVersion", "rule", "explanation", "createdAt");
        assertThat(mine.body().path("amountYuan").asLong()).isEqualTo(1_000_000);
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(list.body().path("items")).hasSize(1);
    }

    @Test
    void theRuntimeWiring_paysTheSampleDisbursement() throws IOException {
        // GIVEN the subsidy of the sample certification (events/calculate-subsidy-certification.json)
        bureau.organization("91520500MA6DKQ5X35", "520502");
        Certification sample = bureau.certificationStore.find("cert-93690554a14b4ed9932b5f6fee6ef8b0")
                .orElseGet(() -> bureau.record("91520500MA6DKQ5X35", "HIGH_TECH_ENTERPRISE", "NATIONAL", false,
                        "GR202652000101", "2026-11-02"));
        bureau.calculator.onCertificationRecorded(sample.certificationId());
        bureau.passNotice(Subsidy.idFor(sample.certificationId()));
        String event = Files.readString(ProjectRoot.path().resolve("events/subsidies-disbursement.json"));
        assertThat(Json.tree(event).at("/pathParameters/subsidyId").asText())
                .isEqualTo(Subsidy.idFor(sample.certificationId()));

        // WHEN the handler wired as on Lambda serves events/subsidies-disbursement.json
        Answer answer = invoke(new SubsidiesHandler(TestStack.shared().environment("SubsidiesFunction")), event);

        // THEN it is paid
        assertThat(answer.status()).as(answer.rawBody()).isEqualTo(200);
        assertThat(bureau.subsidyOf(sample.certificationId()).voucherNo()).isEqualTo("BJCZ-2026-0001");
    }

    @Test
    void priming_readsThePolicyAndAnIdNoSubsidyHas_refusesEmptyBodies_andWritesNothing() {
        int before = bureau.stack.countItems(bureau.dynamo);
        // the runtime's wiring registers the SnapStart priming
        new SubsidiesHandler(TestStack.shared().environment("SubsidiesFunction"));

        Primed primed = Primed.primeAll();

        assertThat(primed.actions()).isGreaterThanOrEqualTo(2);
        assertThat(primed.errors()).isEmpty();
        assertThat(primed.statuses(POLICY)).isNotEmpty().containsOnly(200);
        assertThat(primed.statuses(GET)).isNotEmpty().containsOnly(404);
        assertThat(primed.statuses(LIST)).isNotEmpty().containsOnly(200);
        assertThat(primed.statuses(PAY)).isNotEmpty().containsOnly(400);
        assertThat(primed.statuses(SET)).isNotEmpty().containsOnly(400);
        assertThat(primed.statuses(APPROVE)).isNotEmpty().containsOnly(400);
        assertThat(bureau.stack.countItems(bureau.dynamo)).isEqualTo(before);
    }
}
