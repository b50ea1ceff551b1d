package cn.bijie.innovation.shared.log;

import cn.bijie.innovation.shared.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per line, which CloudWatch (LogFormat JSON) indexes as fields. Log ids and outcomes only —
 * never whole events or the environment, which holds credentials.
 */
public final class Log {
    private Log() {}

    public static void info(String message, Map<String, ?> fields) {
        write("INFO", message, fields);
    }

    public static void error(String message, Map<String, ?> fields) {
        write("ERROR", message, fields);
    }

    private static void write(String level, String message, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        line.putAll(fields);
        System.out.println(Json.write(line));
    }
}
