package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.log.Metrics;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A batch of the table's stream as a consumer function gets it, through the official types: the event read as a
 * {@link DynamodbEvent} ({@link StreamEvents}), each record's images converted once to the SDK's
 * {@link AttributeValue} (so the mappers read them like any item) and handled on its own; a record that fails is
 * reported in the {@link StreamsEventResponse}'s {@code batchItemFailures} (so Lambda retries from it) while the others
 * of the batch still get done.
 */
public final class StreamBatch {
    /** A record of a type no consumer acts on: priming runs the whole read and dispatch on it, and nothing is done. */
    private static final String PRIMING_EVENT = """
            {"Records":[{"eventID":"priming","eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{
            "ApproximateCreationDateTime":0,"Keys":{"PK":{"S":"PRIMING"},"SK":{"S":"PRIMING"}},
            "NewImage":{"PK":{"S":"PRIMING"},"SK":{"S":"PRIMING"},"type":{"S":"PRIMING"}},
            "SequenceNumber":"0","StreamViewType":"NEW_AND_OLD_IMAGES"}}]}""";

    private StreamBatch() {}

    /** One record of the stream: what changed, where in the stream, and the item before and after (empty: none). */
    public record Change(String eventName, String sequenceNumber, Instant writtenAt,
            Map<String, AttributeValue> oldImage, Map<String, AttributeValue> newImage) {

        public boolean inserted() {
            return "INSERT".equals(eventName);
        }

        public boolean modified() {
            return "MODIFY".equals(eventName);
        }

        /** The new image's {@code type} (every item of the table has one), or null when there is no new image. */
        public String type() {
            return Items.str(newImage, "type");
        }
    }

    /** Event JSON in, the batch's response JSON out, each record through {@code each}. */
    public static void handle(InputStream in, OutputStream out, Consumer<Change> each) throws IOException {
        handle(in, out, each, failure -> false);
    }

    /**
     * As {@link #handle(InputStream, OutputStream, Consumer)}; a record that fails {@code deferred}ly (a failure that is
     * expected and resolves itself, e.g. a row whose subsidy is not calculated yet) is retried as well, but logged as
     * deferred and not counted among the failed records that page someone.
     */
    public static void handle(InputStream in, OutputStream out, Consumer<Change> each,
            Predicate<RuntimeException> deferred) throws IOException {
        StreamEvents.write(out, handle(StreamEvents.read(in), each, deferred));
    }

    public static StreamsEventResponse handle(DynamodbEvent event, Consumer<Change> each,
            Predicate<RuntimeException> deferred) {
        List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
        int failed = 0;
        for (DynamodbEvent.DynamodbStreamRecord record : records(event)) {
            String sequenceNumber = record.getDynamodb() == null ? null : record.getDynamodb().getSequenceNumber();
            try {
                each.accept(change(record));
            } catch (RuntimeException e) {
                boolean expected = deferred.test(e);
                Map<String, String> fields = Map.of("sequenceNumber", String.valueOf(sequenceNumber),
                        "exception", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage()));
                if (expected) {
                    Log.info("stream record deferred", fields);
                } else {
                    Log.error("stream record failed", fields);
                    failed++;
                }
                failures.add(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(sequenceNumber)
                        .build());
            }
        }
        Metrics.count(Metrics.STREAM_RECORDS_FAILED, failed);
        return StreamsEventResponse.builder().withBatchItemFailures(failures).build();
    }

    /** SnapStart: reads a priming record as a batch is read and hands it to {@code each}, which does nothing with it. */
    public static void prime(Consumer<Change> each) {
        try {
            records(StreamEvents.read(new java.io.ByteArrayInputStream(
                    PRIMING_EVENT.getBytes(StandardCharsets.UTF_8)))).forEach(record -> each.accept(change(record)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record with its images converted to the SDK's types: the only place a stream image is converted. */
    static Change change(DynamodbEvent.DynamodbStreamRecord record) {
        StreamRecord data = record.getDynamodb();
        if (data == null || data.getSequenceNumber() == null || data.getSequenceNumber().isEmpty()) {
            throw new IllegalArgumentException("stream record without dynamodb.SequenceNumber");
        }
        return new Change(record.getEventName(), data.getSequenceNumber(),
                data.getApproximateCreationDateTime() == null ? null
                        : data.getApproximateCreationDateTime().toInstant(),
                image(data.getOldImage()), image(data.getNewImage()));
    }

    private static Map<String, AttributeValue> image(
            Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image) {
        return image == null ? Map.of() : DynamodbAttributeValueTransformer.toAttributeValueMapV2(image);
    }

    private static List<DynamodbEvent.DynamodbStreamRecord> records(DynamodbEvent event) {
        return event.getRecords() == null ? List.of() : event.getRecords();
    }
}
