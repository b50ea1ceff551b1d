package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.ChildJvm;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Samples;
import cn.bijie.innovation.bench.Stats;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.bench.harness.Harness;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 3. First invocation after priming: in a fresh JVM the handler is built, its SnapStart priming hooks run (what Lambda
 * runs before it takes the snapshot), then the first real invocation is timed against the warm ones after it. The same
 * without priming shows what the hook saves.
 */
public final class PrimedStarts implements Measurement {
    static final double GOAL_RATIO = 3.0;

    @Override
    public String id() {
        return "priming";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Path harness = bench.benchJar("bench-harness.jar");
        int runs = bench.options().primingRuns();
        String warm = Integer.toString(bench.options().warmInvocations());
        Table table = new Table("First invocation after SnapStart priming (median of " + runs + " fresh JVMs, "
                + warm + " warm invocations each; goal: first after priming ≤ " + GOAL_RATIO + "× warm)",
                "function", "hooks", "priming ms", "first, primed ms", "first, unprimed ms", "warm p50 ms",
                "primed ÷ warm", "goal");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FunctionUnderTest function : bench.functions()) {
            Samples.Sample sample = bench.samples().coldSample(function);
            if (sample == null || !Files.isRegularFile(function.jar())) {
                table.row(function.logicalId(), null, null, null, null, null, null,
                        sample == null ? "no sample event" : "jar not built");
                continue;
            }
            BenchContext.progress("priming: " + function.logicalId());
            List<JsonNode> primed = new ArrayList<>();
            List<JsonNode> unprimed = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                for (boolean prime : new boolean[] {true, false}) {
                    List<String> args = new ArrayList<>(List.of(function.handler(), sample.file().toString(),
                            "--warm", warm));
                    if (prime) {
                        args.add("--prime");
                    }
                    ChildJvm.Run run = ChildJvm.run(ChildJvm.command(List.of(), List.of(function.jar(), harness),
                            Harness.class.getName(), args.toArray(String[]::new)),
                            bench.environment(function.logicalId()), bench.log("priming-" + function.module()));
                    (prime ? primed : unprimed).add(run.report());
                }
            }
            int hooks = primed.get(0).path("hooks").asInt();
            double first = median(primed, "firstMs");
            List<Double> warmTimes = new ArrayList<>();
            primed.forEach(r -> r.path("warmMs").forEach(ms -> warmTimes.add(ms.asDouble())));
            double warmP50 = Stats.median(warmTimes);
            double ratio = first / warmP50;
            boolean met = hooks > 0 && ratio <= GOAL_RATIO;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("function", function.logicalId());
            row.put("sample", sample.name());
            row.put("hooks", hooks);
            row.put("primingMs", median(primed, "primeMs"));
            row.put("firstAfterPrimingMs", first);
            row.put("firstUnprimedMs", median(unprimed, "firstMs"));
            row.put("warmP50Ms", warmP50);
            row.put("ratio", Stats.round(ratio, 2));
            row.put("goalMet", met);
            rows.add(row);
            table.row(function.logicalId(), hooks < 0 ? "no Priming class" : hooks, row.get("primingMs"), first,
                    row.get("firstUnprimedMs"), warmP50, Stats.round(ratio, 2),
                    hooks <= 0 ? "✗ no hook" : met ? "✓" : "✗ +" + Math.round((ratio / GOAL_RATIO - 1) * 100) + " %");
        }
        return Section.of(Map.of("runs", runs, "functions", rows), table);
    }

    private static double median(List<JsonNode> reports, String field) {
        return Stats.median(reports.stream().map(r -> r.path(field).asDouble()).toList());
    }
}
