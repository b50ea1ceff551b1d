package cn.bijie.innovation.functions.certifications;

import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static cn.bijie.innovation.shared.testing.ApiEvents.event;
import static cn.bijie.innovation.shared.testing.ApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.testing.ApiEvents.Claims;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.TestStack;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The HTTP edge of certifications against MiniStack: roles, 404 for other organisations, idempotency, call counts. */
class RecordCertificationHandlerIT {
    static final String DECIDE = "POST /applications/{applicationId}/decision";
    static final String RECORD = "POST /certifications";
    static final String LIST = "GET /certifications";
    static final String GET = "GET /certifications/{certificationId}";
    static final String REVOKE = "POST /certifications/{certificationId}/revocation";
    static final Claims STAFF = Claims.of("staff");
    static final Claims FINANCE = Claims.of("finance");
    static final Claims SUPERVISOR = Claims.of("supervisor");

    static final BureauFixture bureau = new BureauFixture();
    /** Wired with the fixture's counting client, to measure DynamoDB calls per request. */
    static final RecordCertificationHandler handler = new RecordCertificationHandler(bureau.certifications,
            bureau.platformMerges);
    static final Map<String, Map<String, Integer>> CALLS = new LinkedHashMap<>();

    static String certificationBody(String uscc, String kind, String level, String certificateNo) {
        return """
                {"uscc":"%s","kind":"%s","level":"%s","renewal":false,"platformName":"毕节测试平台",
                 "certificateNo":"%s","issuedOn":"2026-11-02","authority":"科技部"}""".formatted(uscc, kind, level,
                certificateNo);
    }

    static String organization(String county) {
        String uscc = newUscc();
        bureau.organization(uscc, county);
        return uscc;
    }

    @Test
    void theRuntimeWiring_servesARequest_fromTheTemplatesEnvironment() {
        String uscc = organization("520502");

        var environment = TestStack.shared().environment("RecordCertificationFunction");
        Answer answer = invoke(new RecordCertificationHandler(environment), event(RECORD, STAFF,
                certificationBody(uscc, "MAKERSPACE", "NATIONAL", "MS-W1")));

        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void postCertification_answers201_withTheApiFields() {
        String uscc = organization("520502");

        Answer answer = measured("POST /certifications", () -> invoke(handler, event(RECORD, STAFF,
                certificationBody(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", "GR-H1"))));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().fieldNames()).toIterable().contains("certificationId", "uscc", "kind", "level",
                "renewal", "platformName", "certificateNo", "issuedOn", "expiresOn", "status", "subsidyEligible",
                "subsidyNote");
        assertThat(answer.body().path("expiresOn").asText()).as("the last valid day").isEqualTo("2029-11-01");
        assertThat(answer.body().path("subsidyEligible").asBoolean()).isTrue();
    }

    @Test
    void postCertification_twice_isConflict_andWithTheSameKey_theFirstAnswerAgain() {
        String uscc = organization("520502");
        String body = certificationBody(uscc, "KEY_LABORATORY", "PROVINCIAL", "KL-H1");
        Map<String, String> key = Map.of("Idempotency-Key", "rec-" + uscc);

        Answer first = invoke(handler, event(RECORD, STAFF, body, Map.of(), key));
        Answer replay = invoke(handler, event(RECORD, STAFF, body, Map.of(), key));
        Answer duplicate = invoke(handler, event(RECORD, STAFF, body));

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.rawBody()).isEqualTo(first.rawBody());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void decision_byStaff_certifies_andByOthers_isForbidden() {
        String uscc = organization("520521");
        String applicationId = bureau.application(uscc, "ENTERPRISE_TECH_CENTER", "NATIONAL", false, "ETC-H1");
        String certify = "{\"outcome\":\"CERTIFIED\"}";

        for (Claims forbidden : new Claims[] {Claims.applicant(uscc), FINANCE, SUPERVISOR}) {
            Answer answer = invoke(handler, event(DECIDE, forbidden, certify, applicationId));
            assertThat(answer.status()).as(forbidden.groups()).isEqualTo(403);
            assertThat(answer.errorCode()).isEqualTo("FORBIDDEN");
        }
        Answer decided = measured("POST /applications/{id}/decision (CERTIFIED)",
                () -> invoke(handler, event(DECIDE, STAFF, certify, applicationId)));
        Answer again = invoke(handler, event(DECIDE, STAFF, certify, applicationId));

        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.body().path("status").asText()).isEqualTo("CERTIFIED");
        assertThat(decided.body().path("certificationId").asText()).startsWith("cert-");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void decisions_thatCloseAnApplication_freeItsOrganisationsPlace_andAReturnKeepsIt() {
        String uscc = organization("520521");
        String returned = bureau.application(uscc, "KEY_LABORATORY", "MUNICIPAL", false, "KL-OPEN-" + uscc);
        String rejected = bureau.application(uscc, "MAKERSPACE", "MUNICIPAL", false, "MS-OPEN-" + uscc);
        String certified = bureau.application(uscc, "ENTERPRISE_TECH_CENTER", "MUNICIPAL", false, "ETC-OPEN-" + uscc);
        assertThat(openApplications(uscc)).isEqualTo(3);

        Answer back = invoke(handler, event(DECIDE, STAFF, "{\"outcome\":\"RETURNED\",\"reason\":\"请补充证书\"}",
                returned));
        assertThat(back.status()).as(back.rawBody()).isEqualTo(200);
        assertThat(openApplications(uscc)).isEqualTo(3);
        Answer no = invoke(handler, event(DECIDE, STAFF, "{\"outcome\":\"REJECTED\",\"reason\":\"不符合条件\"}",
                rejected));
        assertThat(no.status()).as(no.rawBody()).isEqualTo(200);
        assertThat(openApplications(uscc)).isEqualTo(2);
        Answer yes = invoke(handler, event(DECIDE, STAFF, "{\"outcome\":\"CERTIFIED\"}", certified));
        assertThat(yes.status()).as(yes.rawBody()).isEqualTo(200);
        assertThat(openApplications(uscc)).isEqualTo(1);
    }

    static int openApplications(String uscc) {
        return Integer.parseInt(bureau.dynamo.getItem(g -> g.tableName(bureau.table)
                .key(Keys.openApplications(uscc)).consistentRead(true)).item().get("open").n());
    }

    @Test
    void decision_isNotFound_forAnApplicationThatDoesNotExist() {
        Answer answer = invoke(handler, event(DECIDE, STAFF, "{\"outcome\":\"REJECTED\",\"reason\":\"不符合条件\"}",
                "app-none"));

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void applicants_mayNotRecordOrRevoke() {
        String uscc = organization("520523");
        String id = bureau.record(uscc, "MAKERSPACE", "PROVINCIAL", false, "MS-H1", "2026-10-01").certificationId();

        Answer record = invoke(handler, event(RECORD, Claims.applicant(uscc),
                certificationBody(uscc, "MAKERSPACE", "PROVINCIAL", "MS-H2")));
        Answer revoke = invoke(handler, event(REVOKE, Claims.applicant(uscc), "{\"reason\":\"自行撤销\"}", id));

        assertThat(record.status()).isEqualTo(403);
        assertThat(revoke.status()).isEqualTo(403);
        assertThat(bureau.certificationStore.find(id).orElseThrow().status().name()).isEqualTo("ACTIVE");
    }

    @Test
    void anotherOrganisationsCertification_isNotFound_exactlyLikeAMissingOne() {
        String owner = organization("520524");
        String id = bureau.record(owner, "MAKERSPACE", "PROVINCIAL", false, "MS-H3", "2026-10-01").certificationId();
        Claims stranger = Claims.applicant(newUscc());

        Answer foreign = invoke(handler, event(GET, stranger, null, id));
        Answer missing = invoke(handler, event(GET, stranger, null, "cert-00000000000000000000000000000000"));
        Answer own = measured("GET /certifications/{id}",
                () -> invoke(handler, event(GET, Claims.applicant(owner), null, id)));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.rawBody()).isEqualTo(missing.rawBody());
        assertThat(own.status()).isEqualTo(200);
    }

    @Test
    void revocation_answers200_withTheRevokedCertification_andCancelsTheSubsidy() {
        String uscc = organization("520525");
        String id = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-H9")
                .certificationId();

        Answer answer = measured("POST /certifications/{id}/revocation",
                () -> invoke(handler, event(REVOKE, STAFF, "{\"reason\":\"复核不合格\"}", id)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("status").asText()).isEqualTo("REVOKED");
        assertThat(bureau.subsidyOf(id).status().name()).isEqualTo("CANCELLED");
    }

    @Test
    void list_filtersByOrganisationAndKind_inOneQuery() {
        String uscc = organization("520526");
        bureau.record(uscc, "TECH_TRANSFER_INSTITUTION", "PROVINCIAL", false, "TT-1", "2026-10-01");

        Answer answer = measured("GET /certifications?uscc&kind", () -> invoke(handler, event(LIST, SUPERVISOR, null,
                Map.of("uscc", uscc, "kind", "TECH_TRANSFER_INSTITUTION"), Map.of())));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("items")).hasSize(1);
        assertThat(answer.body().has("nextToken")).isTrue();
    }

    @Test
    void badInput_isA400_namingTheField() {
        Answer unknownField = invoke(handler, event(RECORD, STAFF, "{\"uscc\":\"x\",\"bonus\":1}"));
        Answer malformed = invoke(handler, event(RECORD, STAFF, "{\"uscc\":"));
        Answer badStatus = invoke(handler, event(LIST, STAFF, null, Map.of("status", "GONE"), Map.of()));

        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.body().path("error").path("details").get(0).path("field").asText())
                .isEqualTo("bonus");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().path("error").path("details").get(0).path("field").asText())
                .isEqualTo("status");
    }

    static Answer measured(String request, Supplier<Answer> call) {
        bureau.calls.reset();
        Answer answer = call.get();
        CALLS.put(request, bureau.callsByOperation());
        System.out.println("DynamoDB calls for " + request + ": " + bureau.callsByOperation());
        return answer;
    }

    @Test
    void priming_readsAnIdNoRecordHas_refusesEmptyBodies_andWritesNothing() {
        int before = bureau.stack.countItems(bureau.dynamo);
        // the runtime's wiring registers the SnapStart priming
        new RecordCertificationHandler(TestStack.shared().environment("RecordCertificationFunction"));

        Primed primed = Primed.primeAll();

        assertThat(primed.actions()).isGreaterThanOrEqualTo(2);
        assertThat(primed.errors()).isEmpty();
        assertThat(primed.statuses(GET)).isNotEmpty().containsOnly(404);
        assertThat(primed.statuses(LIST)).isNotEmpty().containsOnly(200);
        assertThat(primed.statuses(RECORD)).isNotEmpty().containsOnly(400);
        assertThat(primed.statuses(DECIDE)).isNotEmpty().containsOnly(400);
        assertThat(primed.statuses(REVOKE)).isNotEmpty().containsOnly(400);
        assertThat(bureau.stack.countItems(bureau.dynamo)).isEqualTo(before);
    }

    @AfterAll
    static void callsPerRequest() {
        // every write is its reads plus one TransactWriteItems; every read is one call
        CALLS.forEach((request, calls) -> assertThat(calls.getOrDefault("TransactWriteItems", 0))
                .as(request).isLessThanOrEqualTo(1));
        assertThat(CALLS.get("POST /certifications"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Query", 1, "TransactWriteItems", 1));
        assertThat(CALLS.get("POST /applications/{id}/decision (CERTIFIED)"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("GetItem", 1, "Query", 1, "TransactWriteItems", 1));
        // the certification, its subsidy, and the subsidy's ledger entry (the county its totals are counted in)
        assertThat(CALLS.get("POST /certifications/{id}/revocation"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("GetItem", 3, "Query", 1, "TransactWriteItems", 1));
        assertThat(CALLS.get("GET /certifications?uscc&kind")).containsExactlyEntriesOf(Map.of("Query", 1));
        assertThat(CALLS.get("GET /certifications/{id}")).containsExactlyEntriesOf(Map.of("GetItem", 1));
    }
}
