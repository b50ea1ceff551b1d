package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.ApiSeeder;
import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.BenchData;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.InProcessFunction;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.bench.harness.Harness;
import cn.bijie.innovation.shared.http.ApiEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 5b. {@code GET /indicators} at growing numbers of organisations with an active recognition (100 and 10,000 by
 * default, {@code --indicator-orgs}): ARCHITECTURE.md wants a fixed number of items read, whatever the number.
 * Organisations and certifications are recorded through the API. Reported as pending while the indicators or the
 * certification function still answers 501. The same counts on a date ({@code asOf}, issue 12) read the recognition
 * history: their calls, items read and time are measured beside, at the same numbers.
 */
public final class IndicatorReads implements Measurement {
    /** Indexes of the organisations this measurement records, apart from the other measurements' ones. */
    static final int FIRST = 100_000;

    @Override
    public String id() {
        return "indicators";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Table table = new Table("GET /indicators: DynamoDB calls and items read by number of organisations",
                "organisations with an active recognition", "status", "calls", "operations", "items read",
                "capacity units");
        FunctionUnderTest function = bench.function("IndicatorsFunction")
                .orElseThrow(() -> new IllegalStateException("the template has no IndicatorsFunction"));
        InProcessFunction indicators = bench.inProcess(function);
        byte[] read = ApiEvent.of("GET /indicators").query("period", "2020").toString()
                .getBytes(StandardCharsets.UTF_8);
        byte[] readAsOf = ApiEvent.of("GET /indicators").query("period", "2020")
                .query("asOf", BenchData.today().toString()).toString().getBytes(StandardCharsets.UTF_8);
        Table asOfTable = new Table("GET /indicators?asOf=: DynamoDB calls, items read and time by number of"
                + " recognitions (the counts on a date, from the history)", "recognitions", "status", "calls",
                "items read", "ms");
        ApiSeeder seeder = new ApiSeeder(bench);
        int indicatorStatus = Harness.status(indicators.invoke(read));
        int certificationStatus = seeder.organisationWithCertification(FIRST, BenchData.today().plusYears(2));
        if (indicatorStatus == 501 || certificationStatus == 501) {
            String reason = "pending: GET /indicators answered " + indicatorStatus + ", POST /certifications "
                    + certificationStatus + " (501: not implemented yet)";
            table.row(reason, null, null, null, null, null);
            return Section.of(Map.of("pending", reason), table);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long deadline = System.nanoTime() + bench.options().seedSeconds() * 1_000_000_000L;
        int seeded = 1;
        for (int target : bench.options().indicatorOrganisations().stream().sorted().toList()) {
            if (seeded < target) {
                BenchContext.progress("indicators: recording up to " + (target - seeded) + " more organisations");
                seeded += seeder.organisationsWithCertifications(FIRST + seeded, FIRST + target,
                        i -> BenchData.today().plusYears(2), deadline);
            }
            indicators.calls();
            int status = Harness.status(indicators.invoke(read));
            Map<String, Object> row = DynamoCalls.summarise(indicators.calls());
            row.put("organisations", seeded);
            row.put("wanted", target);
            row.put("status", status);
            rows.add(row);
            table.row(seeded < target ? seeded + " (of " + target + ": seeding budget of "
                    + bench.options().seedSeconds() + " s reached)" : seeded, status, row.get("calls"),
                    row.get("operations"), row.get("itemsRead"), row.get("capacityUnits"));
            indicators.calls();
            long started = System.nanoTime();
            int asOfStatus = Harness.status(indicators.invoke(readAsOf));
            long millis = (System.nanoTime() - started) / 1_000_000;
            Map<String, Object> asOf = DynamoCalls.summarise(indicators.calls());
            row.put("asOf", Map.of("status", asOfStatus, "calls", asOf.get("calls"), "itemsRead",
                    asOf.get("itemsRead"), "ms", millis));
            asOfTable.row(seeded, asOfStatus, asOf.get("calls"), asOf.get("itemsRead"), millis);
            if (seeded < target) {
                break;
            }
        }
        return Section.of(rows, table, asOfTable);
    }
}
