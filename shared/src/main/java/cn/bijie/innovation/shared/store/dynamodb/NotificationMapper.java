package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.notification.Notification;
import cn.bijie.innovation.shared.notification.NotificationEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A notification's item: {@code NOTIFY#<uscc> / <notificationId>}, written before its mail is sent. */
final class NotificationMapper {
    static final String TYPE = "NOTIFICATION";
    static final String USCC = "uscc";
    static final String EVENT = "event";
    static final String AT = "at";
    static final String SUBJECT = "subject";
    static final String TEXT = "text";
    static final String STATUS = "status";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String SETTLED_AT = "settledAt";
    static final String DETAIL = "detail";

    private NotificationMapper() {}

    static Map<String, AttributeValue> key(String uscc, String notificationId) {
        return Keys.key(Keys.notificationsPk(uscc), notificationId);
    }

    static Map<String, AttributeValue> claimed(Notification n, Instant leaseUntil) {
        Map<String, AttributeValue> item = new HashMap<>(key(n.uscc(), n.notificationId()));
        item.put("type", Items.s(TYPE));
        item.put(USCC, Items.s(n.uscc()));
        item.put(EVENT, Items.s(n.event().name()));
        item.put(AT, Items.s(n.at()));
        item.put(SUBJECT, Items.s(n.subject()));
        item.put(TEXT, Items.s(n.text()));
        item.put(STATUS, Items.s(Notification.Status.SENDING.name()));
        item.put(LEASE_UNTIL, Items.s(leaseUntil.toString()));
        return item;
    }

    static Notification fromItem(Map<String, AttributeValue> item) {
        return new Notification(Items.str(item, Keys.SK), Items.str(item, USCC),
                NotificationEvent.valueOf(Items.str(item, EVENT)), Items.str(item, AT), Items.str(item, SUBJECT),
                Items.str(item, TEXT), Notification.Status.valueOf(Items.str(item, STATUS)),
                Items.str(item, SETTLED_AT));
    }
}
