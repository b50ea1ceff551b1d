package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 through the local runner: staff designate the tier (the applicant cannot), admit the enterprise to the
 * reserve pool and coach it; it is recognised as a high-tech enterprise, the stream converts it, and the statistics
 * move by one. Every answer is held against openapi.yaml.
 */
class CultivationEndToEndIT {
    static ContractedApi api;
    static Bureau bureau;

    @BeforeAll
    static void start() {
        api = new ContractedApi(LocalApi.shared());
        bureau = new Bureau(api);
    }

    @AfterAll
    static void conforms() {
        api.assertConforms();
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    static JsonNode row(JsonNode statistics, String dimension, String code) {
        for (JsonNode line : statistics.path("lines")) {
            if (line.path("dimension").asText().equals(dimension) && line.path("code").asText().equals(code)) {
                return line;
            }
        }
        return LocalApi.JSON.createObjectNode();
    }

    @Test
    void tierPoolCoaching_thenRecognition_convertsTheEnterprise_andMovesTheStatisticsByOne() {
        String uscc = bureau.organization();
        String staff = bureau.staff();
        int intake = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

        Reply refused = api.call("PUT", "/organizations/" + uscc + "/tier", bureau.applicant(uscc),
                "{\"tier\":\"SEED\",\"effectiveOn\":\"" + today() + "\",\"reason\":\"自荐\"}");
        Reply tier = api.call("PUT", "/organizations/" + uscc + "/tier", staff,
                "{\"tier\":\"LITTLE_GIANT_GROWING\",\"effectiveOn\":\"" + today() + "\",\"reason\":\"入选小巨人成长企业名单\"}");
        JsonNode before = api.call("GET", "/cultivation/statistics", bureau.supervisor(), null).json();

        Reply pooled = api.call("POST", "/cultivation/pool", staff, """
                {"uscc":"%s","intake":%d,"criteria":{"INDUSTRY":"NEW_MATERIALS","RD_SHARE_PERCENT":"6.5","IP_COUNT":"4"}}"""
                .formatted(uscc, intake));
        Reply twice = api.call("POST", "/cultivation/pool", staff, """
                {"uscc":"%s","intake":%d,"criteria":{"IP_COUNT":"4"}}""".formatted(uscc, intake));
        Reply coached = api.call("POST", "/organizations/" + uscc + "/coaching", staff,
                "{\"date\":\"" + today() + "\",\"kind\":\"ONE_ON_ONE\",\"notes\":\"研发费用归集辅导\"}");
        Reply future = api.call("POST", "/organizations/" + uscc + "/coaching", staff,
                "{\"date\":\"2999-01-01\",\"kind\":\"ONE_ON_ONE\",\"notes\":\"x\"}");
        Reply ready = api.call("PUT", "/organizations/" + uscc + "/readiness", staff,
                "{\"met\":[\"REGISTERED_ONE_YEAR\",\"CORE_IP\"]}");
        Reply own = api.call("GET", "/organizations/" + uscc + "/cultivation", bureau.applicant(uscc), null);
        Reply other = api.call("GET", "/organizations/" + uscc + "/cultivation", bureau.applicant(Bureau.newUscc()),
                null);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(tier.status()).isEqualTo(200);
        assertThat(pooled.status()).as(pooled.body()).isEqualTo(201);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(coached.status()).isEqualTo(201);
        assertThat(future.status()).isEqualTo(400);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("pool")).singleElement()
                .satisfies(e -> assertThat(e.path("convertedOn").isNull()).isTrue());
        assertThat(own.json().path("coaching")).hasSize(1);
        assertThat(own.json().path("checklist")).hasSize(8);
        assertThat(other.status()).isEqualTo(404);
        String directory = "/organizations?inPool=true&q=" + URLEncoder.encode("黔丰", StandardCharsets.UTF_8)
                + "&tier=LITTLE_GIANT_GROWING&limit=100";
        assertThat(collect(directory, staff)).contains(uscc);

        String certificationId = bureau.highTechCertification(uscc);
        api.api().drainStreams();

        Reply after = api.call("GET", "/organizations/" + uscc + "/cultivation", bureau.applicant(uscc), null);
        JsonNode stats = api.call("GET", "/cultivation/statistics", bureau.supervisor(), null).json();
        assertThat(after.json().path("pool")).singleElement().satisfies(e -> {
            assertThat(e.path("certificationId").asText()).isEqualTo(certificationId);
            assertThat(e.path("convertedOn").asText()).isNotEmpty();
        });
        for (String[] r : new String[][] {{"ALL", "ALL"}, {"COUNTY", "520502"}, {"TIER", "LITTLE_GIANT_GROWING"}}) {
            JsonNode was = row(before, r[0], r[1]);
            JsonNode now = row(stats, r[0], r[1]);
            assertThat(now.path("poolConverted").asLong()).as(r[1]).isEqualTo(was.path("poolConverted").asLong() + 1);
            assertThat(now.path("poolEntered").asLong()).as(r[1]).isEqualTo(was.path("poolEntered").asLong() + 1);
            assertThat(now.path("recognitionsByKind").path("HIGH_TECH_ENTERPRISE").asLong()).as(r[1])
                    .isEqualTo(was.path("recognitionsByKind").path("HIGH_TECH_ENTERPRISE").asLong() + 1);
        }
        assertThat(collect("/organizations?holds=HIGH_TECH_ENTERPRISE&q="
                + URLEncoder.encode("黔丰", StandardCharsets.UTF_8) + "&limit=100", staff)).contains(uscc);
        assertThat(collect(directory, staff)).doesNotContain(uscc);
    }

    @Test
    void statisticsCsv_hasABom_andTheForecastIsForStaff() {
        Reply csv = api.call("GET", "/cultivation/statistics?format=csv", bureau.staff(), null);
        Reply forecast = api.call("GET", "/cultivation/forecast?period=2020", bureau.supervisor(), null);
        Reply applicant = api.call("GET", "/cultivation/forecast", bureau.applicant(Bureau.newUscc()), null);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF维度,代码,名称");
        assertThat(forecast.json().path("items").get(0).path("indicatorId").asText()).isEqualTo("HIGH_TECH_ENTERPRISE");
        assertThat(forecast.json().path("items").get(0).path("assumptions")).isNotEmpty();
        assertThat(applicant.status()).isEqualTo(403);
    }

    /** Every uscc of a directory list, following nextToken. */
    static java.util.List<String> collect(String path, String token) {
        java.util.List<String> usccs = new java.util.ArrayList<>();
        String next = null;
        do {
            Reply page = api.call("GET", path + (next == null ? "" : "&nextToken=" + next), token, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().path("items").forEach(i -> usccs.add(i.path("uscc").asText()));
            next = page.json().path("nextToken").isNull() ? null : page.json().path("nextToken").asText();
        } while (next != null);
        return usccs;
    }
}
