package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.ChildJvm;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Samples;
import cn.bijie.innovation.bench.Stats;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.bench.harness.BareMain;
import cn.bijie.innovation.bench.harness.Harness;
import cn.bijie.innovation.bench.reference.ReferenceProgram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 2. Cold first invocation: a fresh JVM loads the handler from its deployment jar and handles its sample event against
 * the emulator, timed from process start to the handler's output. The bare {@code main} and the reference program run
 * in the same rounds, interleaved with the functions, so every figure is a ratio on the same machine at the same time.
 * Every program gets the template's {@code JAVA_TOOL_OPTIONS}; the reference also runs once per round without them.
 */
public final class ColdStarts implements Measurement {
    static final double GOAL_RATIO = 1.2;

    /** One program measured: its command and environment, and the runs collected. */
    static final class Program {
        final String name;
        final FunctionUnderTest function;
        final List<String> command;
        final Map<String, String> environment;
        final List<ChildJvm.Run> runs = new ArrayList<>();

        Program(String name, FunctionUnderTest function, List<String> command, Map<String, String> environment) {
            this.name = name;
            this.function = function;
            this.command = command;
            this.environment = environment;
        }

        double medianWall() {
            return Stats.median(runs.stream().map(ChildJvm.Run::wallMs).toList());
        }

        double medianCpu() {
            return Stats.median(runs.stream().map(ChildJvm.Run::cpuMs).toList());
        }

        double medianReported(String field) {
            return Stats.median(runs.stream().filter(r -> r.report().has(field))
                    .map(r -> r.report().get(field).asDouble()).toList());
        }
    }

    @Override
    public String id() {
        return "cold";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Path harness = bench.benchJar("bench-harness.jar");
        Map<String, String> base = referenceEnvironment(bench);
        Map<String, String> noFlags = new LinkedHashMap<>(base);
        noFlags.remove("JAVA_TOOL_OPTIONS");

        Program bare = new Program("bare main", null,
                ChildJvm.command(List.of(), List.of(harness), BareMain.class.getName()), base);
        Program reference = new Program("reference program", null, ChildJvm.command(List.of(),
                List.of(bench.benchJar("reference.jar")), ReferenceProgram.class.getName()), base);
        Program referenceDefault = new Program("reference program, default JIT", null, reference.command, noFlags);
        List<Program> programs = new ArrayList<>(List.of(bare, reference, referenceDefault));
        List<Map<String, Object>> skipped = new ArrayList<>();
        for (FunctionUnderTest function : bench.functions()) {
            Samples.Sample sample = bench.samples().coldSample(function);
            String reason = sample == null ? "no sample event in events/ for its routes or trigger"
                    : !Files.isRegularFile(function.jar()) ? "jar not built" : null;
            if (reason != null) {
                skipped.add(Map.of("function", function.logicalId(), "reason", reason));
                continue;
            }
            programs.add(new Program(function.logicalId() + " (" + sample.name() + ")", function,
                    ChildJvm.command(List.of(), List.of(function.jar(), harness), Harness.class.getName(),
                            function.handler(), sample.file().toString()),
                    bench.environment(function.logicalId())));
        }

        int runs = bench.options().coldRuns();
        for (int round = 0; round <= runs; round++) {
            BenchContext.progress("cold starts: round " + round + "/" + runs + (round == 0 ? " (warm-up, not counted)" : ""));
            for (Program program : programs) {
                ChildJvm.Run run = ChildJvm.run(program.command, program.environment,
                        bench.log("cold-" + program.name.replaceAll("[^A-Za-z0-9]+", "-")));
                if (round > 0) {
                    program.runs.add(run);
                }
            }
        }
        return report(programs, reference, skipped, runs);
    }

    private static Section report(List<Program> programs, Program reference, List<Map<String, Object>> skipped,
            int runs) {
        Table table = new Table("Cold first invocation (fresh JVM, median of " + runs + " runs; goal ≤ "
                + GOAL_RATIO + "× the reference's wall time)", "program", "wall ms", "min–max ms", "CPU ms",
                "handler init ms", "first invocation ms", "status", "wall × reference", "CPU × reference", "goal");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Program program : programs) {
            List<Double> walls = program.runs.stream().map(ChildJvm.Run::wallMs).toList();
            double ratio = program.medianWall() / reference.medianWall();
            double cpuRatio = program.medianCpu() / reference.medianCpu();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("program", program.name);
            row.put("wallMs", walls);
            row.put("medianMs", Stats.round(program.medianWall(), 1));
            row.put("medianCpuMs", Stats.round(program.medianCpu(), 1));
            row.put("ratioToReference", Stats.round(ratio, 2));
            row.put("cpuRatioToReference", Stats.round(cpuRatio, 2));
            String goal = null;
            Object status = null;
            if (program.function != null) {
                int code = program.runs.get(0).report().path("status").asInt();
                status = code == 0 ? null : code;
                row.put("function", program.function.logicalId());
                row.put("initMs", program.medianReported("initMs"));
                row.put("firstInvocationMs", program.medianReported("firstMs"));
                row.put("status", status);
                row.put("goalMet", ratio <= GOAL_RATIO);
                goal = ratio <= GOAL_RATIO ? "✓" : "✗ +" + Math.round((ratio / GOAL_RATIO - 1) * 100) + " %";
            }
            rows.add(row);
            table.row(program.name, Math.round(program.medianWall()), Math.round(Stats.percentile(walls, 0)) + "–"
                    + Math.round(Stats.percentile(walls, 100)), Math.round(program.medianCpu()), row.get("initMs"),
                    row.get("firstInvocationMs"), status, Stats.round(ratio, 2), Stats.round(cpuRatio, 2), goal);
        }
        for (Map<String, Object> skip : skipped) {
            table.row(skip.get("function") + ": " + skip.get("reason"), null, null, null, null, null, null, null, null,
                    "not measured");
        }
        return Section.of(Map.of("runs", runs, "referenceMedianMs", Stats.round(reference.medianWall(), 1),
                "programs", rows, "notMeasured", skipped), table);
    }

    /** What the reference program and the bare main get: the emulator, the table, and the template's JVM flags. */
    static Map<String, String> referenceEnvironment(BenchContext bench) {
        Map<String, String> template = bench.environment(bench.functions().isEmpty()
                ? "OrganizationsFunction" : bench.functions().get(0).logicalId());
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : List.of("AWS_REGION", "AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                "TABLE_NAME", "JAVA_TOOL_OPTIONS")) {
            if (template.containsKey(name)) {
                environment.put(name, template.get(name));
            }
        }
        return environment;
    }
}
