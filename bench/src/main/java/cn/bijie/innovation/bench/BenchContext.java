package cn.bijie.innovation.bench;

import cn.bijie.innovation.local.EmulatorStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What every measurement works with: the options, the template's functions and samples, the stack in the emulator. */
public final class BenchContext implements AutoCloseable {
    /** Stack name of the suite's resources in the emulator ({@code bench-Table} …), apart from a developer's own. */
    public static final String STACK = "bench";

    private final BenchOptions options;
    private final List<FunctionUnderTest> functions;
    private final Samples samples;
    private final EmulatorStack stack;
    private final Map<String, InProcessFunction> loaded = new LinkedHashMap<>();

    public BenchContext(BenchOptions options, List<FunctionUnderTest> functions, Samples samples, EmulatorStack stack) {
        this.options = options;
        this.functions = functions;
        this.samples = samples;
        this.stack = stack;
    }

    public BenchOptions options() {
        return options;
    }

    /** The functions measured: all of the template's, or those of {@code --only}. */
    public List<FunctionUnderTest> functions() {
        return functions.stream()
                .filter(f -> options.functions().isEmpty() || options.functions().contains(f.logicalId()))
                .toList();
    }

    public Optional<FunctionUnderTest> function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
    }

    public Samples samples() {
        return samples;
    }

    /** The environment the template gives {@code logicalId}, pointing at the emulator (as the local runner sets it). */
    public Map<String, String> environment(String logicalId) {
        return stack.environment(logicalId);
    }

    public String table() {
        return stack.physicalName("Table");
    }

    /** The function loaded in this JVM with the call probe beside it; built once, reused by every measurement. */
    public InProcessFunction inProcess(FunctionUnderTest function) throws Exception {
        InProcessFunction existing = loaded.get(function.logicalId());
        if (existing == null) {
            existing = InProcessFunction.load(function, environment(function.logicalId()), benchJar("bench-probe.jar"));
            loaded.put(function.logicalId(), existing);
        }
        return existing;
    }

    /** One of the bench module's jars ({@code bench/target/<name>}). */
    public Path benchJar(String name) {
        Path jar = options.root().resolve("bench/target").resolve(name);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with mvn -DskipTests package (./dev bench does)");
        }
        return jar;
    }

    public Path runnerJar() {
        return options.root().resolve("local/target/local-runner.jar");
    }

    /** A file under the output folder for a child's stderr. */
    public Path log(String name) throws IOException {
        Path logs = Files.createDirectories(options.out().resolve("logs"));
        return logs.resolve(name + ".log");
    }

    public static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    @Override
    public void close() throws IOException {
        for (InProcessFunction function : loaded.values()) {
            function.close();
        }
        stack.close();
    }
}
