package cn.bijie.innovation.bench;

import cn.bijie.innovation.bench.measure.AuditVerify;
import cn.bijie.innovation.bench.measure.ColdStarts;
import cn.bijie.innovation.bench.measure.DirectoryReads;
import cn.bijie.innovation.bench.measure.DynamoCalls;
import cn.bijie.innovation.bench.measure.IndicatorReads;
import cn.bijie.innovation.bench.measure.JarSizes;
import cn.bijie.innovation.bench.measure.LedgerReads;
import cn.bijie.innovation.bench.measure.ListImport;
import cn.bijie.innovation.bench.measure.PrimedStarts;
import cn.bijie.innovation.bench.measure.ReminderRun;
import cn.bijie.innovation.bench.measure.RunnerLatency;
import cn.bijie.innovation.local.EmulatorStack;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark suite ({@code ./dev bench}): deployment jar sizes, cold first invocations against a reference program,
 * first invocations after SnapStart priming, warm latency through the local runner, and DynamoDB calls and items read
 * per request. Prints Markdown tables and writes {@code target/bench/results.json}. Reports, never asserts: the goals
 * are marked met or missed, and the exit status is 0 unless the suite itself could not run.
 */
public final class Bench {
    /** In order: the in-process calls run first, so the cold starts' sample reads find the records the writes made. */
    public static final List<Measurement> MEASUREMENTS = List.of(new JarSizes(), new DynamoCalls(), new ColdStarts(),
            new PrimedStarts(), new RunnerLatency(), new ReminderRun(), new IndicatorReads(), new DirectoryReads(),
            new LedgerReads(), new ListImport(), new AuditVerify());

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        Files.createDirectories(options.out());
        // the functions under test log to stdout; only the report goes there
        PrintStream report = System.out;
        System.setOut(System.err);
        Instant started = Instant.now();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("startedAt", started.toString());
        Map<String, Object> machine = machine();
        results.put("machine", machine);
        List<Table> tables = new ArrayList<>();

        List<FunctionUnderTest> functions = TemplateFunctions.read(options.root());
        Samples samples = Samples.scan(options.root().resolve("events"), options.samples());
        BenchContext.progress("creating the template's resources in " + options.endpoint() + " (stack "
                + BenchContext.STACK + ")");
        EmulatorStack stack = EmulatorStack.create(options.root().resolve("template.yaml"), options.endpoint(),
                BenchContext.STACK, Map.of());
        try (BenchContext bench = new BenchContext(options, functions, samples, stack)) {
            for (Measurement measurement : MEASUREMENTS) {
                if (!options.measures(measurement.id())) {
                    continue;
                }
                BenchContext.progress("measuring " + measurement.id());
                long start = System.nanoTime();
                try {
                    Measurement.Section section = measurement.run(bench);
                    results.put(measurement.id(), section.data());
                    tables.addAll(section.tables());
                } catch (Exception | LinkageError e) {
                    // one broken measurement must not hide the others' figures
                    BenchContext.progress(measurement.id() + " failed: " + e);
                    results.put(measurement.id(), Map.of("failed", String.valueOf(e)));
                    tables.add(new Table(measurement.id() + ": failed", "error").row(String.valueOf(e)));
                }
                BenchContext.progress(measurement.id() + " took " + (System.nanoTime() - start) / 1_000_000_000 + " s");
            }
        }
        double loadAtEnd = loadAverage();
        results.put("machineAtEnd", Map.of("loadAverage", loadAtEnd));
        results.put("seconds", (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0);

        Path json = options.out().resolve("results.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        report.println();
        report.println("## Benchmarks, " + started + " — " + describe(machine) + " at the start, " + loadAtEnd
                + " at the end");
        for (Table table : tables) {
            table.print(report);
        }
        report.println();
        report.println("Written: " + options.root().relativize(json));
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        machine.put("cpuModel", procLine("/proc/cpuinfo", "model name"));
        machine.put("memory", procLine("/proc/meminfo", "MemTotal"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("loadAverage", loadAverage());
        return machine;
    }

    static String describe(Map<String, Object> machine) {
        return machine.get("cpus") + " CPUs (" + machine.get("cpuModel") + "), " + machine.get("memory") + ", "
                + machine.get("java") + ", load average " + machine.get("loadAverage");
    }

    static double loadAverage() {
        return Stats.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 2);
    }

    private static String procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
