package cn.bijie.innovation.local.http;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the runner received it, free of the JDK server's types so the event building can be tested alone.
 *
 * @param headers lower-case names in arrival order, each with all of its values
 * @param rawQuery the query string as sent (without '?'), or null
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, String protocol, Map<String, List<String>> headers,
                       byte[] body, String sourceIp, int localPort, Instant received) {

    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
