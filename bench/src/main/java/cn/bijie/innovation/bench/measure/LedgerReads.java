package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.ApiSeeder;
import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.BenchData;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.InProcessFunction;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Parallel;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.bench.harness.Harness;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.calculation.SubsidyCalculator;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoCertificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoPolicyParameterStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoSubsidyStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * 5c. {@code GET /ledger} and {@code GET /ledger/forecast} at growing numbers of subsidies (the sizes of
 * {@code --indicator-orgs}, 100 and 10,000 by default): the ledger must read the same whatever the number (one counter
 * item moved in each subsidy's transaction); the forecast reads what it lists (certificates expiring in the next 12
 * months, running notices). Certifications are recorded through the API; their subsidies are written by the subsidy
 * calculation's own code in this JVM (the stream is not polled here), each with its ledger move.
 */
public final class LedgerReads implements Measurement {
    /** Indexes of this measurement's organisations, apart from the other measurements' ones. */
    static final int FIRST = 300_000;
    static final int THREADS = 8;

    @Override
    public String id() {
        return "ledger";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Table table = new Table("GET /ledger and GET /ledger/forecast: DynamoDB calls and items read by number of subsidies",
                "subsidies written", "ledger calls", "ledger items read", "forecast calls", "forecast items read",
                "certificates expiring in 12 months");
        FunctionUnderTest function = bench.function("LedgerFunction")
                .orElseThrow(() -> new IllegalStateException("the template has no LedgerFunction"));
        InProcessFunction ledger = bench.inProcess(function);
        byte[] read = ApiEvent.of("GET /ledger").caller("bench-finance", null, Role.FINANCE).toString()
                .getBytes(StandardCharsets.UTF_8);
        byte[] forecast = ApiEvent.of("GET /ledger/forecast").caller("bench-finance", null, Role.FINANCE).toString()
                .getBytes(StandardCharsets.UTF_8);
        ApiSeeder seeder = new ApiSeeder(bench);
        DynamoDbClient dynamo = new AwsClients(new Config(bench.environment("CalculateSubsidyFunction"))).dynamoDb();
        Policy policy = Policy.active();
        Clock clock = Clock.systemUTC();
        DynamoSubsidyStore subsidies = new DynamoSubsidyStore(dynamo, bench.table(), policy);
        SubsidyCalculator calculator = new SubsidyCalculator(new DynamoCertificationStore(dynamo, bench.table(), policy,
                clock), subsidies, subsidies, new DynamoPolicyParameterStore(dynamo, bench.table()), policy, clock);
        // one in three expires within the forecast's 12 months, spread over them; the others in two years
        LocalDate today = BenchData.today();
        IntFunction<LocalDate> expiresOn = i -> i % 3 == 0 ? today.plusMonths(1 + i % 11) : today.plusYears(2);

        List<Map<String, Object>> rows = new ArrayList<>();
        long deadline = System.nanoTime() + bench.options().seedSeconds() * 1_000_000_000L;
        int seeded = 0;
        for (int target : bench.options().indicatorOrganisations().stream().sorted().toList()) {
            if (seeded < target) {
                BenchContext.progress("ledger: recording up to " + (target - seeded) + " more subsidies");
                int from = FIRST + seeded;
                int recorded = seeder.organisationsWithCertifications(from, FIRST + target, expiresOn, deadline);
                seeded += calculate(calculator, from, from + recorded, expiresOn);
            }
            ledger.calls();
            int status = Harness.status(ledger.invoke(read));
            Map<String, Object> ledgerRow = DynamoCalls.summarise(ledger.calls());
            int forecastStatus = Harness.status(ledger.invoke(forecast));
            Map<String, Object> forecastRow = DynamoCalls.summarise(ledger.calls());
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("subsidies", seeded);
            row.put("wanted", target);
            row.put("status", status);
            row.put("forecastStatus", forecastStatus);
            row.put("ledger", ledgerRow);
            row.put("forecast", forecastRow);
            rows.add(row);
            long expiring = java.util.stream.IntStream.range(FIRST, FIRST + seeded).filter(i -> i % 3 == 0).count();
            table.row(seeded < target ? seeded + " (of " + target + ": seeding budget of "
                    + bench.options().seedSeconds() + " s reached)" : seeded, ledgerRow.get("calls"),
                    ledgerRow.get("itemsRead"), forecastRow.get("calls"), forecastRow.get("itemsRead"), expiring);
            if (seeded < target) {
                break;
            }
        }
        return Section.of(rows, table);
    }

    /** The subsidies of organisations {@code from..to-1}'s certifications, on {@value #THREADS} threads. */
    private static int calculate(SubsidyCalculator calculator, int from, int to, IntFunction<LocalDate> expiresOn)
            throws Exception {
        return Parallel.forEach(from, to, THREADS, i -> {
            LocalDate expires = expiresOn.apply(i);
            calculator.onCertificationRecorded(Certification.idOf(BenchData.uscc(i), "HIGH_TECH_ENTERPRISE",
                    "NATIONAL", "BENCH-" + i, expires.minusYears(3).toString()));
        });
    }
}
