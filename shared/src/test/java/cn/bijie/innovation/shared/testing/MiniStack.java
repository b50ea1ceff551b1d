package cn.bijie.innovation.shared.testing;

import cn.bijie.innovation.local.support.Await;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A MiniStack emulator that the tests start themselves: the project's pinned one from {@code .venv}, bound to loopback
 * on a free port, one per test JVM, stopped when the JVM ends.
 */
public final class MiniStack {
    private static MiniStack shared;

    private final Process process;
    private final URI endpoint;

    private MiniStack(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** The emulator of this test JVM, started on first use. */
    public static synchronized MiniStack shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public static MiniStack start() {
        return start(freePort(), Map.of());
    }

    /**
     * An emulator of a test's own on {@code port} (the same port again after {@link #stop()}, for a restart), with
     * extra environment such as {@code PERSIST_STATE=1} and {@code STATE_DIR}, which keep the tables across a restart.
     */
    public static MiniStack start(int port, Map<String, String> environment) {
        Path root = ProjectRoot.path();
        Path bin = Path.of(System.getProperty("ministack.bin", root.resolve(".venv/bin/ministack").toString()));
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException(bin + " is missing: run ./dev test (it bootstraps .venv)");
        }
        try {
            Path log = Files.createTempFile("ministack-" + port + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(bin.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("BIND_HOST", "127.0.0.1");
            builder.environment().put("GATEWAY_PORT", Integer.toString(port));
            builder.environment().put("IOT_MTLS_ENABLED", "0");
            builder.environment().put("SERVICES", "dynamodb,dynamodbstreams,s3,ses,sesv2,sqs,sts,secretsmanager");
            builder.environment().put("MINISTACK_REGION", "us-east-1");
            builder.environment().putAll(environment);
            builder.directory(new File(System.getProperty("java.io.tmpdir")));
            MiniStack miniStack = new MiniStack(builder.start(), URI.create("http://127.0.0.1:" + port));
            miniStack.awaitReady(log);
            return miniStack;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start MiniStack", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return endpoint.getPort();
    }

    /** Forgets every table, bucket and message. */
    public void reset() {
        send("POST", "/_ministack/reset");
    }

    /** The mails MiniStack's SES accepted, as its JSON. */
    public String sentMail() {
        return send("GET", "/_ministack/ses/messages");
    }

    public String send(String method, String path) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(endpoint.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        boolean ready;
        try {
            // a process that exited stops the waiting too
            ready = Await.until(Duration.ofSeconds(60), Duration.ofMillis(100), () -> !process.isAlive() || healthy(client));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("MiniStack exited: " + Files.readString(log));
        }
        if (!ready) {
            stop();
            throw new IllegalStateException("MiniStack did not answer within 60 s; log: " + log);
        }
    }

    private boolean healthy(HttpClient client) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(endpoint.resolve("/_ministack/health")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
