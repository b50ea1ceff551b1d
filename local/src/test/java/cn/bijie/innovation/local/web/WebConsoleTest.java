package cn.bijie.innovation.local.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console beside the API: files, console routes, the API's own paths left alone, the local sign-in page. */
class WebConsoleTest {
    @TempDir
    Path dist;
    private WebConsole console;

    @BeforeEach
    void build() throws IOException {
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>console</title>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-abc123.js"), "console.log(1)");
        console = new WebConsole(dist, path -> path.equals("/policy") || path.startsWith("/applications"),
                "http://127.0.0.1:4566");
    }

    @Test
    void file_isServed_withItsTypeAndLongCaching_whenAnAsset() {
        WebConsole.Reply reply = console.handle("GET", "/assets/index-abc123.js").orElseThrow();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(header(reply, "Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(header(reply, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo("console.log(1)");
    }

    @Test
    void consoleRoute_getsIndexHtml_withTheSecurityHeaders() {
        WebConsole.Reply reply = console.handle("GET", "/review/01HZX3K8Q6T1V9B2N4M7C5D0EF").orElseThrow();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("<title>console</title>");
        assertThat(header(reply, "Cache-Control")).isEqualTo("no-cache");
        assertThat(header(reply, "Content-Security-Policy"))
                .contains("script-src 'self';", "frame-ancestors 'none'", "connect-src 'self' http://127.0.0.1:4566;")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(header(reply, "X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void apiPaths_localRoutes_andWrites_areLeftToTheApi() {
        assertThat(console.handle("GET", "/policy")).isEmpty();
        assertThat(console.handle("GET", "/applications/x")).isEmpty();
        assertThat(console.handle("GET", "/api/policy")).isEmpty();
        assertThat(console.handle("GET", "/local/health")).isEmpty();
        assertThat(console.handle("POST", "/review")).isEmpty();
    }

    @Test
    void apiPath_dropsTheConsolePrefix_only() {
        assertThat(WebConsole.apiPath("/api/applications/x")).isEqualTo("/applications/x");
        assertThat(WebConsole.apiPath("/applications/x")).isEqualTo("/applications/x");
        assertThat(WebConsole.apiPath("/apixyz")).isEqualTo("/apixyz");
    }

    @Test
    void missingFile_isNotFound_andAPathOutsideDist_isNeverRead() throws IOException {
        Files.writeString(dist.getParent().resolve("secret.txt"), "no");

        assertThat(console.handle("GET", "/assets/gone-123.js").orElseThrow().status()).isEqualTo(404);
        assertThat(console.handle("GET", "/../secret.txt").orElseThrow().status()).isEqualTo(404);
        assertThat(console.handle("GET", "/%2e%2e/secret.txt").orElseThrow().status()).isEqualTo(404);
    }

    @Test
    void configJson_tellsTheConsoleToSignInLocally() {
        WebConsole.Reply reply = console.handle("GET", "/config.json").orElseThrow();

        assertThat(new String(reply.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"auth\":{\"mode\":\"local\",\"signInUrl\":\"/local/sign-in\"}}");
    }

    @Test
    void signInPage_usesTheTokenRoute_fromAScriptFile() {
        String page = new String(console.handle("GET", "/local/sign-in").orElseThrow().body(), StandardCharsets.UTF_8);
        String script = new String(console.handle("GET", "/local/sign-in.js").orElseThrow().body(), StandardCharsets.UTF_8);

        assertThat(page).contains("<script src=\"/local/sign-in.js\"></script>", "申报单位", "科技局审核人员");
        assertThat(script).contains("fetch('/local/token'", "/signed-in#token=");
    }

    @Test
    void unbuiltConsole_saysHowToBuildIt_onItsStartPage_andLeavesOtherPathsToTheApi() throws IOException {
        Files.delete(dist.resolve("index.html"));

        WebConsole.Reply reply = console.handle("GET", "/").orElseThrow();

        assertThat(reply.status()).isEqualTo(404);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("npm run build");
        assertThat(console.handle("GET", "/progress")).isEmpty();
    }

    private static String header(WebConsole.Reply reply, String name) {
        return reply.headers().stream().filter(h -> h.getKey().equals(name)).map(Map.Entry::getValue).findFirst()
                .orElse(null);
    }
}
