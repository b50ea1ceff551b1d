package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.log.Metrics;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A batch of the table's stream as a consumer function gets it: each record handled on its own; one that fails is
 * reported in {@code batchItemFailures} (so Lambda retries from it) while the others of the batch still get done.
 */
public final class StreamBatch {
    private StreamBatch() {}

    public static void handle(InputStream in, OutputStream out, Consumer<JsonNode> record) throws IOException {
        JsonNode event = Json.MAPPER.readTree(in);
        List<Map<String, String>> failures = new ArrayList<>();
        for (JsonNode each : event.path("Records")) {
            String sequenceNumber = each.path("dynamodb").path("SequenceNumber").asText();
            try {
                record.accept(each);
            } catch (RuntimeException e) {
                Log.error("stream record failed", Map.of("sequenceNumber", sequenceNumber,
                        "exception", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage())));
                failures.add(Map.of("itemIdentifier", sequenceNumber));
            }
        }
        Metrics.count(Metrics.STREAM_RECORDS_FAILED, failures.size());
        Json.MAPPER.writeValue(out, Map.of("batchItemFailures", failures));
    }
}
