package cn.bijie.innovation.bench;

import cn.bijie.innovation.bench.harness.Harness;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A program in a fresh JVM, timed from just before the process starts to the line it prints after its measured work
 * ({@code @bench {...}}): JVM start, class loading, initialisation and the work itself, as a cold Lambda pays them.
 * The environment is exactly the one given (plus {@code LANG}), like a Lambda sandbox's.
 */
public final class ChildJvm {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_SECONDS = 120;

    /**
     * One run: wall time to the marker line, the CPU time the process had used by then (all its threads: less
     * sensitive than wall time to other work on a shared machine), and what the program reported on the line.
     */
    public record Run(double wallMs, double cpuMs, JsonNode report) {}

    private ChildJvm() {}

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <jvmFlags> -cp <classPath> <mainClass> <args>} */
    public static List<String> command(List<String> jvmFlags, List<Path> classPath, String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(String.join(java.io.File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(List.of(args));
        return command;
    }

    public static Run run(List<String> command, Map<String, String> environment, Path stderrLog)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(stderrLog.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("LANG", "C.UTF-8"); // Lambda's sandboxes run with a UTF-8 locale too
        long started = System.nanoTime();
        Process process = builder.start();
        Thread watchdog = new Thread(() -> {
            try {
                await(process);
            } catch (InterruptedException stopped) {
                // the run ended in time
            }
        }, "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(Harness.MARKER)) {
                    double wallMs = (System.nanoTime() - started) / 1e6;
                    double cpuMs = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
                    JsonNode report = JSON.readTree(line.substring(Harness.MARKER.length()));
                    out.transferTo(java.io.Writer.nullWriter());
                    await(process);
                    watchdog.interrupt();
                    return new Run(wallMs, cpuMs, report);
                }
            }
        }
        await(process);
        throw new IOException(command.get(command.size() - 1) + " printed no " + Harness.MARKER.trim()
                + " line (exit " + process.exitValue() + "); stderr: " + tail(stderrLog));
    }

    private static void await(Process process) throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
