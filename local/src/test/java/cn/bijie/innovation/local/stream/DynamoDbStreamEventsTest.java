package cn.bijie.innovation.local.stream;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.local.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

public class DynamoDbStreamEventsTest {
    private static final String STREAM = "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-01-01T00:00:00.000";

    @Test
    void record_isShapedAsLambdaHandsIt_withEveryAttributeType() throws Exception {
        Map<String, AttributeValue> keys = Map.of("PK", s("CERT#1"), "SK", s("META"));
        Map<String, AttributeValue> image = new java.util.LinkedHashMap<>(keys);
        image.put("amount", AttributeValue.fromN("50000"));
        image.put("paid", AttributeValue.fromBool(false));
        image.put("note", AttributeValue.fromNul(true));
        image.put("blob", AttributeValue.fromB(SdkBytes.fromString("hi", StandardCharsets.UTF_8)));
        image.put("tags", AttributeValue.fromSs(List.of("a", "b")));
        image.put("levels", AttributeValue.fromNs(List.of("1", "2.5")));
        image.put("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromString("x", StandardCharsets.UTF_8))));
        image.put("nested", AttributeValue.fromM(Map.of("county", s("520502"))));
        image.put("list", AttributeValue.fromL(List.of(s("one"), AttributeValue.fromN("2"))));
        Record record = Record.builder()
                .eventID("e1").eventName("MODIFY").eventVersion("1.1").eventSource("aws:dynamodb").awsRegion("us-east-1")
                .dynamodb(StreamRecord.builder()
                        .approximateCreationDateTime(Instant.ofEpochSecond(1_767_225_600L))
                        .keys(keys).newImage(image).oldImage(keys)
                        .sequenceNumber("000000000000000000042").sizeBytes(120L).streamViewType("NEW_AND_OLD_IMAGES")
                        .build())
                .build();

        JsonNode json = DynamoDbStreamEvents.batch(List.of(DynamoDbStreamEvents.record(record, STREAM, "us-east-1")));

        assertThat(Json.MAPPER.readTree(Json.text(json))).isEqualTo(Json.MAPPER.readTree("""
                {"Records":[{
                  "eventID":"e1","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
                  "dynamodb":{
                    "ApproximateCreationDateTime":1767225600,
                    "Keys":{"PK":{"S":"CERT#1"},"SK":{"S":"META"}},
                    "NewImage":{"PK":{"S":"CERT#1"},"SK":{"S":"META"},"amount":{"N":"50000"},"paid":{"BOOL":false},
                      "note":{"NULL":true},"blob":{"B":"aGk="},"tags":{"SS":["a","b"]},"levels":{"NS":["1","2.5"]},
                      "blobs":{"BS":["eA=="]},"nested":{"M":{"county":{"S":"520502"}}},"list":{"L":[{"S":"one"},{"N":"2"}]}},
                    "OldImage":{"PK":{"S":"CERT#1"},"SK":{"S":"META"}},
                    "SequenceNumber":"000000000000000000042","SizeBytes":120,"StreamViewType":"NEW_AND_OLD_IMAGES"},
                  "eventSourceARN":"%s"}]}
                """.formatted(STREAM)));
    }

    @Test
    void record_withoutImages_leavesThemOut() {
        Record insertKeysOnly = Record.builder().eventID("e2").eventName("REMOVE")
                .dynamodb(StreamRecord.builder().keys(Map.of("PK", s("x"))).sequenceNumber("7").build()).build();

        JsonNode json = DynamoDbStreamEvents.record(insertKeysOnly, STREAM, "eu-west-1");

        assertThat(json.path("awsRegion").asText()).isEqualTo("eu-west-1");
        assertThat(json.path("dynamodb").has("NewImage")).isFalse();
        assertThat(json.path("dynamodb").has("OldImage")).isFalse();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
