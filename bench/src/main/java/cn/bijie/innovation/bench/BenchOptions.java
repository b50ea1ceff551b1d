package cn.bijie.innovation.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command line of the suite; every knob has the default the issue asks for. */
public record BenchOptions(
        Path root,
        URI endpoint,
        Path out,
        int coldRuns,
        int primingRuns,
        int warmInvocations,
        int durationSeconds,
        int concurrency,
        List<String> measurements,
        List<String> functions,
        Map<String, Path> samples,
        List<Integer> indicatorOrganisations,
        int seedSeconds,
        List<String> runnerJvmFlags) {

    public static final String USAGE = """
            usage: bench --endpoint http://127.0.0.1:4566 [--root .] [--out target/bench]
                   [--runs 5] [--priming-runs 3] [--warm 20] [--duration 20] [--concurrency 8]
                   [--measure jars,calls,cold,priming,runner,reminders,indicators,directory,ledger,imports,audit]
                   [--only LogicalId,...]
                   [--sample LogicalId=events/x.json]... [--indicator-orgs 100,10000] [--seed-seconds 150]
                   [--runner-jvm "-XX:TieredStopAtLevel=1"]   (the local runner's JVM flags; ./dev up's by default)""";

    public static BenchOptions parse(String... args) {
        Path root = Path.of("").toAbsolutePath();
        URI endpoint = null;
        Path out = null;
        int runs = 5;
        int primingRuns = 3;
        int warm = 20;
        int duration = 20;
        int concurrency = 8;
        List<String> measurements = List.of();
        List<String> functions = List.of();
        Map<String, String> samples = new LinkedHashMap<>();
        List<Integer> organisations = List.of(100, 10_000);
        List<String> runnerFlags = List.of("-XX:TieredStopAtLevel=1");
        int seedSeconds = 150;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--root" -> root = Path.of(require(args[i], value)).toAbsolutePath().normalize();
                case "--endpoint" -> endpoint = URI.create(require(args[i], value));
                case "--out" -> out = Path.of(require(args[i], value));
                case "--runs" -> runs = positive(args[i], value);
                case "--priming-runs" -> primingRuns = positive(args[i], value);
                case "--warm" -> warm = positive(args[i], value);
                case "--duration" -> duration = positive(args[i], value);
                case "--concurrency" -> concurrency = positive(args[i], value);
                case "--measure" -> measurements = List.of(require(args[i], value).split(","));
                case "--only" -> functions = List.of(require(args[i], value).split(","));
                case "--sample" -> {
                    String[] pair = require(args[i], value).split("=", 2);
                    if (pair.length != 2) {
                        throw new IllegalArgumentException("--sample LogicalId=events/file.json");
                    }
                    samples.put(pair[0], pair[1]);
                }
                case "--indicator-orgs" -> {
                    List<Integer> counts = new ArrayList<>();
                    for (String count : require(args[i], value).split(",")) {
                        counts.add(positive(args[i], count));
                    }
                    organisations = List.copyOf(counts);
                }
                case "--seed-seconds" -> seedSeconds = positive(args[i], value);
                case "--runner-jvm" -> runnerFlags = value == null || value.isBlank() ? List.of()
                        : List.of(value.trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (endpoint == null) {
            throw new IllegalArgumentException("--endpoint is required (the emulator's URL)");
        }
        Path finalRoot = root;
        Map<String, Path> samplePaths = new LinkedHashMap<>();
        samples.forEach((id, file) -> samplePaths.put(id, finalRoot.resolve(file).normalize()));
        return new BenchOptions(root, endpoint, out == null ? root.resolve("target/bench") : root.resolve(out), runs,
                primingRuns, warm, duration, concurrency, measurements, functions, samplePaths, organisations,
                seedSeconds, runnerFlags);
    }

    public boolean measures(String id) {
        return measurements.isEmpty() || measurements.contains(id);
    }

    private static String require(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static int positive(String option, String value) {
        try {
            int number = Integer.parseInt(require(option, value));
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, got " + value);
    }
}
