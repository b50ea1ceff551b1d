package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.BenchData;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.InProcessFunction;
import cn.bijie.innovation.bench.Load;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.RunnerProcess;
import cn.bijie.innovation.bench.Stats;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.bench.harness.Harness;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 4. Warm latency through the local runner: p50/p99 of a read ({@code GET /organizations/{uscc}}), a write ({@code PUT
 * /organizations/{uscc}}, a changed profile each time) and a submission ({@code POST /applications}, once that function
 * answers 201) at the configured concurrency, each worker on its own organisation; then the runner's own overhead: the
 * same read, one at a time, through the runner and straight into the handler in this JVM.
 */
public final class RunnerLatency implements Measurement {
    static final double GOAL_OVERHEAD_MS = 2.0;
    static final double WARMUP_SECONDS = 2;
    static final String ORGANIZATIONS = "OrganizationsFunction";

    @Override
    public String id() {
        return "runner";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        FunctionUnderTest organizations = bench.function(ORGANIZATIONS)
                .orElseThrow(() -> new IllegalStateException("the template has no " + ORGANIZATIONS));
        int concurrency = bench.options().concurrency();
        double seconds = bench.options().durationSeconds();
        BenchContext.progress("runner: starting the local runner");
        try (RunnerProcess runner = RunnerProcess.start(bench)) {
            String staff = runner.token("bench-staff", "staff", null);
            List<String> applicants = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                String uscc = BenchData.uscc(w);
                runner.send("PUT", "/organizations/" + uscc, staff, BenchData.organisation(w, "基准测试组织 " + w));
                applicants.add(runner.token("bench-applicant-" + w, "applicant", uscc));
            }

            Table table = new Table("Warm latency through the local runner (concurrency " + concurrency + ", "
                    + (int) seconds + " s each, after " + (int) WARMUP_SECONDS + " s warm-up)",
                    "request", "requests", "per second", "p50 ms", "p99 ms", "max ms", "statuses");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("concurrency", concurrency);
            data.put("seconds", seconds);
            data.put("runnerJvmFlags", bench.options().runnerJvmFlags());

            BenchContext.progress("runner: reads");
            row(table, data, "read: GET /organizations/{uscc}", Load.drive(concurrency, WARMUP_SECONDS, seconds,
                    (w, n) -> runner.send("GET", "/organizations/" + BenchData.uscc(w), staff, null).statusCode()));
            BenchContext.progress("runner: writes");
            row(table, data, "write: PUT /organizations/{uscc}", Load.drive(concurrency, WARMUP_SECONDS, seconds,
                    (w, n) -> runner.send("PUT", "/organizations/" + BenchData.uscc(w), staff,
                            BenchData.organisation(w, "基准测试组织 " + w + "-" + n)).statusCode()));
            int probe = runner.send("POST", "/applications", applicants.get(0),
                    BenchData.application(BenchData.uscc(0), "BENCH-PROBE", 30)).statusCode();
            if (probe == 201) {
                BenchContext.progress("runner: submissions");
                row(table, data, "submission: POST /applications", Load.drive(concurrency, WARMUP_SECONDS, seconds,
                        (w, n) -> runner.send("POST", "/applications", applicants.get(w),
                                BenchData.application(BenchData.uscc(w), "BENCH-" + w + "-" + n + "-" + System.nanoTime(),
                                        30)).statusCode()));
            } else {
                table.note("POST /applications not measured: the function answered " + probe
                        + " to a valid submission (not implemented yet).");
                data.put("submission", Map.of("skipped", true, "probeStatus", probe));
            }

            BenchContext.progress("runner: overhead against the handler in-process");
            double overheadSeconds = Math.max(5, seconds / 4);
            Load.Result throughRunner = Load.drive(1, WARMUP_SECONDS, overheadSeconds, (w, n) -> runner.send(
                    "GET", "/organizations/" + BenchData.uscc(0), staff, null).statusCode());
            InProcessFunction direct = bench.inProcess(organizations);
            byte[] event = ApiEvent.of("GET /organizations/{uscc}").path("uscc", BenchData.uscc(0))
                    .caller("bench-staff", null, Role.STAFF).toString().getBytes(StandardCharsets.UTF_8);
            Load.Result inProcess = Load.drive(1, WARMUP_SECONDS, overheadSeconds,
                    (w, n) -> Harness.status(direct.invoke(event)));
            direct.calls(); // the probe's records of these calls are not wanted
            double overhead = Stats.median(throughRunner.latenciesMs()) - Stats.median(inProcess.latenciesMs());
            Table overheadTable = new Table("Local runner overhead (GET /organizations/{uscc}, one at a time, "
                    + (int) overheadSeconds + " s each, runner JVM flags " + bench.options().runnerJvmFlags()
                    + "; goal ≤ " + GOAL_OVERHEAD_MS + " ms at p50)",
                    "path", "requests", "p50 ms", "p99 ms", "overhead p50 ms", "goal");
            overheadTable.row("through the runner (HTTP, JWT check, event)", throughRunner.latenciesMs().size(),
                    Stats.median(throughRunner.latenciesMs()), Stats.percentile(throughRunner.latenciesMs(), 99),
                    null, null);
            overheadTable.row("handler called in-process", inProcess.latenciesMs().size(),
                    Stats.median(inProcess.latenciesMs()), Stats.percentile(inProcess.latenciesMs(), 99), null, null);
            overheadTable.row("difference", null, null, null, Stats.round(overhead, 2),
                    overhead <= GOAL_OVERHEAD_MS ? "✓" : "✗ +" + Stats.round(overhead - GOAL_OVERHEAD_MS, 2) + " ms");
            data.put("overhead", Map.of("throughRunner", throughRunner.summary(), "inProcess", inProcess.summary(),
                    "p50OverheadMs", Stats.round(overhead, 2), "goalMet", overhead <= GOAL_OVERHEAD_MS));
            return Section.of(data, table, overheadTable);
        }
    }

    private static void row(Table table, Map<String, Object> data, String name, Load.Result result) {
        Map<String, Object> summary = result.summary();
        data.put(name, summary);
        table.row(name, summary.get("requests"), summary.get("perSecond"), summary.get("p50Ms"), summary.get("p99Ms"),
                summary.get("maxMs"), summary.get("statuses"));
    }
}
