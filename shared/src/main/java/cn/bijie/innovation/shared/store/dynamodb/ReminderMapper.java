package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.reminder.Marker;
import cn.bijie.innovation.shared.reminder.RunSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The reminder run's own items: the run state ({@code RUN#send-reminders / STATE}) and the markers of what it mailed
 * ({@code REMINDER#<certificationId> / <thresholdDays>}, the digests' {@code DIGEST#<mailbox>} per date).
 */
final class ReminderMapper {
    static final String RUN_STATE_TYPE = "RUN_STATE";
    static final String REMINDER_TYPE = "REMINDER";
    static final String DIGEST_TYPE = "DIGEST";
    static final String LAST_DATE = "lastDate";
    static final String SUMMARY = "summary";
    static final String CERTIFICATION_ID = "certificationId";
    static final String THRESHOLD_DAYS = "thresholdDays";
    static final String ITEMS = "items";
    static final String OUTCOME = "outcome";
    static final String TO = "to";
    static final String MESSAGE_ID = "messageId";
    static final String REASON = "reason";
    static final String AT = "at";

    private ReminderMapper() {}

    static Map<String, AttributeValue> runState(LocalDate date, RunSummary summary) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.reminderRun());
        item.put("type", Items.s(RUN_STATE_TYPE));
        item.put(LAST_DATE, Items.s(date.toString()));
        item.put(SUMMARY, Items.s(Json.write(summary)));
        return item;
    }

    static LocalDate lastDate(Map<String, AttributeValue> runState) {
        return LocalDate.parse(Items.str(runState, LAST_DATE));
    }

    static Map<String, AttributeValue> reminder(String certificationId, int thresholdDays, Marker marker,
            String detail, Instant at) {
        Map<String, AttributeValue> item = marker(Keys.reminderMarker(certificationId, thresholdDays), marker, detail,
                at);
        item.put("type", Items.s(REMINDER_TYPE));
        item.put(CERTIFICATION_ID, Items.s(certificationId));
        item.put(THRESHOLD_DAYS, Items.n(thresholdDays));
        return item;
    }

    static Map<String, AttributeValue> digest(String mailbox, LocalDate date, Marker marker, String detail, int items,
            Instant at) {
        Map<String, AttributeValue> item = marker(Keys.digestMarker(mailbox, date), marker, detail, at);
        item.put("type", Items.s(DIGEST_TYPE));
        item.put(ITEMS, Items.n(items));
        return item;
    }

    static Marker marker(Map<String, AttributeValue> item) {
        return new Marker(Marker.Outcome.valueOf(Items.str(item, OUTCOME)), Items.str(item, TO));
    }

    private static Map<String, AttributeValue> marker(Map<String, AttributeValue> key, Marker marker, String detail,
            Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put(OUTCOME, Items.s(marker.outcome().name()));
        item.put(TO, Items.s(marker.to()));
        Items.putIfPresent(item, marker.sent() ? MESSAGE_ID : REASON, detail);
        item.put(AT, Items.s(at.toString()));
        return item;
    }
}
