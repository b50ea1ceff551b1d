package cn.bijie.innovation.bench;

import cn.bijie.innovation.local.client.RunnerClient;
import cn.bijie.innovation.local.support.Await;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The packaged local runner as its own process on template.yaml, against the suite's emulator stack, over HTTP. */
public final class RunnerProcess implements AutoCloseable {
    private final Process process;
    private final RunnerClient client;

    private RunnerProcess(Process process, URI base) {
        this.process = process;
        this.client = new RunnerClient(base, Duration.ofSeconds(30));
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
        // a runner that exited ends the wait too
        if (Await.until(Duration.ofSeconds(120), Duration.ofMillis(200), () -> !process.isAlive() || runner.client.healthy())
                && process.isAlive()) {
            return runner;
        }
        runner.close();
        throw new IOException("the local runner did not become healthy; log: " + ChildJvm.tail(log));
    }

    /** A bearer token from the runner's {@code POST /local/token}. */
    public String token(String sub, String group, String uscc) throws IOException, InterruptedException {
        return client.token(sub, List.of(group), uscc, null);
    }

    public HttpResponse<String> send(String method, String path, String token, String body, String... headers)
            throws IOException, InterruptedException {
        return client.send(method, path, token, body, headers);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
