package cn.bijie.innovation.functions.certifications;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.FINANCE;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.SUPERVISOR;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.applicant;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.newUscc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.http.ApiEvents;
import cn.bijie.innovation.shared.http.ApiEvents.Answer;
import cn.bijie.innovation.shared.http.Caller;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP edge of certifications against MiniStack: roles, 404 for other organisations, idempotency, call counts. */
class RecordCertificationHandlerIT {
    static final BureauFixture bureau = new BureauFixture();
    static final RecordCertificationHandler handler = new RecordCertificationHandler(bureau.certifications);
    /** DynamoDB calls per request, measured here and printed for the README. */
    static final Map<String, Map<String, Integer>> CALLS = new LinkedHashMap<>();

    static Answer call(String routeKey, Map<String, String> path, Caller caller, String body) {
        return call(routeKey, path, Map.of(), caller, body, Map.of());
    }

    static Answer call(String routeKey, Map<String, String> path, Map<String, String> query, Caller caller,
            String body, Map<String, String> headers) {
        return ApiEvents.call((in, out) -> handler.handleRequest(in, out, null),
                ApiEvents.event(routeKey, path, query, caller, body, headers));
    }

    static String certificationBody(String uscc, String kind, String level, String certificateNo) {
        return """
                {"uscc":"%s","kind":"%s","level":"%s","renewal":false,"platformName":"毕节测试平台",
                 "certificateNo":"%s","issuedOn":"2026-11-02","authority":"科技部"}""".formatted(uscc, kind, level,
                certificateNo);
    }

    @Test
    void postCertification_answers201_withTheApiFields() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");

        Answer answer = measured("POST /certifications", () -> call("POST /certifications", Map.of(), STAFF,
                certificationBody(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", "GR-H1")));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().fieldNames()).toIterable().contains("certificationId", "uscc", "kind", "level",
                "renewal", "platformName", "certificateNo", "issuedOn", "expiresOn", "status", "subsidyEligible",
                "subsidyNote");
        assertThat(answer.json().path("expiresOn").asText()).isEqualTo("2029-11-02");
        assertThat(answer.json().path("subsidyEligible").asBoolean()).isTrue();
    }

    @Test
    void postCertification_twice_isConflict_andWithTheSameKey_theFirstAnswerAgain() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        String body = certificationBody(uscc, "KEY_LABORATORY", "PROVINCIAL", "KL-H1");
        Map<String, String> key = Map.of("idempotency-key", "rec-" + uscc);

        Answer first = call("POST /certifications", Map.of(), Map.of(), STAFF, body, key);
        Answer replay = call("POST /certifications", Map.of(), Map.of(), STAFF, body, key);
        Answer duplicate = call("POST /certifications", Map.of(), STAFF, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.errorCode()).isEqualTo("CONFLICT");
    }

    @Test
    void decision_byStaff_certifies_andByOthers_isForbidden() {
        String uscc = newUscc();
        bureau.organization(uscc, "520521");
        String applicationId = bureau.application(uscc, "ENTERPRISE_TECH_CENTER", "NATIONAL", false, "ETC-H1");
        String certify = "{\"outcome\":\"CERTIFIED\"}";
        Map<String, String> path = Map.of("applicationId", applicationId);

        for (Caller forbidden : new Caller[] {applicant(uscc), FINANCE, SUPERVISOR}) {
            Answer answer = call("POST /applications/{applicationId}/decision", path, forbidden, certify);
            assertThat(answer.status()).as(forbidden.roles().toString()).isEqualTo(403);
            assertThat(answer.errorCode()).isEqualTo("FORBIDDEN");
        }
        Answer decided = measured("POST /applications/{id}/decision (CERTIFIED)",
                () -> call("POST /applications/{applicationId}/decision", path, STAFF, certify));
        Answer again = call("POST /applications/{applicationId}/decision", path, STAFF, certify);

        assertThat(decided.status()).isEqualTo(200);
        assertThat(decided.json().path("status").asText()).isEqualTo("CERTIFIED");
        assertThat(decided.json().path("certificationId").asText()).startsWith("cert-");
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void decision_isNotFound_forAnApplicationThatDoesNotExist() {
        Answer answer = call("POST /applications/{applicationId}/decision", Map.of("applicationId", "app-none"),
                STAFF, "{\"outcome\":\"REJECTED\",\"reason\":\"不符合条件\"}");

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void applicants_mayNotRecordOrRevoke() {
        String uscc = newUscc();
        bureau.organization(uscc, "520523");
        String id = bureau.record(uscc, "MAKERSPACE", "PROVINCIAL", false, "MS-H1", "2026-10-01").certificationId();

        Answer record = call("POST /certifications", Map.of(), applicant(uscc),
                certificationBody(uscc, "MAKERSPACE", "PROVINCIAL", "MS-H2"));
        Answer revoke = call("POST /certifications/{certificationId}/revocation", Map.of("certificationId", id),
                applicant(uscc), "{\"reason\":\"自行撤销\"}");

        assertThat(record.status()).isEqualTo(403);
        assertThat(revoke.status()).isEqualTo(403);
        assertThat(bureau.certificationStore.find(id).orElseThrow().status().name()).isEqualTo("ACTIVE");
    }

    @Test
    void anotherOrganisationsCertification_isNotFound_exactlyLikeAMissingOne() {
        String owner = newUscc();
        bureau.organization(owner, "520524");
        String id = bureau.record(owner, "MAKERSPACE", "PROVINCIAL", false, "MS-H3", "2026-10-01").certificationId();
        Caller stranger = applicant(newUscc());

        Answer foreign = call("GET /certifications/{certificationId}", Map.of("certificationId", id), stranger, null);
        Answer missing = call("GET /certifications/{certificationId}",
                Map.of("certificationId", "cert-00000000000000000000000000000000"), stranger, null);
        Answer own = measured("GET /certifications/{id}", () -> call("GET /certifications/{certificationId}",
                Map.of("certificationId", id), applicant(owner), null));

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().path("error").path("message").asText())
                .isEqualTo(missing.json().path("error").path("message").asText());
        assertThat(own.status()).isEqualTo(200);
    }

    @Test
    void revocation_answers200_withTheRevokedCertification() {
        String uscc = newUscc();
        bureau.organization(uscc, "520525");
        String id = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-H9")
                .certificationId();

        Answer answer = measured("POST /certifications/{id}/revocation", () -> call(
                "POST /certifications/{certificationId}/revocation", Map.of("certificationId", id), STAFF,
                "{\"reason\":\"复核不合格\"}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("REVOKED");
        assertThat(bureau.subsidyOf(id).status().name()).isEqualTo("CANCELLED");
    }

    @Test
    void list_filtersByStatusAndKind_inOneQuery() {
        String uscc = newUscc();
        bureau.organization(uscc, "520526");
        bureau.record(uscc, "TECH_TRANSFER_INSTITUTION", "PROVINCIAL", false, "TT-1", "2026-10-01");

        Answer answer = measured("GET /certifications?uscc&kind", () -> call("GET /certifications", Map.of(),
                Map.of("uscc", uscc, "kind", "TECH_TRANSFER_INSTITUTION"), SUPERVISOR, null, Map.of()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("items")).hasSize(1);
        assertThat(answer.json().has("nextToken")).isTrue();
    }

    @Test
    void badInput_isA400_namingTheField_andNeverWritesAnything() {
        Answer unknownField = call("POST /certifications", Map.of(), STAFF, "{\"uscc\":\"x\",\"bonus\":1}");
        Answer malformed = call("POST /certifications", Map.of(), STAFF, "{\"uscc\":");
        Answer badStatus = call("GET /certifications", Map.of(), Map.of("status", "GONE"), STAFF, null, Map.of());

        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("error").path("details").get(0).path("field").asText())
                .isEqualTo("bonus");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().path("error").path("details").get(0).path("field").asText())
                .isEqualTo("status");
    }

    static Answer measured(String request, java.util.function.Supplier<Answer> call) {
        bureau.table.resetCalls();
        Answer answer = call.get();
        CALLS.put(request, bureau.table.calls());
        System.out.println("DynamoDB calls for " + request + ": " + bureau.table.calls());
        return answer;
    }

    @org.junit.jupiter.api.AfterAll
    static void callsPerRequest() {
        // a write is one TransactWriteItems after its reads; a read is one call
        CALLS.forEach((request, calls) -> assertThat(calls.getOrDefault("TransactWriteItems", 0))
                .as(request).isLessThanOrEqualTo(1));
        assertThat(CALLS.get("POST /certifications")).containsExactlyInAnyOrderEntriesOf(
                Map.of("Query", 1, "TransactWriteItems", 1));
        assertThat(CALLS.get("GET /certifications?uscc&kind")).containsExactlyEntriesOf(Map.of("Query", 1));
        assertThat(CALLS.get("GET /certifications/{id}")).containsExactlyEntriesOf(Map.of("GetItem", 1));
    }
}
