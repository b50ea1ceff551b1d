package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The heart of the programme through the local runner over HTTP: a recognition, the subsidy the runner's stream poller
 * has the subsidy function compute, finance paying it; revocation and the renewal parameter along the way.
 */
class SubsidiesEndToEndIT {
    static final String TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    static LocalApi api;
    static String staff;
    static String finance;

    @BeforeAll
    static void start() {
        api = LocalApi.shared();
        staff = api.roleToken("staff");
        finance = api.roleToken("finance");
        assertThat(api.openSubsidyWindow().status()).isEqualTo(200);
    }

    /** Valid codes (check character computed) that only this class uses: one organisation per test. */
    static final List<String> ORGANISATIONS = List.of(
            "91520502E2E0000011", "91520502E2E0000024", "91520502E2E0000037", "91520502E2E000004A",
            "91520502E2E000005D", "91520502E2E000006G", "91520502E2E000007K", "91520502E2E000008N",
            "91520502E2E000009R", "91520502E2E000010Y", "91520502E2E0000112", "91520502E2E0000125",
            "91520502E2E0000138", "91520502E2E000014B", "91520502E2E000015E", "91520502E2E000016H");
    static final AtomicInteger NEXT = new AtomicInteger();

    static String newUscc() {
        return ORGANISATIONS.get(NEXT.getAndIncrement());
    }

    static String organization() {
        String uscc = newUscc();
        Reply put = api.call("PUT", "/organizations/" + uscc, api.applicantToken(uscc), """
                {"name":"毕节测试科技有限公司","county":"520502","industry":"BIOMEDICINE","contactEmail":"c@example.com"}""");
        assertThat(put.status()).isEqualTo(200);
        return uscc;
    }

    static String certificationBody(String uscc, String kind, String level, boolean renewal, String certificateNo) {
        return """
                {"uscc":"%s","kind":"%s","level":"%s","renewal":%s,"platformName":"毕节测试平台",
                 "certificateNo":"%s","issuedOn":"%s"}""".formatted(uscc, kind, level, renewal, certificateNo, TODAY);
    }

    /** The organisation's subsidies once the stream has been delivered. */
    static JsonNode subsidies(String uscc) {
        api.drainStreams();
        Reply list = api.call("GET", "/subsidies?uscc=" + uscc, finance, null);
        assertThat(list.status()).isEqualTo(200);
        return list.json().path("items");
    }

    static JsonNode subsidyOf(String uscc, String certificationId) {
        for (JsonNode subsidy : subsidies(uscc)) {
            if (subsidy.path("certificationId").asText().equals(certificationId)) {
                return subsidy;
            }
        }
        return null;
    }

    /** What POLICY.md gives a new recognition: kind, level, amount (none for an academician workstation). */
    static Stream<Arguments> amounts() {
        return Stream.of(
                Arguments.of("HIGH_TECH_ENTERPRISE", "NATIONAL", 100_000L),
                Arguments.of("KEY_LABORATORY", "PROVINCIAL", 500_000L),
                Arguments.of("ENTERPRISE_TECH_CENTER", "NATIONAL", 1_000_000L),
                Arguments.of("ACADEMICIAN_WORKSTATION", "PROVINCIAL", null));
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("amounts")
    void applicationCertified_earnsThePolicyAmount_andFinancePaysIt(String kind, String level, Long amount)
            throws Exception {
        String uscc = organization();
        String applicant = api.applicantToken(uscc);
        Reply application = api.call("POST", "/applications", applicant,
                certificationBody(uscc, kind, level, false, "E2E-" + uscc));
        assertThat(application.status()).as(application.body()).isEqualTo(201);
        String applicationId = application.json().path("applicationId").asText();

        upload(applicant, applicationId);
        Reply decision = api.call("POST", "/applications/" + applicationId + "/decision", staff,
                "{\"outcome\":\"CERTIFIED\"}");
        assertThat(decision.status()).as(decision.body()).isEqualTo(200);
        String certificationId = decision.json().path("certificationId").asText();

        assertEarnedThenPaid(uscc, certificationId, amount, applicant);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @MethodSource("amounts")
    void certificationFromAnOfficialList_earnsThePolicyAmount_andFinancePaysIt(String kind, String level,
            Long amount) {
        String uscc = organization();
        Reply recorded = api.call("POST", "/certifications", staff,
                certificationBody(uscc, kind, level, false, "LIST-" + uscc));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        String certificationId = recorded.json().path("certificationId").asText();

        assertEarnedThenPaid(uscc, certificationId, amount, api.applicantToken(uscc));
    }

    /**
     * The subsidy the stream made of a certification: the policy amount, explained, then paid by finance; or none,
     * and the certification says why.
     */
    static void assertEarnedThenPaid(String uscc, String certificationId, Long amount, String owner) {
        JsonNode subsidy = subsidyOf(uscc, certificationId);
        if (amount == null) {
            assertThat(subsidy).isNull();
            Reply certification = api.call("GET", "/certifications/" + certificationId, owner, null);
            assertThat(certification.json().path("subsidyEligible").asBoolean()).isFalse();
            assertThat(certification.json().path("subsidyNote").asText()).contains("不设补助");
            return;
        }
        assertThat(subsidy.path("amountYuan").asLong()).isEqualTo(amount);
        assertThat(subsidy.path("status").asText()).isEqualTo("AWAITING_NOTICE");
        assertThat(subsidy.path("explanation").asText()).contains("实施方案");
        pay(subsidy.path("subsidyId").asText());
    }

    @Test
    void revocation_cancelsAnUnpaidSubsidy_andMakesAPaidOneDueForRecovery() {
        String uscc = organization();
        String unpaid = record(uscc, "TECH_INNOVATION_CENTER", "PROVINCIAL", false, "R-1");
        String paid = record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "R-2");
        pay(subsidyOf(uscc, paid).path("subsidyId").asText());

        for (String certificationId : new String[] {unpaid, paid}) {
            Reply revoked = api.call("POST", "/certifications/" + certificationId + "/revocation", staff,
                    "{\"reason\":\"复核撤销\"}");
            assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        }

        assertThat(subsidyOf(uscc, unpaid).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(subsidyOf(uscc, paid).path("status").asText()).isEqualTo("RECOVERY_DUE");
        assertThat(subsidyOf(uscc, paid).path("certificationRevoked").asBoolean()).isTrue();
        String subsidyId = subsidyOf(uscc, paid).path("subsidyId").asText();
        Reply recovered = api.call("POST", "/subsidies/" + subsidyId + "/recovery", finance,
                "{\"amountYuan\":100000,\"recoveredOn\":\"" + TODAY + "\",\"voucherNo\":\"毕财缴〔2026〕1号\"}");
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(200);
        assertThat(recovered.json().path("status").asText()).isEqualTo("RECOVERED");
        Reply listed = api.call("GET", "/subsidies?uscc=" + uscc + "&status=RECOVERED", finance, null);
        assertThat(listed.json().path("items")).hasSize(1);
    }

    @Test
    void renewal_waitsForItsParameter_andGetsItOnceStaffSetIt() {
        String uscc = organization();
        // a renewal is what the record shows: the enterprise was recognised three years before
        Reply earlier = api.call("POST", "/certifications", staff, certificationBody(uscc, "HIGH_TECH_ENTERPRISE",
                "NATIONAL", false, "RN-0-" + uscc).replace(TODAY, LocalDate.parse(TODAY).minusYears(3).toString()));
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(201);
        String before = record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", true, "RN-1");
        assertThat(subsidyOf(uscc, before).path("status").asText()).isEqualTo("PENDING_AMOUNT");
        long value = 50_000;

        Reply set = api.setParameter("HIGH_TECH_ENTERPRISE_RENEWAL_YUAN", Long.toString(value));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        String after = record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", true, "RN-2");

        JsonNode waited = subsidyOf(uscc, before);
        assertThat(waited.path("status").asText()).isEqualTo("AWAITING_NOTICE");
        assertThat(waited.path("amountYuan").asLong()).isEqualTo(value);
        assertThat(subsidyOf(uscc, after).path("amountYuan").asLong()).isEqualTo(value);
        assertThat(api.call("GET", "/policy", null, null).body()).contains(Long.toString(value));
    }

    @Test
    void applicants_mayNotPayOrSetParameters_andFinanceMayNotDecide() {
        String uscc = organization();
        String certificationId = record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "A-1");
        String subsidyId = subsidyOf(uscc, certificationId).path("subsidyId").asText();
        String applicant = api.applicantToken(uscc);

        assertThat(api.call("POST", "/subsidies/" + subsidyId + "/disbursement", applicant,
                "{\"paidOn\":\"" + TODAY + "\",\"voucherNo\":\"X\"}").status()).isEqualTo(403);
        assertThat(api.call("PUT", "/policy/parameters/PLATFORM_UPGRADE_MODE", applicant,
                "{\"value\":\"DIFFERENCE\"}").status()).isEqualTo(403);
        assertThat(api.call("POST", "/applications/app-any/decision", finance,
                "{\"outcome\":\"CERTIFIED\"}").status()).isEqualTo(403);
        assertThat(api.call("POST", "/certifications/" + certificationId + "/revocation", applicant,
                "{\"reason\":\"x\"}").status()).isEqualTo(403);
    }

    static String record(String uscc, String kind, String level, boolean renewal, String certificateNo) {
        Reply recorded = api.call("POST", "/certifications", staff,
                certificationBody(uscc, kind, level, renewal, certificateNo + "-" + uscc));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        return recorded.json().path("certificationId").asText();
    }

    static void pay(String subsidyId) {
        api.passNotice(subsidyId);
        Reply paid = api.call("POST", "/subsidies/" + subsidyId + "/disbursement", finance,
                "{\"paidOn\":\"" + TODAY + "\",\"voucherNo\":\"BJCZ-" + subsidyId.substring(4, 12) + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().path("status").asText()).isEqualTo("PAID");
    }

    /** The certificate's scan, uploaded with the presigned URL the documents function hands out. */
    static void upload(String applicant, String applicationId) throws Exception {
        byte[] pdf = "%PDF-1.4 毕节 认定证书".getBytes(StandardCharsets.UTF_8);
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(pdf));
        Reply document = api.call("POST", "/applications/" + applicationId + "/documents", applicant, LocalApi.write(
                Map.of("fileName", "证书.pdf", "contentType", "application/pdf", "sizeBytes", pdf.length,
                        "sha256", sha256, "category", "CERTIFICATE")));
        assertThat(document.status()).as(document.body()).isEqualTo(201);
        var put = java.net.http.HttpRequest.newBuilder(java.net.URI.create(document.json().path("uploadUrl").asText()))
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf));
        document.json().path("uploadHeaders").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        var response = java.net.http.HttpClient.newHttpClient().send(put.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
