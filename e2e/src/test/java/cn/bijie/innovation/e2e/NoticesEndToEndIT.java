package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 公示 through the local runner: certify → subsidy (stream) → notice → an objection lodged and dismissed → the daily
 * close on a given date → awaiting payment → paid; the ledger, its CSV, the forecast and the progress report follow the
 * records; bad input is a 4xx and changes nothing. Every answer is held against openapi.yaml.
 */
class NoticesEndToEndIT {
    static final ZoneId BIJIE = ZoneId.of("Asia/Shanghai");
    static final String TODAY = LocalDate.now(BIJIE).toString();

    static ContractedApi api;
    static Bureau bureau;

    @BeforeAll
    static void start() {
        api = new ContractedApi(LocalApi.shared());
        bureau = new Bureau(api);
    }

    static JsonNode ledger() {
        return Bureau.expect(api.call("GET", "/ledger", bureau.finance(), null), 200).json();
    }

    static long status(JsonNode ledger, String status, String field) {
        for (JsonNode line : ledger.path("byStatus")) {
            if (line.path("status").asText().equals(status)) {
                return line.path(field).asLong();
            }
        }
        return 0;
    }

    static String subsidyStatus(String subsidyId) {
        return Bureau.expect(api.call("GET", "/subsidies/" + subsidyId, bureau.finance(), null), 200).json()
                .path("status").asText();
    }

    static Reply close(String endsOn) {
        return api.api().schedule("NoticesFunction", LocalDate.parse(endsOn).plusDays(1).atTime(9, 30).atZone(BIJIE)
                .toInstant().toString());
    }

    @Test
    void certify_subsidy_notice_objectionDismissed_periodEnds_paid_andTheLedgerFollows() {
        JsonNode before = ledger();
        String uscc = bureau.organization();
        String subsidyId = bureau.subsidy(uscc);
        assertThat(subsidyStatus(subsidyId)).isEqualTo("AWAITING_NOTICE");

        JsonNode notice = Bureau.expect(api.call("POST", "/notices", bureau.staff(), LocalApi.write(Map.of(
                "title", "2026年第一批高新技术企业补助公示", "subsidyIds", List.of(subsidyId)))), 201).json();
        String noticeId = notice.path("noticeId").asText();
        assertThat(subsidyStatus(subsidyId)).isEqualTo("ON_NOTICE");

        // the public sees name, recognition, amount and clause, nothing personal
        Reply shown = Bureau.expect(api.call("GET", "/public/notices/" + noticeId, null, null), 200);
        assertThat(shown.json().path("entries").path(0).path("amountYuan").asLong()).isEqualTo(500_000L);
        assertThat(shown.body()).doesNotContain(uscc, "contactEmail", "createdBy");
        assertThat(Bureau.expect(api.call("GET", "/public/notices?status=OPEN", null, null), 200).body())
                .contains(noticeId);

        // paying during the notice: 409, nothing changed
        Reply early = api.call("POST", "/subsidies/" + subsidyId + "/disbursement", bureau.finance(),
                "{\"paidOn\":\"" + TODAY + "\",\"voucherNo\":\"BJCZ-E1\"}");
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(subsidyStatus(subsidyId)).isEqualTo("ON_NOTICE");

        // an objection in HTML is stored as text; 100 KiB is refused before it is read
        String html = "<script>alert(1)</script><b>补助对象研发投入不实</b>";
        String objectionId = Bureau.expect(api.call("POST", "/public/notices/" + noticeId + "/objections", null,
                LocalApi.write(Map.of("subsidyId", subsidyId, "text", html))), 201).json().path("objectionId").asText();
        Reply huge = api.call("POST", "/public/notices/" + noticeId + "/objections", null,
                LocalApi.write(Map.of("subsidyId", subsidyId, "text", "异".repeat(100 * 1024 / 3 + 1))));
        assertThat(huge.status()).isEqualTo(413);
        JsonNode detail = Bureau.expect(api.call("GET", "/notices/" + noticeId, bureau.staff(), null), 200).json();
        assertThat(detail.path("objections")).hasSize(1);
        assertThat(detail.path("objections").path(0).path("text").asText()).isEqualTo(html);

        // the period ends with the objection undecided: the close waits for staff
        Reply waiting = Bureau.expect(close(notice.path("endsOn").asText()), 200);
        assertThat(waiting.json().path("waitingForDecisions").toString()).contains(noticeId);
        assertThat(subsidyStatus(subsidyId)).isEqualTo("ON_NOTICE");

        Bureau.expect(api.call("POST", "/notices/" + noticeId + "/objections/" + objectionId + "/decision",
                bureau.staff(), "{\"outcome\":\"DISMISSED\",\"reason\":\"经核查，研发费用归集符合规定\"}"), 200);
        Reply closed = Bureau.expect(close(notice.path("endsOn").asText()), 200);
        assertThat(closed.json().path("closed").toString()).contains(noticeId);
        assertThat(subsidyStatus(subsidyId)).isEqualTo("AWAITING_PAYMENT");

        Reply paid = api.call("POST", "/subsidies/" + subsidyId + "/disbursement", bureau.finance(),
                "{\"paidOn\":\"" + TODAY + "\",\"voucherNo\":\"BJCZ-E2\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(subsidyStatus(subsidyId)).isEqualTo("PAID");

        JsonNode after = ledger();
        assertThat(status(after, "PAID", "count") - status(before, "PAID", "count")).isEqualTo(1);
        assertThat(status(after, "PAID", "yuan") - status(before, "PAID", "yuan")).isEqualTo(500_000L);
        assertThat(status(after, "ON_NOTICE", "count")).isEqualTo(status(before, "ON_NOTICE", "count"));
        Reply csv = Bureau.expect(api.call("GET", "/ledger?format=csv", bureau.supervisor(), null), 200);
        assertThat(csv.body()).startsWith("\uFEFF维度,值,名称,状态,笔数,金额(元)");
        assertThat(csv.body()).contains("全部,,,PAID," + status(after, "PAID", "count") + ","
                + status(after, "PAID", "yuan"));

        JsonNode forecast = Bureau.expect(api.call("GET", "/ledger/forecast", bureau.finance(), null), 200).json();
        assertThat(forecast.path("months")).hasSize(12);
        assertThat(forecast.path("assumptions").size()).isGreaterThan(0);

        Reply report = Bureau.expect(api.call("GET", "/reports/progress?period=2020&format=html", bureau.supervisor(),
                null), 200);
        assertThat(report.body()).contains("<svg", "@page{size:A4", "lang=\"zh-CN\"");
        Reply reportCsv = Bureau.expect(api.call("GET", "/reports/progress?period=2020&format=csv",
                bureau.supervisor(), null), 200);
        assertThat(reportCsv.body()).startsWith("\uFEFF");
        api.assertConforms();
    }

    @Test
    void aSubsidyNotReady_andObjectionsToAClosedOrMissingNotice_are4xx_andChangeNothing() {
        String uscc = bureau.organization();
        String subsidyId = bureau.subsidy(uscc);
        JsonNode notice = Bureau.expect(api.call("POST", "/notices", bureau.staff(), LocalApi.write(Map.of(
                "title", "补助公示", "subsidyIds", List.of(subsidyId)))), 201).json();

        Reply again = api.call("POST", "/notices", bureau.staff(), LocalApi.write(Map.of("title", "补助公示",
                "subsidyIds", List.of(subsidyId))));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        Reply empty = api.call("POST", "/notices", bureau.staff(), "{\"title\":\"补助公示\",\"subsidyIds\":[]}");
        assertThat(empty.status()).isEqualTo(400);
        Reply notListed = api.call("POST", "/public/notices/" + notice.path("noticeId").asText() + "/objections", null,
                LocalApi.write(Map.of("subsidyId", Bureau.missing(subsidyId), "text", "异议")));
        assertThat(notListed.status()).isEqualTo(400);
        Reply missing = api.call("POST", "/public/notices/" + Bureau.missing(notice.path("noticeId").asText())
                + "/objections", null, LocalApi.write(Map.of("subsidyId", subsidyId, "text", "异议")));
        assertThat(missing.status()).isEqualTo(404);
        JsonNode detail = Bureau.expect(api.call("GET", "/notices/" + notice.path("noticeId").asText(),
                bureau.supervisor(), null), 200).json();
        assertThat(detail.path("objections")).isEmpty();
        assertThat(subsidyStatus(subsidyId)).isEqualTo("ON_NOTICE");

        // objections: five an hour from one address to one notice
        for (int i = 0; i < 5; i++) {
            Bureau.expect(api.call("POST", "/public/notices/" + notice.path("noticeId").asText() + "/objections", null,
                    LocalApi.write(Map.of("subsidyId", subsidyId, "text", "异议" + i))), 201);
        }
        Reply limited = api.call("POST", "/public/notices/" + notice.path("noticeId").asText() + "/objections", null,
                LocalApi.write(Map.of("subsidyId", subsidyId, "text", "第六条")));
        assertThat(limited.status()).isEqualTo(429);
        api.assertConforms();
    }
}
