package cn.bijie.innovation.e2e;

import cn.bijie.innovation.local.client.RunnerClient;
import cn.bijie.innovation.local.support.Await;
import cn.bijie.innovation.shared.testing.MiniStack;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The system as a newcomer runs it: the packaged local runner ({@code local/target/local-runner.jar}) started as its
 * own process on template.yaml, against this JVM's MiniStack, called over HTTP.
 */
public final class LocalApi {
    static final ObjectMapper JSON = new ObjectMapper();
    private static LocalApi shared;

    private final Process runner;
    private final RunnerClient client;
    private final MiniStack miniStack;

    private LocalApi(Process runner, URI base, MiniStack miniStack) {
        this.runner = runner;
        this.client = new RunnerClient(base, Duration.ofSeconds(60));
        this.miniStack = miniStack;
    }

    public static synchronized LocalApi shared() {
        if (shared == null) {
            shared = start(MiniStack.shared());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    static LocalApi start(MiniStack miniStack) {
        return start(miniStack, Map.of());
    }

    /** A runner of a test's own, with extra process environment (e.g. {@code AWS_ENDPOINT_URL_S3} for a fault). */
    static LocalApi start(MiniStack miniStack, Map<String, String> environment) {
        Path root = ProjectRoot.path();
        Path jar = root.resolve("local/target/local-runner.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: the e2e module runs after `mvn package` of local/");
        }
        int port = freePort();
        try {
            Path log = Files.createTempFile("local-runner-" + port + "-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                    "--template", root.resolve("template.yaml").toString(),
                    "--port", Integer.toString(port),
                    "--endpoint", miniStack.endpoint().toString(),
                    "--stack", "e2e"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).directory(root.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            LocalApi api = new LocalApi(process, URI.create("http://127.0.0.1:" + port), miniStack);
            api.awaitHealthy(log);
            return api;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the local runner", e);
        }
    }

    /** Where the runner listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return client.base();
    }

    public MiniStack miniStack() {
        return miniStack;
    }

    /** A token from the runner's {@code POST /local/token}. */
    public String token(String sub, List<String> groups, String uscc) {
        try {
            return client.token(sub, groups, uscc, sub + "@example.com");
        } catch (IOException e) {
            throw new IllegalStateException("token: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String applicantToken(String uscc) {
        return token("applicant-" + uscc, List.of("applicant"), uscc);
    }

    public String roleToken(String role) {
        return token(role + "-1", List.of(role), null);
    }

    /**
     * Sets a policy parameter as staff must (four-eyes): {@code staff-1} proposes {@code valueJson}, {@code staff-2}
     * approves it. The approval's answer, or the proposal's when the value is in force already (200, nothing to approve).
     */
    public Reply setParameter(String name, String valueJson) {
        String body = "{\"value\":" + valueJson + "}";
        Reply proposed = call("PUT", "/policy/parameters/" + name, roleToken("staff"), body);
        if (proposed.status() != 202) {
            return proposed;
        }
        return call("POST", "/policy/parameters/" + name + "/approval", token("staff-2", List.of("staff"), null),
                body);
    }

    /** The first day of the subsidy window the tests' money needs (every recognition they record is later). */
    public static final String SUBSIDY_WINDOW_FROM = "2019-01-01";

    /**
     * Staff set the policy parameters the money needs (four-eyes): the subsidy window's first day. Until it is set,
     * every calculated subsidy waits in {@code PENDING_AMOUNT}.
     */
    public Reply openSubsidyWindow() {
        return setParameter("SUBSIDY_WINDOW_FROM", "\"" + SUBSIDY_WINDOW_FROM + "\"");
    }

    /** An answer: status, headers, body text and the body as JSON (null node when it is not JSON). */
    public record Reply(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.nullNode();
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText(null);
        }
    }

    public Reply call(String method, String path, String token, String body, String... headerPairs) {
        try {
            HttpResponse<String> response = client.send(method, path, token, body, headerPairs);
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the runner answers its health route with 200. */
    boolean healthy() {
        try {
            return client.healthy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the runner's stream pollers have delivered every record written so far. */
    public JsonNode drainStreams() {
        Reply reply = call("POST", "/local/streams/drain", null, null);
        if (reply.status() != 200) {
            throw new IllegalStateException("drain: " + reply);
        }
        return reply.json();
    }

    /**
     * The step every test that pays takes first: staff open a public notice (公示) of the subsidies and the daily close
     * runs on the day after its last working day with no objection, so they await payment. The notice as opened.
     */
    public JsonNode passNotice(String... subsidyIds) {
        Reply opened = call("POST", "/notices", roleToken("staff"), write(Map.of("title", "补助拨付前公示",
                "subsidyIds", List.of(subsidyIds))));
        if (opened.status() != 201) {
            throw new IllegalStateException("POST /notices: " + opened.status() + " " + opened.body());
        }
        java.time.LocalDate closeOn = java.time.LocalDate.parse(opened.json().path("endsOn").asText()).plusDays(1);
        Reply closed = schedule("NoticesFunction", closeOn.atTime(9, 30).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant().toString());
        if (closed.status() != 200) {
            throw new IllegalStateException("the daily close: " + closed.status() + " " + closed.body());
        }
        return opened.json();
    }

    /** Runs a scheduled function now with event time {@code isoTime}. */
    public Reply schedule(String logicalId, String isoTime) {
        return call("POST", "/local/schedules/" + logicalId, null, write(Map.of("time", isoTime)));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        runner.destroy();
        try {
            runner.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitHealthy(Path log) throws IOException {
        boolean healthy;
        try {
            // a runner that exited ends the wait too
            healthy = Await.until(Duration.ofSeconds(120), Duration.ofMillis(200), () -> !runner.isAlive() || client.healthy());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!runner.isAlive()) {
            throw new IllegalStateException("the local runner exited:\n" + Files.readString(log));
        }
        if (!healthy) {
            stop();
            throw new IllegalStateException("the local runner was not healthy within 120 s; log: " + log);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
