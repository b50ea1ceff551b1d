package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.cultivation.ApplicationWindow;
import cn.bijie.innovation.shared.cultivation.CoachingRecord;
import cn.bijie.innovation.shared.cultivation.PoolEntry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cultivation's items, in the organisation's partition under {@code CULT#} so one query reads them all: pool
 * entries ({@code CULT#POOL#<intake>}, listed per intake in GSI2 partition {@code POOL#<intake>}), coaching
 * ({@code CULT#COACH#<date>#<id>}), the readiness checklist ({@code CULT#READY}) and the markers of recognitions
 * counted ({@code CULT#SEEN#<certificationId>}).
 */
final class CultivationMapper {
    static final String PREFIX = "CULT#";
    static final String POOL_PREFIX = PREFIX + "POOL#";
    static final String POOL_TYPE = "POOL_ENTRY";
    static final String COACHING_TYPE = "COACHING";
    static final String READINESS_TYPE = "READINESS";
    static final String SEEN_TYPE = "RECOGNITION_COUNTED";
    static final String USCC = "uscc";
    static final String INTAKE = "intake";
    static final String NAME = "name";
    static final String CRITERIA = "criteria";
    static final String COUNTY = "county";
    static final String INDUSTRY = "industry";
    static final String GROWTH_TIER = "growthTier";
    static final String ADDED_BY = "addedBy";
    static final String ADDED_AT = "addedAt";
    static final String CONVERTED_ON = "convertedOn";
    static final String CERTIFICATION_ID = "certificationId";
    static final String COACHING_ID = "coachingId";
    static final String DATE = "date";
    static final String KIND = "kind";
    static final String NOTES = "notes";
    static final String RECORDED_BY = "recordedBy";
    static final String RECORDED_AT = "recordedAt";
    static final String MET = "met";

    static final String WINDOW_TYPE = "APPLICATION_WINDOW";
    static final String WINDOW_MAIL_TYPE = "WINDOW_MAIL";
    static final String WINDOW_ID = "windowId";
    static final String TITLE = "title";
    static final String OPENS_ON = "opensOn";
    static final String CLOSES_ON = "closesOn";
    static final String OPENED_BY = "openedBy";
    static final String OPENED_AT = "openedAt";

    private CultivationMapper() {}

    static String windowPk(String windowId) {
        return "WINDOW#" + windowId;
    }

    /** An application window ({@code WINDOW#<id> / WINDOW}); its insert on the stream mails the pool. */
    static Map<String, AttributeValue> item(ApplicationWindow w) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(windowPk(w.windowId()), "WINDOW"));
        item.put("type", Items.s(WINDOW_TYPE));
        item.put(WINDOW_ID, Items.s(w.windowId()));
        item.put(TITLE, Items.s(w.title()));
        item.put(OPENS_ON, Items.s(w.opensOn()));
        item.put(CLOSES_ON, Items.s(w.closesOn()));
        item.put(OPENED_BY, Items.s(w.openedBy()));
        item.put(OPENED_AT, Items.s(w.openedAt()));
        return item;
    }

    static ApplicationWindow window(Map<String, AttributeValue> item) {
        return new ApplicationWindow(Items.str(item, WINDOW_ID), Items.str(item, TITLE), Items.str(item, OPENS_ON),
                Items.str(item, CLOSES_ON), Items.str(item, OPENED_BY), Items.str(item, OPENED_AT));
    }

    /** The mark that the window's mail to one enterprise is sent (written before the send, under a condition). */
    static Map<String, AttributeValue> windowMail(String windowId, String uscc, String to, String at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.organizationPk(uscc),
                PREFIX + "MAIL#" + windowId));
        item.put("type", Items.s(WINDOW_MAIL_TYPE));
        item.put(WINDOW_ID, Items.s(windowId));
        item.put("to", Items.s(to));
        item.put("at", Items.s(at));
        return item;
    }

    static Map<String, AttributeValue> poolKey(String uscc, int intake) {
        return Keys.key(Keys.organizationPk(uscc), POOL_PREFIX + intake);
    }

    static String poolPartition(int intake) {
        return "POOL#" + intake;
    }

    static Map<String, AttributeValue> item(PoolEntry e) {
        Map<String, AttributeValue> item = new HashMap<>(poolKey(e.uscc(), e.intake()));
        item.put("type", Items.s(POOL_TYPE));
        item.put(USCC, Items.s(e.uscc()));
        item.put(INTAKE, Items.n(e.intake()));
        item.put(NAME, Items.s(e.name()));
        Map<String, AttributeValue> criteria = new HashMap<>();
        e.criteria().forEach((code, value) -> criteria.put(code, Items.s(value)));
        item.put(CRITERIA, AttributeValue.fromM(criteria));
        item.put(COUNTY, Items.s(e.county()));
        item.put(INDUSTRY, Items.s(e.industry()));
        Items.putIfPresent(item, GROWTH_TIER, e.growthTier());
        item.put(ADDED_BY, Items.s(e.addedBy()));
        item.put(ADDED_AT, Items.s(e.addedAt()));
        Indexes.put(item, Indexes.BY_STATUS, poolPartition(e.intake()), e.addedAt() + "#" + e.uscc());
        return item;
    }

    static PoolEntry poolEntry(Map<String, AttributeValue> item) {
        Map<String, String> criteria = new TreeMap<>();
        if (item.get(CRITERIA) != null && item.get(CRITERIA).hasM()) {
            item.get(CRITERIA).m().forEach((code, value) -> criteria.put(code, value.s()));
        }
        return new PoolEntry(Items.str(item, USCC), Items.num(item, INTAKE).intValue(), Items.str(item, NAME),
                new LinkedHashMap<>(criteria), Items.str(item, COUNTY), Items.str(item, INDUSTRY),
                Items.str(item, GROWTH_TIER), Items.str(item, ADDED_BY), Items.str(item, ADDED_AT),
                Items.str(item, CONVERTED_ON), Items.str(item, CERTIFICATION_ID));
    }

    static Map<String, AttributeValue> item(CoachingRecord c) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.organizationPk(c.uscc()),
                PREFIX + "COACH#" + c.date() + "#" + c.coachingId()));
        item.put("type", Items.s(COACHING_TYPE));
        item.put(COACHING_ID, Items.s(c.coachingId()));
        item.put(USCC, Items.s(c.uscc()));
        item.put(DATE, Items.s(c.date()));
        item.put(KIND, Items.s(c.kind()));
        item.put(NOTES, Items.s(c.notes()));
        item.put(RECORDED_BY, Items.s(c.recordedBy()));
        item.put(RECORDED_AT, Items.s(c.recordedAt()));
        return item;
    }

    static CoachingRecord coaching(Map<String, AttributeValue> item) {
        return new CoachingRecord(Items.str(item, COACHING_ID), Items.str(item, USCC), Items.str(item, DATE),
                Items.str(item, KIND), Items.str(item, NOTES), Items.str(item, RECORDED_BY),
                Items.str(item, RECORDED_AT));
    }

    static Map<String, AttributeValue> readiness(String uscc, List<String> met, String actor, String at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.organizationPk(uscc), PREFIX + "READY"));
        item.put("type", Items.s(READINESS_TYPE));
        item.put(USCC, Items.s(uscc));
        item.put(MET, AttributeValue.fromL(met.stream().map(Items::s).toList()));
        item.put(RECORDED_BY, Items.s(actor));
        item.put(RECORDED_AT, Items.s(at));
        return item;
    }

    static List<String> met(Map<String, AttributeValue> item) {
        return item.get(MET) == null ? List.of() : item.get(MET).l().stream().map(AttributeValue::s).toList();
    }

    /** Written once per certification counted: the condition on it makes a redelivery count nothing. */
    static Map<String, AttributeValue> seen(String uscc, String certificationId, String at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.key(Keys.organizationPk(uscc),
                PREFIX + "SEEN#" + certificationId));
        item.put("type", Items.s(SEEN_TYPE));
        item.put(CERTIFICATION_ID, Items.s(certificationId));
        item.put("at", Items.s(at));
        return item;
    }
}
