package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The idempotency record's item ({@code IDEM#<sub>#<key> / IDEM}): the request's fingerprint and the first response,
 * replayed to a retry of the same request; DynamoDB's TTL deletes it after {@link #RETENTION}.
 */
final class IdempotencyMapper {
    static final String TYPE = "IDEMPOTENCY";
    /** API.md: idempotency keys are kept at least 24 hours; DynamoDB's TTL deletes them some time after. */
    static final Duration RETENTION = Duration.ofHours(48);
    private static final String REQUEST_HASH = "requestHash";
    private static final String STATUS = "status";
    private static final String BODY = "body";
    private static final String CREATED_AT = "createdAt";
    private static final String TTL = "ttl";

    private IdempotencyMapper() {}

    static Map<String, AttributeValue> item(IdempotencyKey key, int status, String bodyJson, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.idempotency(key.callerSub(), key.key()));
        item.put("type", Items.s(TYPE));
        item.put(REQUEST_HASH, Items.s(key.requestHash()));
        item.put(STATUS, Items.n(status));
        item.put(BODY, Items.s(bodyJson));
        item.put(CREATED_AT, Items.s(now.toString()));
        item.put(TTL, Items.n(now.plus(RETENTION).getEpochSecond()));
        return item;
    }

    static String requestHash(Map<String, AttributeValue> item) {
        return Items.str(item, REQUEST_HASH);
    }

    static Committed replay(Map<String, AttributeValue> item) {
        return new Committed(Integer.parseInt(item.get(STATUS).n()), Items.str(item, BODY), true);
    }
}
