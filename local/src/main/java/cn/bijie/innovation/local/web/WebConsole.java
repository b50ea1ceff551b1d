package cn.bijie.innovation.local.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The web console beside the API, as CloudFront serves it on AWS: {@code web/dist} at {@code /} (a path that is no
 * file and no API route is a console route and gets {@code index.html}), {@code /api/*} reaching the HTTP API with the
 * prefix removed, the same security headers, {@code /config.json} telling the console to sign in locally, and the
 * runner-only "sign in as" page.
 */
public final class WebConsole {
    /** CloudFront sends {@code /api/*} to the HTTP API and removes this prefix (template.yaml, ApiPathFunction). */
    public static final String API_PREFIX = "/api";
    private static final String ASSETS = "/assets/";

    /** What to write back; the runner turns it into its own reply type. */
    public record Reply(int status, List<Map.Entry<String, String>> headers, byte[] body) {}

    private final Path dist;
    private final Predicate<String> isApiPath;
    private final SecurityHeaders security;

    /**
     * @param dist the built console ({@code web/dist}); it may appear or change while the runner runs
     * @param isApiPath whether a GET of this path is one of the API's own routes (those keep answering at the root)
     * @param uploadOrigin where presigned document URLs point (the emulator), allowed in the CSP's connect-src
     */
    public WebConsole(Path dist, Predicate<String> isApiPath, String uploadOrigin) {
        this.dist = dist.toAbsolutePath().normalize();
        this.isApiPath = isApiPath;
        this.security = new SecurityHeaders(uploadOrigin);
    }

    /** The path the HTTP API sees for a request the console made on the same origin: {@code /api/x} → {@code /x}. */
    public static String apiPath(String rawPath) {
        return rawPath.startsWith(API_PREFIX + "/") ? rawPath.substring(API_PREFIX.length()) : rawPath;
    }

    /** The console's answer to a request, or empty when the request is the API's (or the runner's local routes'). */
    public Optional<Reply> handle(String method, String rawPath) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Optional.empty();
        }
        if (rawPath.equals(SignInPage.PATH)) {
            return Optional.of(reply(200, "text/html; charset=utf-8", "no-store", SignInPage.html()));
        }
        if (rawPath.equals(SignInPage.SCRIPT_PATH)) {
            return Optional.of(reply(200, "text/javascript; charset=utf-8", "no-store", SignInPage.script()));
        }
        if (rawPath.startsWith(API_PREFIX + "/") || rawPath.startsWith("/local/") || isApiPath.test(rawPath)) {
            return Optional.empty();
        }
        Optional<Path> file = file(rawPath);
        if (file.isPresent()) {
            return Optional.of(read(file.get(), rawPath.startsWith(ASSETS) ? "public, max-age=31536000, immutable" : "no-cache"));
        }
        if (rawPath.equals("/config.json")) {
            return Optional.of(reply(200, "application/json; charset=utf-8", "no-cache", LOCAL_CONFIG));
        }
        if (lastSegment(rawPath).contains(".") || rawPath.startsWith(ASSETS)) {
            return Optional.of(reply(404, "text/plain; charset=utf-8", "no-cache", "Not Found".getBytes(StandardCharsets.UTF_8)));
        }
        Path index = dist.resolve("index.html");
        if (!Files.isRegularFile(index)) { // not built: the start page says how; anything else is the API's 404
            return rawPath.equals("/") ? Optional.of(reply(404, "text/plain; charset=utf-8", "no-store",
                    "控制台尚未构建 (the console is not built: cd web && npm ci && npm run build, or ./dev up)"
                            .getBytes(StandardCharsets.UTF_8))) : Optional.empty();
        }
        return Optional.of(read(index, "no-cache")); // a console route: the single-page app finds its own page
    }

    /** Sign-in goes to the runner's page; on AWS the console's config.json names the OIDC issuer instead. */
    private static final byte[] LOCAL_CONFIG = """
            {"auth":{"mode":"local","signInUrl":"%s"}}
            """.formatted(SignInPage.PATH).strip().getBytes(StandardCharsets.UTF_8);

    private Optional<Path> file(String rawPath) {
        String decoded = java.net.URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path candidate = dist.resolve(decoded.substring(1)).normalize();
        if (!candidate.startsWith(dist) || decoded.contains("\0") || !Files.isRegularFile(candidate)) {
            return Optional.empty();
        }
        return Optional.of(candidate);
    }

    private Reply read(Path file, String cacheControl) {
        try {
            return reply(200, ContentTypes.of(file.getFileName().toString()), cacheControl, Files.readAllBytes(file));
        } catch (IOException e) { // the console was being rebuilt under us
            return reply(503, "text/plain; charset=utf-8", "no-store", "Service Unavailable".getBytes(StandardCharsets.UTF_8));
        }
    }

    private Reply reply(int status, String contentType, String cacheControl, byte[] body) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", contentType));
        headers.add(Map.entry("Cache-Control", cacheControl));
        headers.addAll(security.headers());
        return new Reply(status, List.copyOf(headers), body);
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }
}
