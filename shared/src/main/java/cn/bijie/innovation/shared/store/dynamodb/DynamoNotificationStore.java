package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.notification.Notification;
import cn.bijie.innovation.shared.notification.NotificationStore;
import cn.bijie.innovation.shared.paging.Slice;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Notifications at {@code NOTIFY#<uscc> / <notificationId>}: one partition per organisation, read in key order. */
public final class DynamoNotificationStore implements NotificationStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoNotificationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Claim claim(Notification notification, Instant now, Instant leaseUntil) {
        try {
            // the marker: none yet, one whose send failed, or one whose sender died (its lease over)
            dynamo.putItem(p -> p.tableName(table).item(NotificationMapper.claimed(notification, leaseUntil))
                    .conditionExpression("attribute_not_exists(PK) OR #status = :failed"
                            + " OR (#status = :sending AND #lease < :now)")
                    .expressionAttributeNames(Map.of("#status", NotificationMapper.STATUS,
                            "#lease", NotificationMapper.LEASE_UNTIL))
                    .expressionAttributeValues(Map.of(":failed", Items.s(Notification.Status.FAILED.name()),
                            ":sending", Items.s(Notification.Status.SENDING.name()), ":now", Items.s(now.toString())))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> held = e.hasItem() ? e.item() : null;
            String status = held == null ? null : Items.str(held, NotificationMapper.STATUS);
            return Notification.Status.SENDING.name().equals(status) ? Claim.BUSY : Claim.SETTLED;
        }
    }

    @Override
    public void settle(String uscc, String notificationId, Notification.Status status, String detail, Instant at) {
        dynamo.updateItem(u -> u.tableName(table).key(NotificationMapper.key(uscc, notificationId))
                .updateExpression("SET #status = :status, #detail = :detail, #settledAt = :at REMOVE #lease")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#status", NotificationMapper.STATUS,
                        "#detail", NotificationMapper.DETAIL, "#settledAt", NotificationMapper.SETTLED_AT,
                        "#lease", NotificationMapper.LEASE_UNTIL))
                .expressionAttributeValues(Map.of(":status", Items.s(status.name()),
                        ":detail", Items.s(detail == null ? "" : detail), ":at", Items.s(at.toString()))));
    }

    @Override
    public Slice<Notification> list(String uscc, int limit, Map<String, String> start) {
        QueryResponse page = dynamo.query(q -> q.tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.notificationsPk(uscc))))
                .limit(limit).exclusiveStartKey(Items.startKey(start)));
        return new Slice<>(page.items().stream().map(NotificationMapper::fromItem).toList(),
                Items.position(page.lastEvaluatedKey()));
    }
}
