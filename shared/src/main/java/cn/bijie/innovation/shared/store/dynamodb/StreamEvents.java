package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.json.Json;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.OperationType;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The stream event's JSON as the official {@link DynamodbEvent}, read the way the Lambda Java runtime reads it for a
 * typed handler ({@code aws-lambda-java-serialization}'s {@code LambdaEventSerializers}: the same property names, and
 * {@code ApproximateCreationDateTime} in epoch seconds); {@code StreamBatchTest} holds the two readings equal. The
 * stream readers stay {@code RequestStreamHandler}s because one function serves HTTP and the stream (cultivation); the
 * runtime's serializer in their jars would add 3.7 MiB and a second Jackson.
 */
final class StreamEvents {
    private static final ObjectMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // as the runtime: new fields do not break us
            .addMixIn(DynamodbEvent.class, EventMixin.class)
            .addMixIn(DynamodbEvent.DynamodbStreamRecord.class, RecordMixin.class)
            .addMixIn(StreamRecord.class, StreamRecordMixin.class)
            .addMixIn(AttributeValue.class, AttributeValueMixin.class)
            .build();

    private StreamEvents() {}

    static DynamodbEvent read(InputStream in) throws IOException {
        return READER.readValue(in, DynamodbEvent.class);
    }

    /** {@code {"batchItemFailures":[{"itemIdentifier":…}]}}, as the runtime writes a typed handler's answer. */
    static void write(OutputStream out, StreamsEventResponse response) throws IOException {
        Json.MAPPER.writeValue(out, Map.of("batchItemFailures", response.getBatchItemFailures().stream()
                .map(failure -> Map.of("itemIdentifier", failure.getItemIdentifier())).toList()));
    }

    abstract static class EventMixin {
        @JsonProperty("Records")
        abstract void setRecords(List<DynamodbEvent.DynamodbStreamRecord> records);
    }

    abstract static class RecordMixin {
        @JsonProperty("eventName")
        abstract void setEventName(String eventName);

        @JsonIgnore
        abstract void setEventName(OperationType eventName);

        @JsonProperty("eventSourceARN")
        abstract void setEventSourceARN(String arn);
    }

    abstract static class StreamRecordMixin {
        @JsonProperty("ApproximateCreationDateTime")
        @JsonDeserialize(using = EpochSeconds.class)
        abstract void setApproximateCreationDateTime(Date at);

        @JsonProperty("Keys")
        abstract void setKeys(Map<String, AttributeValue> keys);

        @JsonProperty("NewImage")
        abstract void setNewImage(Map<String, AttributeValue> image);

        @JsonProperty("OldImage")
        abstract void setOldImage(Map<String, AttributeValue> image);

        @JsonProperty("SequenceNumber")
        abstract void setSequenceNumber(String sequenceNumber);

        @JsonProperty("SizeBytes")
        abstract void setSizeBytes(Long size);

        @JsonProperty("StreamViewType")
        abstract void setStreamViewType(StreamViewType type);
    }

    abstract static class AttributeValueMixin {
        @JsonProperty("S")
        abstract void setS(String s);

        @JsonProperty("N")
        abstract void setN(String n);

        @JsonProperty("B")
        abstract void setB(java.nio.ByteBuffer b);

        @JsonProperty("SS")
        abstract void setSS(Collection<String> ss);

        @JsonProperty("NS")
        abstract void setNS(Collection<String> ns);

        @JsonProperty("BS")
        abstract void setBS(Collection<java.nio.ByteBuffer> bs);

        @JsonProperty("M")
        abstract void setM(Map<String, AttributeValue> m);

        @JsonProperty("L")
        abstract void setL(Collection<AttributeValue> l);

        @JsonProperty("NULL")
        abstract void setNULL(Boolean isNull);

        @JsonProperty("BOOL")
        abstract void setBOOL(Boolean bool);
    }

    /** Lambda writes {@code ApproximateCreationDateTime} in seconds since the epoch (with a fraction, at times). */
    static final class EpochSeconds extends JsonDeserializer<Date> {
        @Override
        public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return new Date(Math.round(parser.getValueAsDouble() * 1000));
        }
    }
}
