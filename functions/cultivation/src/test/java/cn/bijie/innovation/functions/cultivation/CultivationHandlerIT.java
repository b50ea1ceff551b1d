package cn.bijie.innovation.functions.cultivation;

import static cn.bijie.innovation.shared.testing.ApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.testing.StreamRecords;
import cn.bijie.innovation.shared.testing.TestData;
import cn.bijie.innovation.shared.testing.TestStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The cultivation function against MiniStack, wired from template.yaml; stream records delivered by hand. */
class CultivationHandlerIT {
    static TestStack stack;
    static CultivationHandler handler;
    static DynamoDbClient dynamo;
    static final int INTAKE = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @BeforeAll
    static void wire() {
        stack = TestStack.shared();
        handler = new CultivationHandler(stack.environment("CultivationFunction"));
        dynamo = stack.dynamoDb();
    }

    static String organization(String county) {
        String uscc = TestData.newUscc();
        TestData.profile(dynamo, stack.table(), uscc, county);
        return uscc;
    }

    static ApiEvent staff(String route) {
        return ApiEvent.of(route).caller("s1", null, Role.STAFF);
    }

    static Answer addToPool(String uscc, String criteria) {
        return invoke(handler, staff("POST /cultivation/pool").body(
                "{\"uscc\":\"" + uscc + "\",\"intake\":" + INTAKE + ",\"criteria\":" + criteria + "}"));
    }

    static long counter(String row, String attribute) {
        var item = dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS("STATS"), "SK", AttributeValue.fromS(row)))).item();
        return item == null || !item.containsKey(attribute) ? 0 : Long.parseLong(item.get(attribute).n());
    }

    /** The handler's answer to a stream batch of one certification recorded ACTIVE. */
    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static List<String> deliver(String uscc, String certificationId) {
        return StreamRecords.deliver(handler, StreamRecords.batch(List.of(StreamRecords.insert(Map.of(
                "type", s("CERTIFICATION"), "certificationId", s(certificationId), "uscc", s(uscc),
                "kind", s("HIGH_TECH_ENTERPRISE"), "level", s("NATIONAL"), "issuedOn", s("2026-10-20"),
                "status", s("ACTIVE"))))));
    }

    @Test
    void aPoolEnterprise_recognised_convertsOnce_howeverOftenTheRecordIsDelivered() throws IOException {
        String uscc = organization("520525");
        long entered = counter("COUNTY#520525", "poolEntered");
        long converted = counter("COUNTY#520525", "poolConverted");
        long recognised = counter("COUNTY#520525", "recognitions#HIGH_TECH_ENTERPRISE");
        long thisYear = counter("COUNTY#520525", "conversions#2026");

        assertThat(addToPool(uscc, "{\"IP_COUNT\":\"3\",\"INDUSTRY\":\"BIOMEDICINE\"}").status()).isEqualTo(201);
        String certificationId = "cert-" + UUID.randomUUID().toString().replace("-", "");
        List<String> first = deliver(uscc, certificationId);
        List<String> again = deliver(uscc, certificationId);

        assertThat(first).isEmpty();
        assertThat(again).isEmpty();
        Answer view = invoke(handler, ApiEvent.of("GET /organizations/{uscc}/cultivation").path("uscc", uscc)
                .caller("a", uscc, Role.APPLICANT));
        assertThat(view.body().path("pool")).singleElement().satisfies(e -> {
            assertThat(e.path("certificationId").asText()).isEqualTo(certificationId);
            assertThat(e.path("convertedOn").asText()).isEqualTo("2026-10-20");
        });
        assertThat(counter("COUNTY#520525", "poolEntered")).isEqualTo(entered + 1);
        assertThat(counter("COUNTY#520525", "poolConverted")).isEqualTo(converted + 1);
        assertThat(counter("COUNTY#520525", "conversions#2026")).isEqualTo(thisYear + 1);
        assertThat(counter("COUNTY#520525", "recognitions#HIGH_TECH_ENTERPRISE")).isEqualTo(recognised + 1);
        assertThat(view.body().path("checklist")).hasSize(8);
    }

    @Test
    void badInput_is4xx_andChangesNothing() {
        String uscc = organization("520502");
        assertThat(addToPool(uscc, "{\"IP_COUNT\":\"1\"}").status()).isEqualTo(201);
        String fresh = organization("520502");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        int baseline = stack.countItems(dynamo);

        Answer twice = addToPool(uscc, "{\"IP_COUNT\":\"2\"}");
        Answer unknownCriterion = addToPool(fresh, "{\"REVENUE\":\"1\"}");
        Answer otherIndustry = addToPool(fresh, "{\"INDUSTRY\":\"OTHER\"}");
        Answer badPercent = addToPool(fresh, "{\"RD_SHARE_PERCENT\":\"101\"}");
        Answer unknownTier = addToPool(fresh, "{\"GROWTH_TIER\":\"GIANT\"}");
        Answer noCriteria = addToPool(fresh, "{}");
        Answer future = invoke(handler, staff("POST /organizations/{uscc}/coaching").path("uscc", fresh)
                .body("{\"date\":\"2999-01-01\",\"kind\":\"TRAINING\",\"notes\":\"x\"}"));
        Answer unknownKind = invoke(handler, staff("POST /organizations/{uscc}/coaching").path("uscc", fresh)
                .body("{\"date\":\"" + today + "\",\"kind\":\"LUNCH\",\"notes\":\"x\"}"));
        Answer unknownItem = invoke(handler, staff("PUT /organizations/{uscc}/readiness").path("uscc", fresh)
                .body("{\"met\":[\"CORE_IP\",\"CORE_IP\"]}"));
        Answer noProfile = addToPool(TestData.newUscc(), "{\"IP_COUNT\":\"1\"}");

        assertThat(twice.status()).isEqualTo(409);
        assertThat(unknownCriterion.status()).isEqualTo(400);
        for (Answer a : new Answer[] {otherIndustry, badPercent, unknownTier, noCriteria, future, unknownKind,
                unknownItem}) {
            assertThat(a.status()).as(a.body().toString()).isEqualTo(400);
        }
        assertThat(noProfile.status()).isEqualTo(404);
        assertThat(stack.countItems(dynamo)).isEqualTo(baseline);
    }

    @Test
    void theRoles() {
        String uscc = organization("520521");
        Answer applicantAdds = invoke(handler, ApiEvent.of("POST /cultivation/pool").caller("a", uscc, Role.APPLICANT)
                .body("{\"uscc\":\"" + uscc + "\",\"intake\":" + INTAKE + ",\"criteria\":{\"IP_COUNT\":\"1\"}}"));
        Answer otherReads = invoke(handler, ApiEvent.of("GET /organizations/{uscc}/cultivation").path("uscc", uscc)
                .caller("b", TestData.newUscc(), Role.APPLICANT));
        Answer applicantStatistics = invoke(handler, ApiEvent.of("GET /cultivation/statistics")
                .caller("a", uscc, Role.APPLICANT));
        Answer supervisorStatistics = invoke(handler, ApiEvent.of("GET /cultivation/statistics")
                .caller("v", null, Role.SUPERVISOR));
        Answer financePool = invoke(handler, ApiEvent.of("GET /cultivation/pool").query("intake", "" + INTAKE)
                .caller("f", null, Role.FINANCE));
        Answer supervisorPool = invoke(handler, ApiEvent.of("GET /cultivation/pool").query("intake", "" + INTAKE)
                .caller("v", null, Role.SUPERVISOR));

        assertThat(applicantAdds.status()).isEqualTo(403);
        assertThat(otherReads.status()).isEqualTo(404);
        assertThat(applicantStatistics.status()).isEqualTo(403);
        assertThat(supervisorStatistics.status()).isEqualTo(200);
        assertThat(supervisorStatistics.body().path("lines").get(0).path("dimension").asText()).isEqualTo("ALL");
        assertThat(financePool.status()).isEqualTo(403);
        assertThat(supervisorPool.status()).isEqualTo(200);
    }

    @Test
    void coaching_isKept_theSameRecordTwiceIs409_andARetryUnderItsKeyReplaysTheAnswer() {
        String uscc = organization("520527");
        String body = "{\"date\":\"2026-11-02\",\"kind\":\"SITE_VISIT\",\"notes\":\"上门辅导研发费用归集\"}";
        String key = UUID.randomUUID().toString();

        Answer first = invoke(handler, staff("POST /organizations/{uscc}/coaching").path("uscc", uscc).body(body)
                .header("idempotency-key", key));
        int after = stack.countItems(dynamo);
        Answer retry = invoke(handler, staff("POST /organizations/{uscc}/coaching").path("uscc", uscc).body(body)
                .header("idempotency-key", key));
        Answer twice = invoke(handler, staff("POST /organizations/{uscc}/coaching").path("uscc", uscc).body(body));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().path("coachingId")).isEqualTo(first.body().path("coachingId"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(stack.countItems(dynamo)).isEqualTo(after);
    }

    @Test
    void theForecast_readsCountersOnly_andNamesItsAssumptions() {
        Answer forecast = invoke(handler, staff("GET /cultivation/forecast").query("period", "2020"));
        Answer unknown = invoke(handler, staff("GET /cultivation/forecast").query("period", "1999"));

        assertThat(forecast.status()).isEqualTo(200);
        assertThat(forecast.body().path("items").get(0).path("target").asInt()).isEqualTo(50);
        assertThat(forecast.body().path("items").get(0).path("assumptions")).isNotEmpty();
        assertThat(unknown.status()).isEqualTo(400);
    }

    /** The mails MiniStack's SES accepted whose subject contains {@code text}. */
    static List<JsonNode> mailsAbout(String text) {
        List<JsonNode> mails = new java.util.ArrayList<>();
        Json.tree(stack.miniStack().sentMail()).path("messages").forEach(account -> account.forEach(mail -> {
            if (mail.path("Subject").asText().contains(text)) {
                mails.add(mail);
            }
        }));
        return mails;
    }

    @Test
    void openingAWindow_mailsEachPoolEnterpriseOnce_inChinese_withWhatItLacks() throws IOException {
        String uscc = organization("520581");
        assertThat(addToPool(uscc, "{\"IP_COUNT\":\"5\"}").status()).isEqualTo(201);
        invoke(handler, staff("PUT /organizations/{uscc}/readiness").path("uscc", uscc)
                .body("{\"met\":[\"REGISTERED_ONE_YEAR\",\"CORE_IP\",\"KEY_TECH_FIELD\",\"RD_STAFF_SHARE\","
                        + "\"RD_EXPENSE_SHARE\",\"INNOVATION_CAPABILITY\",\"NO_MAJOR_INCIDENT\"]}"));
        int open = new cn.bijie.innovation.shared.store.dynamodb.DynamoCultivationStore(dynamo, stack.table(),
                java.time.Clock.systemUTC()).openEntries(2019, INTAKE + 1).size();
        String title = "高企认定窗口" + UUID.randomUUID().toString().substring(0, 8);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String closes = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30).toString();
        String body = "{\"title\":\"" + title + "\",\"opensOn\":\"" + today + "\",\"closesOn\":\"" + closes + "\"}";

        Answer opened = invoke(handler, staff("POST /cultivation/windows").body(body));
        Answer again = invoke(handler, staff("POST /cultivation/windows").body(body));
        Answer applicant = invoke(handler, ApiEvent.of("POST /cultivation/windows").caller("a", uscc, Role.APPLICANT)
                .body(body));
        Answer closed = invoke(handler, staff("POST /cultivation/windows").body(
                "{\"title\":\"旧窗口\",\"opensOn\":\"2020-01-01\",\"closesOn\":\"2020-02-01\"}"));
        String windowId = opened.body().path("windowId").asText();
        String record = StreamRecords.batch(List.of(StreamRecords.insert(Map.of("type", s("APPLICATION_WINDOW"),
                "windowId", s(windowId), "title", s(title), "opensOn", s(today), "closesOn", s(closes),
                "openedBy", s("s1"), "openedAt", s("2026-11-30T01:00:00Z")))));
        for (int delivery = 0; delivery < 2; delivery++) {
            assertThat(StreamRecords.deliver(handler, record)).isEmpty();
        }

        assertThat(opened.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(applicant.status()).isEqualTo(403);
        assertThat(closed.status()).isEqualTo(400);
        List<JsonNode> mails = mailsAbout(title);
        assertThat(mails).hasSize(open);
        assertThat(mails).anySatisfy(mail -> {
            assertThat(mail.path("Subject").asText()).startsWith("【毕节市科技局】").contains(today, closes);
            assertThat(mail.path("BodyText").asText()).contains("高新技术企业培育库", "高新技术产品(服务)收入")
                    .doesNotContain("注册成立一年以上");
        });
    }
}
