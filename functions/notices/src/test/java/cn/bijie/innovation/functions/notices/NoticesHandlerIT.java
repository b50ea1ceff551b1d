package cn.bijie.innovation.functions.notices;

import static cn.bijie.innovation.shared.testing.ApiEvents.event;
import static cn.bijie.innovation.shared.testing.ApiEvents.invoke;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.testing.ApiEvents.Claims;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.TestStack;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The notices handler wired as on Lambda: its routes, the schedule's close, the source address, its priming. */
class NoticesHandlerIT {
    static final BureauFixture bureau = new BureauFixture();
    static final NoticesHandler handler = new NoticesHandler(TestStack.shared().environment("NoticesFunction"));

    String subsidy() {
        String uscc = newUscc();
        bureau.organization(uscc, "520581");
        bureau.openSubsidyWindow();
        Certification c = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-H-" + uscc);
        return Subsidy.idFor(c.certificationId());
    }

    @Test
    void open_object_decide_andTheScheduleCloses_keyingTheLimitOnTheAddressApiGatewaySaw() {
        String subsidyId = subsidy();
        Answer opened = invoke(handler, event("POST /notices", Claims.of("staff"), Json.write(Map.of("title",
                "补助拨付前公示", "subsidyIds", List.of(subsidyId)))));
        assertThat(opened.status()).as(opened.rawBody()).isEqualTo(201);
        String noticeId = opened.body().path("noticeId").asText();

        ApiEvent objection = event("POST /public/notices/{noticeId}/objections", null, Json.write(Map.of(
                "subsidyId", subsidyId, "text", "<img src=x onerror=alert(1)>")), noticeId)
                .header(NoticesHandler.SOURCE_HEADER, "6.6.6.6");
        // the address as API Gateway puts it (ApiEvent's own requestContext.http follows the route key only)
        var json = objection.toJson();
        json.with("requestContext").with("http").put("sourceIp", "192.0.2.10");
        Answer lodged = invoke(handler, json.toString());
        assertThat(lodged.status()).as(lodged.rawBody()).isEqualTo(201);
        String hour = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).toString();
        assertThat(bureau.item(Keys.key("NOTICE#" + noticeId, "RATE#192.0.2.10#" + hour))).isNotEmpty();
        assertThat(bureau.item(Keys.key("NOTICE#" + noticeId, "RATE#6.6.6.6#" + hour))).as("a sent header counts for nothing")
                .isEmpty();

        Answer decided = invoke(handler, event("POST /notices/{noticeId}/objections/{objectionId}/decision",
                Claims.of("staff"), "{\"outcome\":\"DISMISSED\",\"reason\":\"异议不成立\"}", noticeId,
                lodged.body().path("objectionId").asText()));
        assertThat(decided.status()).as(decided.rawBody()).isEqualTo(200);

        Instant closeAt = LocalDate.parse(opened.body().path("endsOn").asText()).plusDays(1).atTime(9, 30)
                .atZone(Shanghai.ZONE).toInstant();
        Answer refused = runSchedule("{\"time\":\"" + closeAt.plusSeconds(86_400 * 30) + "\"}");
        assertThat(refused.status()).as("a time far from the clock without overrideClock").isEqualTo(-1);
        Answer closed = runSchedule("{\"time\":\"" + closeAt + "\",\"overrideClock\":true}");
        assertThat(closed.body().path("closed").toString()).contains(noticeId);
        assertThat(bureau.subsidyOf(bureau.subsidyStore.find(subsidyId).orElseThrow().certificationId()).status())
                .isEqualTo(SubsidyStatus.AWAITING_PAYMENT);
        assertThat(bureau.item(Keys.key("REPORT#2020", "SNAP#" + Shanghai.dateOf(closeAt)))).as("the day's snapshot")
                .isNotEmpty();
    }

    /** The schedule's event through the handler: its summary as the body, or status -1 when the run refused it. */
    static Answer runSchedule(String event) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            handler.handleRequest(new java.io.ByteArrayInputStream(event.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    out, null);
            return new Answer(200, Json.tree(out.toString(java.nio.charset.StandardCharsets.UTF_8)), out.toString(),
                    null);
        } catch (IllegalArgumentException e) {
            return new Answer(-1, null, e.getMessage(), null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void ledgerCsv_andTheProgressPage_areForTheirReaders() {
        Answer csv = invoke(handler, event("GET /ledger", Claims.of("finance"), null, Map.of("format", "csv"), Map.of()));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.rawBody()).startsWith("\uFEFF维度");
        assertThat(csv.headers().path("content-type").asText()).startsWith("text/csv");
        assertThat(invoke(handler, event("GET /ledger", Claims.of("staff"), null)).status()).isEqualTo(403);
        assertThat(invoke(handler, event("GET /ledger", Claims.of("finance"), null, Map.of("format", "xml"), Map.of()))
                .status()).isEqualTo(400);

        Answer page = invoke(handler, event("GET /reports/progress", Claims.of("supervisor"), null,
                Map.of("period", "2020", "format", "html", "at", Shanghai.today(bureau.clock).toString()), Map.of()));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.rawBody()).contains("<svg", "size:A4", "高新技术企业");
        assertThat(page.headers().path("content-security-policy").asText()).contains("default-src 'none'");
        assertThat(invoke(handler, event("GET /reports/progress", Claims.of("supervisor"), null,
                Map.of("period", "1999"), Map.of())).status()).isEqualTo(404);
        assertThat(invoke(handler, event("GET /reports/progress", Claims.applicant(newUscc()), null)).status())
                .isEqualTo(403);
    }

    @Test
    void priming_readsAndRefusesEmptyBodies_andWritesNothing() {
        int before = bureau.stack.countItems(bureau.dynamo);
        new NoticesHandler(TestStack.shared().environment("NoticesFunction"));

        Primed primed = Primed.primeAll();

        assertThat(primed.errors()).isEmpty();
        assertThat(primed.statuses("GET /public/notices")).isNotEmpty().containsOnly(200);
        assertThat(primed.statuses("GET /public/notices/{noticeId}")).isNotEmpty().containsOnly(404);
        assertThat(primed.statuses("POST /notices")).isNotEmpty().containsOnly(400);
        assertThat(primed.statuses("GET /ledger")).isNotEmpty().containsOnly(200);
        assertThat(bureau.stack.countItems(bureau.dynamo)).isEqualTo(before);
    }
}
