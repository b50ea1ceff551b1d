package cn.bijie.innovation.shared.log;

import cn.bijie.innovation.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts that alarms can fire on, in CloudWatch's embedded metric format: one JSON line on stdout, which CloudWatch
 * Logs turns into a metric (no API call on the request path). Handlers answer errors as 5xx bodies rather than
 * throwing, so Lambda's own {@code Errors} stays 0; these counts are what the alarms in template.yaml read. Each count
 * is published per function (dimension {@code Function}) and for the stack as a whole (no dimension, what the alarm
 * reads), in the namespace {@code METRICS_NAMESPACE} (the stack's own).
 */
public final class Metrics {
    public static final String HTTP_5XX = "Http5xx";
    public static final String STREAM_RECORDS_FAILED = "StreamRecordsFailed";
    public static final String REMINDER_MAILS_FAILED = "ReminderMailsFailed";

    private static final String NAMESPACE = System.getenv().getOrDefault("METRICS_NAMESPACE", "BijieInnovation/local");
    private static final String FUNCTION = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "local");

    private Metrics() {}

    /** Publishes {@code value} of {@code metric}; nothing for 0, so a quiet function writes no metric lines. */
    public static void count(String metric, long value) {
        if (value > 0) {
            System.out.println(line(NAMESPACE, FUNCTION, metric, value, System.currentTimeMillis()));
        }
    }

    static String line(String namespace, String function, String metric, long value, long epochMillis) {
        Map<String, Object> directive = Map.of("Namespace", namespace, "Dimensions", List.of(List.of("Function"),
                List.of()), "Metrics", List.of(Map.of("Name", metric, "Unit", "Count")));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", epochMillis, "CloudWatchMetrics", List.of(directive)));
        line.put("Function", function);
        line.put(metric, value);
        return Json.write(line);
    }
}
