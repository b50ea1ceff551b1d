package cn.bijie.innovation.functions.organizations;

import static cn.bijie.innovation.shared.testing.ApiEvents.event;
import static cn.bijie.innovation.shared.testing.ApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.testing.ApiEvents.Claims;
import cn.bijie.innovation.shared.testing.TestStack;
import cn.bijie.innovation.shared.uscc.Uscc;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The growth tier the bureau designates, and the staff directory, against MiniStack. */
class DirectoryIT {
    static final String PUT = "PUT /organizations/{uscc}";
    static final String TIER = "PUT /organizations/{uscc}/tier";
    static final String TIERS = "GET /organizations/{uscc}/tiers";

    static TestStack stack;
    static OrganizationsHandler handler;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void wire() {
        stack = TestStack.shared();
        handler = new OrganizationsHandler(stack.environment("OrganizationsFunction"));
        dynamo = stack.dynamoDb();
    }

    static String newUscc() {
        String body = ("9152" + UUID.randomUUID().toString().replaceAll("[^0-9]", "") + "0000000000000").substring(0, 17);
        return body + Uscc.checkCharacter(body);
    }

    static String profile(String name, String county, String industry) {
        return """
                {"name":"%s","county":"%s","industry":"%s","contactEmail":"c@example.com"}""".formatted(name, county,
                industry);
    }

    static long counter(String row, String attribute) {
        var item = dynamo.getItem(r -> r.tableName(stack.table()).consistentRead(true).key(java.util.Map.of(
                "PK", AttributeValue.fromS("STATS"), "SK", AttributeValue.fromS(row)))).item();
        return item == null || !item.containsKey(attribute) ? 0 : Long.parseLong(item.get(attribute).n());
    }

    /** Every page of a directory query, following nextToken. */
    static List<String> allPages(String query, int limit) {
        List<String> usccs = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            ApiEvent e = ApiEvent.of("GET /organizations").caller("s1", null, Role.STAFF).query("limit", "" + limit);
            for (String part : query.split("&")) {
                if (!part.isEmpty()) {
                    String[] kv = part.split("=", 2);
                    e = e.query(kv[0], kv[1]);
                }
            }
            if (token != null) {
                e = e.query("nextToken", token);
            }
            Answer answer = invoke(handler, e);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            for (JsonNode item : answer.body().path("items")) {
                usccs.add(item.path("uscc").asText());
            }
            token = answer.body().path("nextToken").isNull() ? null : answer.body().path("nextToken").asText();
            pages++;
        } while (token != null && pages < 50);
        return usccs;
    }

    @Test
    void staffSetTheTier_theApplicantIsRefused_theHistoryKeepsIt_andTheStatisticsMove() {
        String uscc = newUscc();
        invoke(handler, event(PUT, Claims.applicant(uscc), profile("毕节梯队测试科技有限公司", "520521", "BIOMEDICINE"), uscc));
        long seeds = counter("TIER#SEED", "organizations");
        long untiered = counter("TIER#NONE", "organizations");

        Answer refused = invoke(handler, event(TIER, Claims.applicant(uscc),
                "{\"tier\":\"SEED\",\"effectiveOn\":\"2026-11-01\",\"reason\":\"自荐\"}", uscc));
        Answer viaProfile = invoke(handler, event(PUT, Claims.applicant(uscc),
                profile("毕节梯队测试科技有限公司", "520521", "BIOMEDICINE").replace("}", ",\"growthTier\":\"SEED\"}"), uscc));
        Answer set = invoke(handler, event(TIER, Claims.of("staff"),
                "{\"tier\":\"SEED\",\"effectiveOn\":\"2026-11-01\",\"reason\":\"入选2026年种子企业名单\"}", uscc));
        Answer history = invoke(handler, event(TIERS, Claims.applicant(uscc), null, uscc));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(viaProfile.status()).isEqualTo(403);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().path("growthTier").asText()).isEqualTo("SEED");
        assertThat(history.body().path("items")).singleElement().satisfies(step -> {
            assertThat(step.path("tier").asText()).isEqualTo("SEED");
            assertThat(step.path("reason").asText()).isEqualTo("入选2026年种子企业名单");
            assertThat(step.path("effectiveOn").asText()).isEqualTo("2026-11-01");
        });
        assertThat(counter("TIER#SEED", "organizations")).isEqualTo(seeds + 1);
        assertThat(counter("TIER#NONE", "organizations")).isEqualTo(untiered - 1);
        assertThat(allPages("tier=SEED&q=梯队测试", 10)).containsExactly(uscc);
    }

    @Test
    void badTierInput_is400_andChangesNothing() {
        String uscc = newUscc();
        invoke(handler, event(PUT, Claims.applicant(uscc), profile("毕节坏梯队科技有限公司", "520502", "OTHER"), uscc));
        int before = stack.countItems(dynamo);

        Answer unknown = invoke(handler, event(TIER, Claims.of("staff"),
                "{\"tier\":\"GIANT\",\"effectiveOn\":\"2026-11-01\",\"reason\":\"x\"}", uscc));
        Answer future = invoke(handler, event(TIER, Claims.of("staff"),
                "{\"tier\":\"SEED\",\"effectiveOn\":\"2999-01-01\",\"reason\":\"x\"}", uscc));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(future.status()).isEqualTo(400);
        assertThat(stack.countItems(dynamo)).isEqualTo(before);
    }

    @Test
    void theDirectory_filtersAndSearches_exactlyTheMatchingOrganisations_acrossPages() {
        String tag = "检索" + java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
        List<String> inCounty = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String uscc = newUscc();
            String county = i % 2 == 0 ? "520523" : "520524";
            // full-width brackets and a place prefix on some: the search ignores both
            String name = (i % 3 == 0 ? "贵州省毕节市" : "") + tag + "（" + i + "）科技有限公司";
            assertThat(invoke(handler, event(PUT, Claims.of("staff"), profile(name, county, "NEW_MATERIALS"), uscc))
                    .status()).isEqualTo(200);
            all.add(uscc);
            if (county.equals("520523")) {
                inCounty.add(uscc);
            }
        }

        List<String> found = allPages("q=毕节" + tag.toUpperCase(), 2);
        List<String> foundInCounty = allPages("q=" + tag + "&county=520523&industry=NEW_MATERIALS", 1);

        assertThat(found).containsExactlyInAnyOrderElementsOf(all).doesNotHaveDuplicates();
        assertThat(foundInCounty).containsExactlyInAnyOrderElementsOf(inCounty);
        assertThat(allPages("q=" + tag + "&inPool=true", 3)).isEmpty();
    }

    @Test
    void theDirectory_isForbidden_toApplicantsAndFinance_andRefusesBadSearches() {
        String uscc = newUscc();
        Answer applicant = invoke(handler, ApiEvent.of("GET /organizations").caller("a", uscc, Role.APPLICANT));
        Answer finance = invoke(handler, ApiEvent.of("GET /organizations").caller("f", null, Role.FINANCE));
        Answer blank = invoke(handler, ApiEvent.of("GET /organizations").caller("s", null, Role.STAFF)
                .query("q", "   "));
        Answer huge = invoke(handler, ApiEvent.of("GET /organizations").caller("s", null, Role.STAFF)
                .query("q", "黔".repeat(10_000)));
        Answer unknownTier = invoke(handler, ApiEvent.of("GET /organizations").caller("s", null, Role.STAFF)
                .query("tier", "GIANT"));

        assertThat(applicant.status()).isEqualTo(403);
        assertThat(finance.status()).isEqualTo(403);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(unknownTier.status()).isEqualTo(400);
    }
}
