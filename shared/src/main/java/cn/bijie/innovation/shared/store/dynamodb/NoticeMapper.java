package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.notice.Notice;
import cn.bijie.innovation.shared.notice.NoticeEntry;
import cn.bijie.innovation.shared.notice.NoticeStatus;
import cn.bijie.innovation.shared.notice.Objection;
import cn.bijie.innovation.shared.notice.ObjectionStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The notice's and the objection's items, the only place their attribute names and keys are written. A notice is
 * {@code NOTICE#<id> / NOTICE}, listed by status in GSI2 ({@code NOTICE#<status>}, by its last working day) and all in
 * GSI3 (by creation); its entries are one JSON attribute (at most 30, read and written whole). Its objections and its
 * rate-limit counters share its partition: {@code OBJ#<id>}, {@code RATE#<source>#<hour>}.
 */
final class NoticeMapper {
    static final String TYPE = "NOTICE";
    static final String OBJECTION_TYPE = "OBJECTION";
    static final String NOTICE_ID = "noticeId";
    static final String TITLE = "title";
    static final String STATUS = "status";
    static final String OPENS_ON = "opensOn";
    static final String ENDS_ON = "endsOn";
    static final String WORKING_DAYS = "workingDays";
    static final String ENTRIES = "entries";
    static final String CREATED_AT = "createdAt";
    static final String CREATED_BY = "createdBy";
    static final String CLOSED_AT = "closedAt";
    static final String BY_STATUS_PK = Indexes.BY_STATUS + "PK";
    static final String OBJECTION_ID = "objectionId";
    static final String SUBSIDY_ID = "subsidyId";
    static final String TEXT = "text";
    static final String LODGED_AT = "lodgedAt";
    static final String DECIDED_AT = "decidedAt";
    static final String DECIDED_BY = "decidedBy";
    static final String REASON = "reason";
    static final String RATE_COUNT = "n";
    static final String TTL = "ttl";
    /** The subsidy's attribute naming the notice it is on. */
    static final String SUBSIDY_NOTICE_ID = "noticeId";
    static final String STATUS_PREFIX = "NOTICE#";
    static final String ALL_PARTITION = "NOTICE";
    private static final String OBJECTION_PREFIX = "OBJ#";
    private static final TypeReference<List<NoticeEntry>> ENTRY_LIST = new TypeReference<>() {};

    private NoticeMapper() {}

    static String pk(String noticeId) {
        return "NOTICE#" + noticeId;
    }

    static Map<String, AttributeValue> key(String noticeId) {
        return Keys.key(pk(noticeId), "NOTICE");
    }

    static Map<String, AttributeValue> objectionKey(String noticeId, String objectionId) {
        return Keys.key(pk(noticeId), OBJECTION_PREFIX + objectionId);
    }

    static String objectionPrefix() {
        return OBJECTION_PREFIX;
    }

    static Map<String, AttributeValue> rateKey(String noticeId, String source, String hour) {
        return Keys.key(pk(noticeId), "RATE#" + source + "#" + hour);
    }

    static String statusSortKey(Notice n) {
        return n.endsOn() + "#" + n.noticeId();
    }

    static Map<String, AttributeValue> item(Notice n) {
        Map<String, AttributeValue> item = new HashMap<>(key(n.noticeId()));
        item.put("type", Items.s(TYPE));
        item.put(NOTICE_ID, Items.s(n.noticeId()));
        item.put(TITLE, Items.s(n.title()));
        item.put(STATUS, Items.s(n.status().name()));
        item.put(OPENS_ON, Items.s(n.opensOn()));
        item.put(ENDS_ON, Items.s(n.endsOn()));
        item.put(WORKING_DAYS, Items.n(n.workingDays()));
        item.put(ENTRIES, Items.s(entriesJson(n.entries())));
        item.put(CREATED_AT, Items.s(n.createdAt()));
        item.put(CREATED_BY, Items.s(n.createdBy()));
        Items.putIfPresent(item, CLOSED_AT, n.closedAt());
        Indexes.put(item, Indexes.BY_STATUS, STATUS_PREFIX + n.status().name(), statusSortKey(n));
        Indexes.put(item, Indexes.ALL, ALL_PARTITION, n.createdAt() + "#" + n.noticeId());
        return item;
    }

    static String entriesJson(List<NoticeEntry> entries) {
        try {
            return Json.MAPPER.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Notice fromItem(Map<String, AttributeValue> item) {
        List<NoticeEntry> entries;
        try {
            entries = Json.MAPPER.readValue(Items.str(item, ENTRIES), ENTRY_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notice entries unreadable", e);
        }
        return new Notice(Items.str(item, NOTICE_ID), Items.str(item, TITLE),
                NoticeStatus.valueOf(Items.str(item, STATUS)), Items.str(item, OPENS_ON), Items.str(item, ENDS_ON),
                Items.num(item, WORKING_DAYS).intValue(), entries, Items.str(item, CREATED_AT),
                Items.str(item, CREATED_BY), Items.str(item, CLOSED_AT));
    }

    static Map<String, AttributeValue> item(Objection o) {
        Map<String, AttributeValue> item = new HashMap<>(objectionKey(o.noticeId(), o.objectionId()));
        item.put("type", Items.s(OBJECTION_TYPE));
        item.put(OBJECTION_ID, Items.s(o.objectionId()));
        item.put(NOTICE_ID, Items.s(o.noticeId()));
        item.put(SUBSIDY_ID, Items.s(o.subsidyId()));
        item.put(TEXT, Items.s(o.text()));
        item.put(STATUS, Items.s(o.status().name()));
        item.put(LODGED_AT, Items.s(o.lodgedAt()));
        Items.putIfPresent(item, DECIDED_AT, o.decidedAt());
        Items.putIfPresent(item, DECIDED_BY, o.decidedBy());
        Items.putIfPresent(item, REASON, o.reason());
        return item;
    }

    static Objection objectionFromItem(Map<String, AttributeValue> item) {
        return new Objection(Items.str(item, OBJECTION_ID), Items.str(item, NOTICE_ID), Items.str(item, SUBSIDY_ID),
                Items.str(item, TEXT), ObjectionStatus.valueOf(Items.str(item, STATUS)), Items.str(item, LODGED_AT),
                Items.str(item, DECIDED_AT), Items.str(item, DECIDED_BY), Items.str(item, REASON));
    }
}
