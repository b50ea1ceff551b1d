package cn.bijie.innovation.functions.indicators;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static cn.bijie.innovation.shared.testing.ApiEvents.event;
import static cn.bijie.innovation.shared.testing.ApiEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.RevocationInput;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.indicator.IndicatorService;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.DynamoIndicatorStore;
import cn.bijie.innovation.shared.store.dynamodb.IndicatorMapper;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import cn.bijie.innovation.shared.testing.TestStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Target progress read from the counters the certification transactions move; the recount that checks them. */
class IndicatorsHandlerIT {
    static final String GET = "GET /indicators";
    static final BureauFixture bureau = new BureauFixture();
    static final AtomicInteger itemsRead = new AtomicInteger();
    /** The handler on a client that counts the items DynamoDB returns to it. */
    static final IndicatorsHandler handler = new IndicatorsHandler(new IndicatorService(bureau.policy,
            new DynamoIndicatorStore(countingItems(), bureau.table), Clock.systemUTC()));

    static DynamoDbClient countingItems() {
        return TestStack.shared().dynamoDb(new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                if (context.response() instanceof QueryResponse query) {
                    itemsRead.addAndGet(query.count());
                } else if (context.response() instanceof GetItemResponse get && get.hasItem()) {
                    itemsRead.incrementAndGet();
                }
            }
        });
    }

    static JsonNode indicator(Answer answer, String id) {
        for (JsonNode indicator : answer.body().path("indicators")) {
            if (indicator.path("id").asText().equals(id)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + id);
    }

    static IndicatorService.Recount recount() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(
                    Files.readAllBytes(ProjectRoot.path().resolve("events/indicators-recount.json"))), out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return BureauFixture.read(out.toString(StandardCharsets.UTF_8), IndicatorService.Recount.class);
    }

    @Test
    void withNoData_theReportHasItsFullShape_everyCountyAtZero() {
        bureau.stack.reset(); // no data: the other tests' certifications, in whatever order they ran, are gone
        Answer answer = invoke(handler, event(GET, null, null, Map.of("period", "2020"), Map.of()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("period").asText()).isEqualTo("2020");
        assertThat(answer.body().path("asOf").asText()).isNotEmpty();
        assertThat(answer.body().path("indicators")).hasSize(8).allSatisfy(indicator -> {
            assertThat(indicator.path("actual").asLong()).isZero();
            assertThat(indicator.path("progressPercent").decimalValue()).isEqualByComparingTo("0.0");
            assertThat(indicator.path("byCounty").size()).isEqualTo(11);
        });
        assertThat(answer.headers().path("cache-control").asText()).isEqualTo("public, max-age=300");
    }

    @Test
    void theReport_countsOrganisations_acrossCounties_asTheTransactionsMovedThem() {
        String qixingguan = newUscc();
        String dafang = newUscc();
        bureau.organization(qixingguan, "520502");
        bureau.organization(dafang, "520521");
        Answer before = invoke(handler, event(GET, null, null, Map.of("period", "2020"), Map.of()));

        bureau.record(qixingguan, "ACADEMICIAN_WORKSTATION", "PROVINCIAL", false, "AW-1", "2026-10-01");
        bureau.record(qixingguan, "ACADEMICIAN_WORKSTATION", "NATIONAL", false, "AW-2", "2026-10-02");
        bureau.record(dafang, "ACADEMICIAN_WORKSTATION", "MUNICIPAL", false, "AW-3", "2026-10-03");
        Answer after = invoke(handler, event(GET, null, null, Map.of("period", "2020"), Map.of()));

        JsonNode was = indicator(before, "ACADEMICIAN_WORKSTATION");
        JsonNode now = indicator(after, "ACADEMICIAN_WORKSTATION");
        assertThat(now.path("actual").asLong()).isEqualTo(was.path("actual").asLong() + 2);
        assertThat(now.path("byCounty").path("520502").asLong())
                .isEqualTo(was.path("byCounty").path("520502").asLong() + 1);
        assertThat(now.path("byCounty").path("520521").asLong())
                .isEqualTo(was.path("byCounty").path("520521").asLong() + 1);
        assertThat(now.path("name").asText()).isEqualTo("院士工作站");
        assertThat(now.path("target").asInt()).isEqualTo(3);
    }

    @Test
    void theCsv_isTheSameReport_withAByteOrderMark() {
        Answer answer = invoke(handler, event(GET, null, null, Map.of("period", "2020", "format", "csv"), Map.of()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers().path("content-type").asText()).startsWith("text/csv");
        assertThat(answer.headers().path("cache-control").asText()).isEqualTo("public, max-age=300");
        assertThat(answer.rawBody()).startsWith("\uFEFFperiod,asOf,id,name,target,actual,progressPercent,520502");
        assertThat(answer.rawBody().split("\r\n")).hasSize(9);
    }

    @Test
    void anUnknownPeriodOrFormat_isValidationFailed() {
        assertThat(invoke(handler, event(GET, null, null, Map.of("period", "1999"), Map.of())).status())
                .isEqualTo(400);
        assertThat(invoke(handler, event(GET, null, null, Map.of("format", "xlsx"), Map.of())).status())
                .isEqualTo(400);
    }

    @Test
    void theRecount_findsNoDrift_afterCertifyingDuplicatesRenewalsAndRevocations() {
        String uscc = newUscc();
        bureau.organization(uscc, "520523");
        Certification first = bureau.record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-RC1", "2026-01-05");
        try {
            bureau.record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-RC1", "2026-01-05");
        } catch (RuntimeException duplicate) {
            // a 409: the certification exists once
        }
        bureau.record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", true, "GR-RC2", "2026-11-05");
        bureau.revoke(STAFF, first.certificationId(), new RevocationInput("注销"));

        IndicatorService.Recount recount = recount();

        assertThat(recount.drift()).isEmpty();
        assertThat(recount.holdingsRepaired()).isZero();
        assertThat(recount.certifications()).isPositive();
    }

    @Test
    void theRecount_findsACorruptedCounter_reportsIt_andRepairsIt() {
        bureau.dynamo.updateItem(r -> r.tableName(bureau.table)
                .key(IndicatorMapper.counterKey("2020", "PROVINCIAL_MAKERSPACE"))
                .updateExpression("ADD actual :five, c_BLDJ :five")
                .expressionAttributeValues(Map.of(":five", Items.n(5))));

        IndicatorService.Recount found = recount();
        IndicatorService.Recount again = recount();

        assertThat(found.drift()).extracting(d -> d.indicatorId() + "." + d.field() + ":" + d.stored() + "→"
                + d.expected()).contains("PROVINCIAL_MAKERSPACE.actual:" + (found.drift().get(0).expected() + 5) + "→"
                + found.drift().get(0).expected());
        assertThat(found.drift()).anySatisfy(d -> {
            assertThat(d.field()).isEqualTo("BLDJ");
            assertThat(d.stored() - d.expected()).isEqualTo(5);
        });
        assertThat(again.drift()).isEmpty();
    }

    @Test
    void theRecount_repairsAHoldingThatLostItsCertification() {
        String uscc = newUscc();
        bureau.organization(uscc, "520524");
        Certification c = bureau.record(uscc, "TECH_BUSINESS_INCUBATOR", "PROVINCIAL", false, "TBI-1", "2026-10-01");
        bureau.dynamo.updateItem(r -> r.tableName(bureau.table)
                .key(IndicatorMapper.holdingKey(uscc, "2020", "PROVINCIAL_TECH_BUSINESS_INCUBATOR", c.platformId()))
                .updateExpression("REMOVE certs"));

        IndicatorService.Recount recount = recount();

        assertThat(recount.holdingsRepaired()).isEqualTo(1);
        assertThat(bureau.indicatorStore.holdings(uscc)).singleElement()
                .satisfies(h -> assertThat(h.certs()).containsExactly(c.certificationId()));
        assertThat(recount().drift()).isEmpty();
    }

    @Test
    void theReport_readsAFixedNumberOfItems_whateverTheNumberOfOrganisations() {
        int small = Integer.getInteger("indicators.bench.small", 100);
        int large = Integer.getInteger("indicators.bench.large", 300);
        certifyOrganisations(small);
        int readWithSmall = itemsReadByOneReport();
        certifyOrganisations(large - small);
        int readWithLarge = itemsReadByOneReport();

        System.out.printf("GET /indicators read %d items with %d certified organisations, %d with %d%n",
                readWithSmall, small, readWithLarge, large);
        assertThat(readWithLarge).isEqualTo(readWithSmall)
                .isLessThanOrEqualTo(bureau.policy.targetPeriod("2020").orElseThrow().indicators().size());
    }

    @Test
    void priming_servesTheReportAsJsonAndCsv_andWritesNothing() {
        int before = bureau.stack.countItems(bureau.dynamo);
        // the runtime's wiring registers the SnapStart priming
        new IndicatorsHandler(TestStack.shared().environment("IndicatorsFunction"));

        Primed primed = Primed.primeAll();

        assertThat(primed.actions()).isGreaterThanOrEqualTo(1);
        assertThat(primed.errors()).isEmpty();
        assertThat(primed.statuses(GET)).hasSizeGreaterThanOrEqualTo(2).containsOnly(200);
        assertThat(bureau.stack.countItems(bureau.dynamo)).isEqualTo(before);
    }

    static int itemsReadByOneReport() {
        itemsRead.set(0);
        assertThat(invoke(handler, event(GET, null, null, Map.of("period", "2020"), Map.of())).status())
                .isEqualTo(200);
        return itemsRead.get();
    }

    static void certifyOrganisations(int count) {
        String[] counties = {"520502", "520521", "520581", "520523", "520524", "520525", "520526", "520527"};
        for (int i = 0; i < count; i++) {
            String uscc = newUscc();
            bureau.organization(uscc, counties[i % counties.length]);
            bureau.record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-B" + i + "-" + uscc, "2026-10-01");
        }
    }

    @Test
    void wiredAsOnLambda_theJsonCarriesTheForecastSummary_ofEveryIndicator() {
        IndicatorsHandler wired = new IndicatorsHandler(TestStack.shared().environment("IndicatorsFunction"));

        Answer answer = invoke(wired, event(GET, null, null, Map.of("period", "2020"), Map.of()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("forecast")).hasSize(answer.body().path("indicators").size());
        JsonNode highTech = answer.body().path("forecast").get(0);
        assertThat(highTech.path("indicatorId").asText()).isEqualTo("HIGH_TECH_ENTERPRISE");
        assertThat(highTech.path("target").asInt()).isEqualTo(50);
        assertThat(highTech.path("today").asLong()).isEqualTo(indicator(answer, "HIGH_TECH_ENTERPRISE")
                .path("actual").asLong());
        assertThat(highTech.has("onTrack")).isTrue();
        assertThat(highTech.has("assumptions")).as("the public sees the summary only").isFalse();
    }
}
