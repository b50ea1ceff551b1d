package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 through the local runner over HTTP: the same certificate recorded twice in another bracket style is a 409
 * naming the first and pays once; a high-tech enterprise recognised again is a renewal whatever the caller claimed;
 * an organisation's platforms are listed; counts on a date come from the history.
 */
class PlatformsEndToEndIT {
    static LocalApi api;
    static Bureau bureau;
    static String staff;
    static String finance;

    @BeforeAll
    static void start() {
        api = LocalApi.shared();
        bureau = new Bureau(new ContractedApi(api));
        staff = api.roleToken("staff");
        finance = api.roleToken("finance");
        assertThat(api.openSubsidyWindow().status()).isEqualTo(200);
    }

    static Reply record(String uscc, String kind, String level, boolean renewal, String name, String number,
            String issuedOn) {
        return api.call("POST", "/certifications", staff, """
                {"uscc":"%s","kind":"%s","level":"%s","renewal":%s,"platformName":"%s","certificateNo":"%s",
                 "issuedOn":"%s"}""".formatted(uscc, kind, level, renewal, name, number, issuedOn));
    }

    static List<JsonNode> subsidies(String uscc) {
        api.drainStreams();
        List<JsonNode> items = new ArrayList<>();
        api.call("GET", "/subsidies?uscc=" + uscc, finance, null).json().path("items").forEach(items::add);
        return items;
    }

    @Test
    void theSameCertificateInAnotherBracketStyle_isConflictNamingTheFirst_andPaysOnce() {
        String uscc = bureau.organization();
        String number = "黔科合平台〔2025〕" + Bureau.random();
        Reply first = record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "毕节重点实验室", number, "2025-04-01");
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        Reply again = record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "毕节重点实验室",
                number.replace('〔', '[').replace('〕', ']'), "2025-04-08");

        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains(first.json().path("certificationId").asText());
        assertThat(subsidies(uscc)).singleElement()
                .satisfies(s -> assertThat(s.path("amountYuan").asLong()).isEqualTo(500_000L));
        Reply platforms = api.call("GET", "/organizations/" + uscc + "/platforms", staff, null);
        assertThat(platforms.status()).isEqualTo(200);
        assertThat(platforms.json().path("items")).hasSize(1);
        assertThat(platforms.json().path("items").get(0).path("recognitions")).hasSize(1);
    }

    @Test
    void aHighTechEnterpriseRecognisedAgain_isARenewal_whateverTheCallerClaimed() {
        String uscc = bureau.organization();
        Reply earlier = record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "毕节黔丰", "GR2021" + Bureau.random(),
                "2021-11-20");
        Reply later = record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "毕节黔丰", "GR2024" + Bureau.random(),
                "2024-11-20");

        assertThat(later.status()).as(later.body()).isEqualTo(201);
        assertThat(later.json().path("renewal").asBoolean()).isTrue();
        assertThat(later.json().path("renewalClaimed").asBoolean()).isFalse();
        String laterId = later.json().path("certificationId").asText();
        JsonNode renewal = subsidies(uscc).stream()
                .filter(s -> s.path("certificationId").asText().equals(laterId)).findFirst().orElseThrow();
        assertThat(renewal.path("rule").asText()).isEqualTo("HIGH_TECH_ENTERPRISE_RENEWAL");
        assertThat(renewal.path("classification").asText()).isEqualTo("RENEWAL");
        assertThat(earlier.json().path("platformId").asText()).isEqualTo(later.json().path("platformId").asText());

        Reply asOf = api.call("GET", "/indicators?period=2020&asOf=2022-01-01", null, null);
        assertThat(asOf.status()).as(asOf.body()).isEqualTo(200);
        assertThat(asOf.json().path("deadline").asText()).isEqualTo("2020-12-31");
        assertThat(asOf.json().path("indicators").get(0).path("actual").asLong()).isPositive();
    }

    @Test
    void twoRecordsOfOnePlatformMerged_payTheProvincialLevelOnce_andTheMergedOneIsListedAsMerged() {
        ContractedApi contracted = new ContractedApi(api);
        String uscc = bureau.organization();
        Reply a = record(uscc, "ENGINEERING_RESEARCH_CENTER", "PROVINCIAL", false, "毕节煤化工工程研究中心",
                "黔科合平台〔2025〕" + Bureau.random(), "2025-03-01");
        Reply b = record(uscc, "TECH_INNOVATION_CENTER", "PROVINCIAL", false, "毕节市煤化工技术创新中心",
                "黔科合平台〔2025〕" + Bureau.random(), "2025-06-01");
        String from = a.json().path("platformId").asText();
        String into = b.json().path("platformId").asText();
        assertThat(subsidies(uscc)).hasSize(2).allSatisfy(s -> assertThat(s.path("amountYuan").asLong())
                .isEqualTo(500_000L));
        String body = "{\"into\":\"" + into + "\",\"reason\":\"经核实为同一平台，重复登记\"}";
        String path = "/organizations/" + uscc + "/platforms/" + from + "/merge";

        assertThat(contracted.call("POST", path, api.applicantToken(uscc), body).status()).isEqualTo(403);
        Reply merged = contracted.call("POST", path, staff, body, "Idempotency-Key", "merge-" + uscc);
        Reply replay = contracted.call("POST", path, staff, body, "Idempotency-Key", "merge-" + uscc);

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("merged").path("status").asText()).isEqualTo("MERGED");
        assertThat(merged.json().path("kept").path("recognitions")).hasSize(2);
        assertThat(replay.body()).isEqualTo(merged.body());
        JsonNode platforms = contracted.call("GET", "/organizations/" + uscc + "/platforms", staff, null).json()
                .path("items");
        assertThat(platforms).hasSize(2);
        platforms.forEach(p -> assertThat(p.path("status").asText())
                .isEqualTo(p.path("platformId").asText().equals(from) ? "MERGED" : "ACTIVE"));
        List<JsonNode> after = subsidies(uscc);
        assertThat(after).filteredOn(s -> s.path("status").asText().equals("AWAITING_NOTICE")).singleElement()
                .satisfies(s -> assertThat(s.path("amountYuan").asLong()).isEqualTo(500_000L));
        assertThat(after).filteredOn(s -> s.path("status").asText().equals("NOT_PAYABLE")).singleElement()
                .satisfies(s -> assertThat(s.path("classification").asText()).isEqualTo("REPEAT"));
        assertThat(contracted.call("POST", path, staff, body.replace(into, from)).status()).isEqualTo(400);
    }

    @Test
    void anApplicationNamingAnotherOrganisationsPlatform_isRefused_andItsOwn_isKept() {
        ContractedApi contracted = new ContractedApi(api);
        String uscc = bureau.organization();
        String other = bureau.organization();
        String own = record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "本单位重点实验室", "黔科合平台〔2025〕"
                + Bureau.random(), "2025-03-01").json().path("platformId").asText();
        String theirs = record(other, "KEY_LABORATORY", "PROVINCIAL", false, "他单位重点实验室", "黔科合平台〔2025〕"
                + Bureau.random(), "2025-03-01").json().path("platformId").asText();
        String applicant = api.applicantToken(uscc);
        String body = """
                {"uscc":"%s","kind":"KEY_LABORATORY","level":"NATIONAL","renewal":false,"platformName":"国家重点实验室毕节分室",
                 "certificateNo":"国科发基〔2025〕%s","issuedOn":"%s","platformId":"%%s"}"""
                .formatted(uscc, Bureau.random(), Bureau.today().minusDays(5));

        Reply refused = contracted.call("POST", "/applications", applicant, body.formatted(theirs));
        Reply kept = contracted.call("POST", "/applications", applicant, body.formatted(own));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("platformId").doesNotContain(other);
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        String id = kept.json().path("applicationId").asText();
        JsonNode review = contracted.call("GET", "/applications/" + id, staff, null).json().path("review");
        assertThat(review.path("namedPlatformId").asText()).isEqualTo(own);
        assertThat(review.path("platformId").asText()).isEqualTo(own);
        assertThat(review.path("matchedPlatformExists").asBoolean()).isFalse();
    }
}
