package cn.bijie.innovation.bench.harness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fresh JVM's first invocation of one function: {@code java -cp <function jar>:<harness jar> ...Harness <handler
 * class> <event file> [--prime] [--warm N]}. The function reads its configuration from the process environment, as on
 * Lambda. Prints one line {@code @bench {...}} with its own timings right after the measured invocations; the suite
 * times the whole process from its start to that line.
 *
 * <p>{@code --prime} runs the SnapStart priming hooks before the first invocation; {@code --warm N} invokes N more times
 * and reports each, so the first invocation can be set against warm ones.
 */
public final class Harness {
    public static final String MARKER = "@bench ";
    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d+)");

    private Harness() {}

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String handlerClass = args[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        boolean prime = false;
        int warm = 0;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--prime")) {
                prime = true;
            } else if (args[i].equals("--warm")) {
                warm = Integer.parseInt(args[++i]);
            }
        }

        Invoker invoker = Invoker.load(Harness.class.getClassLoader(), handlerClass, null);
        long built = System.nanoTime();
        int hooks = prime ? invoker.prime() : 0;
        long primed = System.nanoTime();
        byte[] output = invoker.invoke(event);
        long first = System.nanoTime();
        List<Double> warmMs = new ArrayList<>();
        for (int i = 0; i < warm; i++) {
            long before = System.nanoTime();
            invoker.invoke(event);
            warmMs.add(ms(System.nanoTime() - before));
        }
        StringBuilder line = new StringBuilder(MARKER).append('{')
                .append("\"initMs\":").append(ms(built - start))
                .append(",\"primeMs\":").append(ms(primed - built))
                .append(",\"hooks\":").append(hooks)
                .append(",\"firstMs\":").append(ms(first - primed))
                .append(",\"status\":").append(status(output))
                .append(",\"warmMs\":").append(warmMs)
                .append('}');
        System.out.println(line);
        System.out.flush();
        System.exit(0);
    }

    /** The HTTP status of an API Gateway response, or 0 for other outputs (stream batches, scheduled runs). */
    public static int status(byte[] output) {
        Matcher matcher = STATUS.matcher(new String(output, StandardCharsets.UTF_8));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }

    static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }
}
