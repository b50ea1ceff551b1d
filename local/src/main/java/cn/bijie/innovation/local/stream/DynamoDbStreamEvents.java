package cn.bijie.innovation.local.stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/** Turns DynamoDB Streams records into the event Lambda hands a stream-triggered function. */
final class DynamoDbStreamEvents {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DynamoDbStreamEvents() {}

    /** {"Records":[…]} for one batch. */
    static ObjectNode batch(List<ObjectNode> records) {
        ObjectNode event = NODES.objectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(array::add);
        return event;
    }

    /** One record as Lambda's event source mapping shapes it. */
    static ObjectNode record(Record record, String streamArn, String region) {
        ObjectNode json = NODES.objectNode();
        json.put("eventID", record.eventID());
        json.put("eventName", record.eventNameAsString());
        json.put("eventVersion", "1.1");
        json.put("eventSource", "aws:dynamodb");
        json.put("awsRegion", record.awsRegion() == null ? region : record.awsRegion());
        StreamRecord change = record.dynamodb();
        ObjectNode dynamodb = json.putObject("dynamodb");
        if (change.approximateCreationDateTime() != null) {
            dynamodb.put("ApproximateCreationDateTime", change.approximateCreationDateTime().getEpochSecond());
        }
        if (change.hasKeys()) {
            dynamodb.set("Keys", item(change.keys()));
        }
        if (change.hasNewImage()) {
            dynamodb.set("NewImage", item(change.newImage()));
        }
        if (change.hasOldImage()) {
            dynamodb.set("OldImage", item(change.oldImage()));
        }
        dynamodb.put("SequenceNumber", change.sequenceNumber());
        if (change.sizeBytes() != null) {
            dynamodb.put("SizeBytes", change.sizeBytes());
        }
        if (change.streamViewTypeAsString() != null) {
            dynamodb.put("StreamViewType", change.streamViewTypeAsString());
        }
        if (record.userIdentity() != null) { // TTL deletions carry the service as their author
            ObjectNode identity = json.putObject("userIdentity");
            identity.put("type", record.userIdentity().type());
            identity.put("principalId", record.userIdentity().principalId());
        }
        json.put("eventSourceARN", streamArn);
        return json;
    }

    /** An item in DynamoDB JSON: {"name":{"S":"…"},…}. */
    static ObjectNode item(Map<String, AttributeValue> item) {
        ObjectNode json = NODES.objectNode();
        item.forEach((name, value) -> json.set(name, attribute(value)));
        return json;
    }

    static ObjectNode attribute(AttributeValue value) {
        ObjectNode json = NODES.objectNode();
        switch (value.type()) {
            case S:
                json.put("S", value.s());
                break;
            case N:
                json.put("N", value.n());
                break;
            case B:
                json.put("B", base64(value.b()));
                break;
            case BOOL:
                json.put("BOOL", value.bool());
                break;
            case NUL:
                json.put("NULL", true);
                break;
            case SS:
                value.ss().forEach(json.putArray("SS")::add);
                break;
            case NS:
                value.ns().forEach(json.putArray("NS")::add);
                break;
            case BS: {
                ArrayNode array = json.putArray("BS");
                value.bs().forEach(b -> array.add(base64(b)));
                break;
            }
            case M:
                json.set("M", item(value.m()));
                break;
            case L: {
                ArrayNode array = json.putArray("L");
                value.l().forEach(element -> array.add(attribute(element)));
                break;
            }
            default:
                throw new IllegalArgumentException("attribute value of an unknown type: " + value);
        }
        return json;
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
