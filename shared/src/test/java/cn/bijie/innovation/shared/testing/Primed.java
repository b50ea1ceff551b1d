package cn.bijie.innovation.shared.testing;

import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@link Priming#primeAll()} as a test runs it, with the log lines the actions wrote. Priming never throws (a failed
 * action must not fail the snapshot), so "did not throw" proves little: a failed action, a route that answered 500 and
 * a dependency that failed each log an {@code ERROR} line, which {@link #errors()} shows.
 */
public record Primed(int actions, List<String> log) {

    /** Runs every registered action now; their log lines still reach the test's output too. */
    public static Primed primeAll() {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int actions;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            actions = Priming.primeAll();
        } finally {
            System.setOut(out);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        out.print(log);
        return new Primed(actions, log.lines().toList());
    }

    public List<String> errors() {
        return log.stream().filter(line -> line.contains("\"level\":\"ERROR\"")).toList();
    }

    /**
     * The statuses the priming requests to {@code route} answered, e.g. 404 for a GET that reached the store and
     * found nothing, 400 for a write whose body failed validation (every handler built in this JVM primes again).
     */
    public List<Integer> statuses(String route) {
        return log.stream().filter(line -> line.startsWith("{")).map(Json::tree)
                .filter(line -> "request".equals(line.path("message").asText())
                        && route.equals(line.path("route").asText()))
                .map(line -> line.path("httpStatus").asInt()).toList();
    }
}
