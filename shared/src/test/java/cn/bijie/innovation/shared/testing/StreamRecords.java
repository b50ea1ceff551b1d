package cn.bijie.innovation.shared.testing;

import cn.bijie.innovation.shared.json.Json;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB stream records and batches as Lambda's event source mapping hands them to a function (the one builder of
 * them for tests), and a batch delivered to a stream consumer.
 */
public final class StreamRecords {
    private static final AtomicLong SEQUENCE = new AtomicLong(7_000_000);

    private StreamRecords() {}

    /** A new item. */
    public static ObjectNode insert(Map<String, AttributeValue> item) {
        return record("INSERT", null, item);
    }

    /** An item changed from {@code before} to {@code after}. */
    public static ObjectNode modify(Map<String, AttributeValue> before, Map<String, AttributeValue> after) {
        return record("MODIFY", before, after);
    }

    static ObjectNode record(String eventName, Map<String, AttributeValue> oldImage,
            Map<String, AttributeValue> newImage) {
        long sequence = SEQUENCE.incrementAndGet();
        ObjectNode record = Json.MAPPER.createObjectNode();
        record.put("eventID", "it-" + sequence);
        record.put("eventName", eventName);
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", "us-east-1");
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", Instant.now().getEpochSecond());
        if (newImage.containsKey("PK")) {
            dynamodb.set("Keys", image(Map.of("PK", newImage.get("PK"), "SK", newImage.get("SK"))));
        }
        dynamodb.set("NewImage", image(newImage));
        if (oldImage != null) {
            dynamodb.set("OldImage", image(oldImage));
        }
        dynamodb.put("SequenceNumber", Long.toString(sequence));
        dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
        return record;
    }

    public static String batch(List<ObjectNode> records) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(array::add);
        return Json.write(event);
    }

    /** The consumer's answer to one event: the sequence numbers it reported as failed ({@code batchItemFailures}). */
    public static List<String> deliver(RequestStreamHandler to, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            to.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> failed = new ArrayList<>();
        Json.tree(out.toString(StandardCharsets.UTF_8)).path("batchItemFailures")
                .forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        return failed;
    }

    /** An item in DynamoDB JSON (the types our items use). */
    public static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode json = Json.MAPPER.createObjectNode();
        item.forEach((name, value) -> {
            ObjectNode typed = json.putObject(name);
            if (value.s() != null) {
                typed.put("S", value.s());
            } else if (value.n() != null) {
                typed.put("N", value.n());
            } else if (value.bool() != null) {
                typed.put("BOOL", value.bool());
            } else if (value.hasSs()) {
                value.ss().forEach(typed.putArray("SS")::add);
            } else {
                throw new IllegalArgumentException("type not used by our items: " + value);
            }
        });
        return json;
    }
}
