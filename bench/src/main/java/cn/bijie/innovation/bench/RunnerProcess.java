package cn.bijie.innovation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged local runner as its own process on template.yaml, against the suite's emulator stack, over HTTP. */
public final class RunnerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RunnerProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    public static RunnerProcess start(BenchContext bench) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path root = bench.options().root();
        Path log = bench.log("local-runner");
        List<String> command = new ArrayList<>(List.of(ChildJvm.java()));
        command.addAll(bench.options().runnerJvmFlags());
        command.addAll(List.of("-jar", bench.runnerJar().toString(), "--template",
                root.resolve("template.yaml").toString(), "--port", Integer.toString(port),
                "--endpoint", bench.options().endpoint().toString(), "--stack", BenchContext.STACK));
        Process process = new ProcessBuilder(command)
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        RunnerProcess runner = new RunnerProcess(process, URI.create("http://127.0.0.1:" + port));
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (runner.send("GET", "/local/health", null, null).statusCode() == 200) {
                    return runner;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        runner.close();
        throw new IOException("the local runner did not become healthy; log: " + ChildJvm.tail(log));
    }

    /** A bearer token from the runner's {@code POST /local/token}. */
    public String token(String sub, String group, String uscc) throws IOException, InterruptedException {
        Map<String, Object> body = uscc == null ? Map.of("sub", sub, "groups", List.of(group))
                : Map.of("sub", sub, "groups", List.of(group), "uscc", uscc);
        HttpResponse<String> response = send("POST", "/local/token", null, JSON.writeValueAsString(body));
        if (response.statusCode() != 200) {
            throw new IOException("POST /local/token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("token").asText();
    }

    public HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
