package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.certification.CertificationStore.ApplicationTransition;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The application's item, the only place its attribute names and key layout are written: {@code APP#<id> / APP},
 * listed through GSI1 (one organisation's), GSI2 (one status) and GSI3 (all), each sorted by
 * {@code <submittedAt>#<id>}; while {@code SUBMITTED} it carries the {@link DueIndex} attributes of the day staff
 * should be reminded of it. Its two writers, the owner's change and the staff decision (which runs in the
 * certification's transaction), are both built here.
 */
final class ApplicationMapper {
    static final String TYPE = "APPLICATION";
    static final String APPLICATION_ID = "applicationId";
    static final String STATUS = "status";
    static final String SUBMITTED_AT = "submittedAt";
    static final String USCC = "uscc";
    static final String KIND = "kind";
    static final String LEVEL = "level";
    static final String RENEWAL = "renewal";
    static final String PLATFORM_NAME = "platformName";
    static final String CERTIFICATE_NO = "certificateNo";
    static final String ISSUED_ON = "issuedOn";
    static final String NOTES = "notes";
    static final String COUNTY = "county";
    static final String UPDATED_AT = "updatedAt";
    static final String REASON = "reason";
    static final String CERTIFICATION_ID = "certificationId";
    static final String PLATFORM_ID = "platformId";
    static final String DECIDED_AT = "decidedAt";
    static final String DECIDED_BY = "decidedBy";
    /** Declared documents, counted by the document's transaction ({@link #documentDeclared}). */
    static final String DOCUMENT_COUNT = "documentCount";
    /** The organisation's open applications, on its {@link Keys#openApplications} counter item. */
    static final String OPEN = "open";
    static final String OPEN_TYPE = "OPEN_APPLICATIONS";
    /** What the staff decision writes: the owner's change neither writes nor drops these. */
    private static final Set<String> DECISION = Set.of(REASON, CERTIFICATION_ID, DECIDED_AT, DECIDED_BY);
    private static final String BY_STATUS_PK = Indexes.BY_STATUS + "PK";

    private final int waitingDays;

    /** {@code waitingDays}: policy {@code reminders.applicationWaitingDays}, how long staff may leave one unread. */
    ApplicationMapper(int waitingDays) {
        this.waitingDays = waitingDays;
    }

    Map<String, AttributeValue> item(Application a) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.application(a.applicationId()));
        String sortKey = Keys.applicationSortKey(a.submittedAt(), a.applicationId());
        item.put("type", Items.s(TYPE));
        item.put(APPLICATION_ID, Items.s(a.applicationId()));
        item.put(STATUS, Items.s(a.status().name()));
        item.put(SUBMITTED_AT, Items.s(a.submittedAt()));
        item.put(USCC, Items.s(a.uscc()));
        item.put(KIND, Items.s(a.kind()));
        item.put(LEVEL, Items.s(a.level()));
        item.put(RENEWAL, Items.bool(a.renewal()));
        item.put(PLATFORM_NAME, Items.s(a.platformName()));
        item.put(CERTIFICATE_NO, Items.s(a.certificateNo()));
        item.put(ISSUED_ON, Items.s(a.issuedOn()));
        Items.putIfPresent(item, NOTES, a.notes());
        item.put(COUNTY, Items.s(a.county()));
        item.put(UPDATED_AT, Items.s(a.updatedAt()));
        Items.putIfPresent(item, REASON, a.reason());
        Items.putIfPresent(item, CERTIFICATION_ID, a.certificationId());
        Items.putIfPresent(item, PLATFORM_ID, a.platformId());
        Indexes.put(item, Indexes.BY_ORGANIZATION, Keys.applicationsOf(a.uscc()), sortKey);
        Indexes.put(item, Indexes.BY_STATUS, Keys.applicationsIn(a.status().name()), sortKey);
        Indexes.put(item, Indexes.ALL, Keys.ALL_APPLICATIONS, sortKey);
        if (a.status() == ApplicationStatus.SUBMITTED) {
            item.putAll(DueIndex.attributes(
                    Shanghai.dateOf(Instant.parse(a.submittedAt())).plusDays(waitingDays),
                    Keys.applicationPk(a.applicationId())));
        }
        return item;
    }

    static Application fromItem(Map<String, AttributeValue> item) {
        return new Application(Items.str(item, APPLICATION_ID), ApplicationStatus.valueOf(Items.str(item, STATUS)),
                Items.str(item, SUBMITTED_AT), Items.str(item, USCC), Items.str(item, KIND),
                Items.str(item, LEVEL), Items.flag(item, RENEWAL), Items.str(item, PLATFORM_NAME),
                Items.str(item, CERTIFICATE_NO), Items.str(item, ISSUED_ON), Items.str(item, NOTES),
                Items.str(item, COUNTY), Items.str(item, UPDATED_AT), Items.str(item, REASON),
                Items.str(item, CERTIFICATION_ID), Items.str(item, PLATFORM_ID));
    }

    /** A new application (absent until now), with its audit entry. */
    void create(WriteTransaction tx, Application application, String actor) {
        tx.put(item(application), Condition.absent(),
                        () -> new Conflict("申报编号冲突，请重试 (application id taken; retry)"))
                .put(AuditMapper.item(new AuditEntry(Keys.applicationPk(application.applicationId()), actor,
                        "APPLICATION_SUBMITTED", Instant.parse(application.submittedAt()), null, application)),
                        Condition.NONE, null);
    }

    /**
     * The owner's change from {@code before} to {@code after}, only while the stored application is still
     * {@code before} (a staff decision or another change in between makes it a 409 that changes nothing).
     */
    void ownerChange(WriteTransaction tx, Application before, Application after, String action, String actor) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        item(after).forEach((name, value) -> {
            if (!name.equals(Keys.PK) && !name.equals(Keys.SK) && !DECISION.contains(name)) {
                String n = "#a" + names.size();
                names.put(n, name);
                values.put(":a" + values.size(), value);
                set.add(n + " = :a" + (values.size() - 1));
            }
        });
        for (String optional : List.of(NOTES, PLATFORM_ID, DueIndex.PK, DueIndex.SK)) {
            if (!names.containsValue(optional)) {
                String n = "#a" + names.size();
                names.put(n, optional);
                remove.add(n);
            }
        }
        String expression = "SET " + String.join(", ", set) + (remove.isEmpty() ? "" : " REMOVE "
                + String.join(", ", remove));
        Condition unchanged = new Condition("#bs = :bs AND #bu = :bu", Map.of("#bs", STATUS, "#bu", UPDATED_AT),
                Map.of(":bs", Items.s(before.status().name()), ":bu", Items.s(before.updatedAt())));
        tx.update(Keys.application(after.applicationId()), expression, names, values, unchanged,
                        () -> new Conflict("申报状态已变化，请刷新后重试 (the application changed meanwhile; reload)"))
                .put(AuditMapper.item(new AuditEntry(Keys.applicationPk(after.applicationId()), actor, action,
                        Instant.parse(after.updatedAt()), before, after)), Condition.NONE, null);
    }

    /**
     * A document declared on the application: counted, only while the application is still open and holds fewer
     * than {@code maxDocuments} (one atomic condition on this item); otherwise a {@code Conflict}.
     */
    static void documentDeclared(WriteTransaction tx, String applicationId, int maxDocuments) {
        Condition openWithRoom = new Condition(
                "#st IN (:submitted, :returned) AND (attribute_not_exists(#count) OR #count < :max)",
                Map.of("#st", STATUS),
                Map.of(":submitted", Items.s(ApplicationStatus.SUBMITTED.name()),
                        ":returned", Items.s(ApplicationStatus.RETURNED.name()), ":max", Items.n(maxDocuments)));
        tx.update(Keys.application(applicationId), "SET #count = if_not_exists(#count, :zero) + :one",
                Map.of("#count", DOCUMENT_COUNT), Map.of(":zero", Items.n(0), ":one", Items.n(1)), openWithRoom,
                () -> new Conflict("申报已结束或附件数已达上限 " + maxDocuments + " (the application is no longer "
                        + "open, or it has " + maxDocuments + " documents already)"));
    }

    /**
     * One more open application of {@code uscc}, only while it has fewer than {@code maxOpen} (one atomic condition on
     * the counter item); otherwise a {@code Conflict} that names the cap.
     */
    static void opened(WriteTransaction tx, String uscc, int maxOpen) {
        tx.update(Keys.openApplications(uscc), "SET #open = if_not_exists(#open, :zero) + :one, #type = :type",
                Map.of("#open", OPEN, "#type", "type"),
                Map.of(":zero", Items.n(0), ":one", Items.n(1), ":type", Items.s(OPEN_TYPE)),
                new Condition("attribute_not_exists(#open) OR #open < :max", Map.of("#open", OPEN),
                        Map.of(":max", Items.n(maxOpen))),
                () -> new Conflict("本单位在办的申报已达上限 " + maxOpen + " 件，请待已有申报办结或撤回一件后再申报 (the "
                        + "organisation has " + maxOpen + " open applications, the most allowed: wait for a decision "
                        + "or withdraw one)"));
    }

    /**
     * One open application of {@code uscc} fewer. Unconditioned, so an application submitted before the counter
     * existed never makes its decision or withdrawal fail; such a close may take the count below zero, which gives
     * the organisation as many extra places until its older applications have closed too.
     */
    static void closed(WriteTransaction tx, String uscc) {
        tx.update(Keys.openApplications(uscc), "SET #open = if_not_exists(#open, :zero) - :one, #type = :type",
                Map.of("#open", OPEN, "#type", "type"),
                Map.of(":zero", Items.n(0), ":one", Items.n(1), ":type", Items.s(OPEN_TYPE)), Condition.NONE, null);
    }

    /**
     * The staff decision: the application leaves {@code SUBMITTED}, and with it the reminder run's list of waiting
     * applications (in the certification's transaction when the decision records one).
     */
    static void decision(WriteTransaction tx, ApplicationTransition t) {
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#byStatus", BY_STATUS_PK,
                "#decidedAt", DECIDED_AT, "#decidedBy", DECIDED_BY, "#updatedAt", UPDATED_AT));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", Items.s(t.toStatus().name()));
        values.put(":byStatus", Items.s(Keys.applicationsIn(t.toStatus().name())));
        values.put(":at", Items.s(t.at().toString()));
        values.put(":by", Items.s(t.actor()));
        StringBuilder update = new StringBuilder("SET #status = :status, #byStatus = :byStatus, #decidedAt = :at,"
                + " #decidedBy = :by, #updatedAt = :at");
        if (t.reason() != null) {
            names.put("#reason", REASON);
            values.put(":reason", Items.s(t.reason()));
            update.append(", #reason = :reason");
        }
        if (t.certificationId() != null) {
            names.put("#certificationId", CERTIFICATION_ID);
            values.put(":certificationId", Items.s(t.certificationId()));
            update.append(", #certificationId = :certificationId");
        }
        update.append(" REMOVE ").append(DueIndex.PK).append(", ").append(DueIndex.SK);
        tx.update(Keys.application(t.before().applicationId()), update.toString(), names, values,
                Condition.equals(STATUS, Items.s(ApplicationStatus.SUBMITTED.name())),
                () -> new Conflict("只能对已提交(SUBMITTED)的申报作出决定 (only a SUBMITTED application can be decided)"));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put(STATUS, t.toStatus().name());
        after.put(REASON, t.reason());
        after.put(CERTIFICATION_ID, t.certificationId());
        tx.put(AuditMapper.item(new AuditEntry(Keys.applicationPk(t.before().applicationId()), t.actor(),
                "APPLICATION_" + t.toStatus(), t.at(), t.before(), after)), Condition.NONE, null);
        if (!t.toStatus().open()) {
            closed(tx, t.before().uscc());
        }
    }
}
