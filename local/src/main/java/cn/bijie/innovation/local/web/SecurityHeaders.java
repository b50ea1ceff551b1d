package cn.bijie.innovation.local.web;

import java.util.List;
import java.util.Map;

/**
 * The headers CloudFront's response-headers policy adds on AWS (template.yaml, ConsoleSecurityHeaders), so the browser
 * tests run the console under the same CSP. HSTS is left out: browsers ignore it over plain http.
 */
final class SecurityHeaders {
    private final List<Map.Entry<String, String>> headers;

    SecurityHeaders(String uploadOrigin) {
        // Element Plus positions popovers with style attributes: styles may be inline, scripts never.
        String csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src 'self' " + uploadOrigin + "; frame-ancestors 'none'; "
                + "base-uri 'self'; form-action 'self'; object-src 'none'";
        this.headers = List.of(
                Map.entry("Content-Security-Policy", csp),
                Map.entry("X-Content-Type-Options", "nosniff"),
                Map.entry("X-Frame-Options", "DENY"),
                Map.entry("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    List<Map.Entry<String, String>> headers() {
        return headers;
    }
}
