package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Calls through the local runner, each answer held against openapi.yaml (a documented status, a body its schema
 * accepts) and against the error rules of API.md (no stack trace or internal names in a body). Collects what it saw,
 * for the assertions and the figures of docs/RELIABILITY.md.
 */
public final class ContractedApi {
    /** What a body must never carry: a Java stack frame or exception name, an SDK or emulator internal. */
    static final Pattern LEAK = Pattern.compile(
            "\\bat [a-z][\\w.$]+\\(|Exception\\b|java\\.|software\\.amazon|cn\\.bijie|ministack|127\\.0\\.0\\.1");

    private final LocalApi api;
    private final OpenApiContract contract = OpenApiContract.load();
    private final ConcurrentSkipListSet<String> problems = new ConcurrentSkipListSet<>();
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public ContractedApi(LocalApi api) {
        this.api = api;
    }

    public LocalApi api() {
        return api;
    }

    public Reply call(String method, String path, String token, String body, String... headers) {
        Reply reply = api.call(method, path, token, body, headers);
        calls.incrementAndGet();
        statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
        problems.addAll(contract.problems(method, path, reply));
        if (reply.status() >= 400 && !isPresignedUrlBody(reply) && LEAK.matcher(reply.body()).find()) {
            problems.add(method + " " + path + " " + reply.status() + " leaks internals: "
                    + OpenApiContract.abbreviate(reply.body()));
        }
        return reply;
    }

    private static boolean isPresignedUrlBody(Reply reply) {
        return reply.body().contains("X-Amz-Signature");
    }

    public long calls() {
        return calls.get();
    }

    /** Status → how many answers had it. */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> out = new java.util.TreeMap<>();
        statuses.forEach((status, count) -> out.put(status, count.get()));
        return out;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Every answer so far was a documented one. */
    public void assertConforms() {
        assertThat(problems()).as("answers that openapi.yaml or API.md's error rules reject").isEmpty();
    }
}
