package cn.bijie.innovation.shared.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StreamBatchTest {
    /** A MODIFY as Lambda's event source mapping delivers it, with every attribute type our items could hold. */
    static final String EVENT = """
            {"Records":[{"eventID":"e-1","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb",
             "awsRegion":"cn-northwest-1","eventSourceARN":"arn:aws-cn:dynamodb:cn-northwest-1:1:table/t/stream/s",
             "userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"},
             "dynamodb":{"ApproximateCreationDateTime":1764464400,"Keys":{"PK":{"S":"CERT#c1"},"SK":{"S":"CERT"}},
              "NewImage":{"PK":{"S":"CERT#c1"},"SK":{"S":"CERT"},"type":{"S":"CERTIFICATION"},"s":{"S":"毕节"},
               "n":{"N":"100000"},"b":{"BOOL":true},"z":{"NULL":true},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2"]},
               "l":{"L":[{"S":"x"},{"N":"1"}]},"m":{"M":{"inner":{"S":"y"}}}},
              "OldImage":{"PK":{"S":"CERT#c1"},"SK":{"S":"CERT"},"type":{"S":"CERTIFICATION"},"s":{"S":"旧"}},
              "SequenceNumber":"4200000000001","SizeBytes":321,"StreamViewType":"NEW_AND_OLD_IMAGES"}}]}""";

    static InputStream bytes(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ourReading_isTheLambdaRuntimes() throws IOException {
        DynamodbEvent ours = StreamEvents.read(bytes(EVENT));
        DynamodbEvent runtimes = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
                getClass().getClassLoader()).fromJson(bytes(EVENT));

        assertThat(ours.getRecords()).hasSize(1);
        assertThat(ours).isEqualTo(runtimes);
        assertThat(ours.getRecords().get(0).getEventSourceARN()).endsWith("/stream/s");
        assertThat(ours.getRecords().get(0).getDynamodb().getApproximateCreationDateTime().toInstant())
                .isEqualTo(Instant.ofEpochSecond(1764464400));
    }

    @Test
    void aChange_hasTheImagesAsTheSdksItems_convertedOnce() throws IOException {
        StreamBatch.Change change = StreamBatch.change(StreamEvents.read(bytes(EVENT)).getRecords().get(0));

        assertThat(change.modified()).isTrue();
        assertThat(change.inserted()).isFalse();
        assertThat(change.type()).isEqualTo("CERTIFICATION");
        assertThat(change.sequenceNumber()).isEqualTo("4200000000001");
        assertThat(change.writtenAt()).isEqualTo(Instant.ofEpochSecond(1764464400));
        var item = change.newImage();
        assertThat(item.get("s").s()).isEqualTo("毕节");
        assertThat(item.get("n").n()).isEqualTo("100000");
        assertThat(item.get("b").bool()).isTrue();
        assertThat(item.get("z").nul()).isTrue();
        assertThat(item.get("ss").ss()).containsExactly("a", "b");
        assertThat(item.get("ns").ns()).containsExactly("1", "2");
        assertThat(item.get("l").l()).extracting(AttributeValue::s).containsExactly("x", null);
        assertThat(item.get("m").m().get("inner").s()).isEqualTo("y");
        assertThat(change.oldImage().get("s").s()).isEqualTo("旧");
    }

    @Test
    void anInsert_hasNoOldImage_andARecordWithoutASequenceNumberIsRefused() throws IOException {
        DynamodbEvent event = StreamEvents.read(bytes("""
                {"Records":[{"eventName":"INSERT","dynamodb":{"SequenceNumber":"7","NewImage":{"type":{"S":"X"}}}},
                            {"eventName":"INSERT","dynamodb":{"NewImage":{"type":{"S":"X"}}}}]}"""));

        StreamBatch.Change insert = StreamBatch.change(event.getRecords().get(0));
        assertThat(insert.inserted()).isTrue();
        assertThat(insert.oldImage()).isEmpty();
        assertThat(insert.writtenAt()).isNull();
        assertThatThrownBy(() -> StreamBatch.change(event.getRecords().get(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingRecord_isReported_whileTheOthersAreDone_andADeferredOneIsReportedToo() throws IOException {
        String batch = """
                {"Records":[{"eventName":"INSERT","dynamodb":{"SequenceNumber":"1","NewImage":{"type":{"S":"OK"}}}},
                            {"eventName":"INSERT","dynamodb":{"SequenceNumber":"2","NewImage":{"type":{"S":"BAD"}}}},
                            {"eventName":"INSERT","dynamodb":{"SequenceNumber":"3","NewImage":{"type":{"S":"LATER"}}}},
                            {"eventName":"INSERT","dynamodb":{"SequenceNumber":"4","NewImage":{"type":{"S":"OK"}}}}]}""";
        List<String> done = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StreamBatch.handle(bytes(batch), out, change -> {
            switch (change.type()) {
                case "BAD" -> throw new IllegalStateException("poisoned");
                case "LATER" -> throw new UnsupportedOperationException("not yet");
                default -> done.add(change.sequenceNumber());
            }
        }, UnsupportedOperationException.class::isInstance);

        assertThat(done).containsExactly("1", "4");
        assertThat(Json.tree(out.toString(StandardCharsets.UTF_8)).path("batchItemFailures"))
                .extracting(f -> f.path("itemIdentifier").asText()).containsExactly("2", "3");
    }

    @Test
    void priming_readsAndDispatchesARecordOfNoConsumersType() {
        List<String> types = new ArrayList<>();

        StreamBatch.prime(change -> types.add(change.type()));

        assertThat(types).containsExactly("PRIMING");
    }
}
