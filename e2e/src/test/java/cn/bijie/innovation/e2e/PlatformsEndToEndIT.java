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
}
