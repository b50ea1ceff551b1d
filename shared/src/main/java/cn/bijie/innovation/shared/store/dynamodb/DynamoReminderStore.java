package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.ReadOutdated;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.reminder.Due;
import cn.bijie.innovation.shared.reminder.Mailbox;
import cn.bijie.innovation.shared.reminder.Marker;
import cn.bijie.innovation.shared.reminder.ReminderStore;
import cn.bijie.innovation.shared.reminder.RunSummary;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The reminder run's reads and writes. It reads the sparse {@code DueIndex} one date partition at a time, and
 * otherwise only single items (markers, the run state) and one organisation's newer certifications. Every write is
 * conditional on the item being as the run read it.
 */
public final class DynamoReminderStore implements ReminderStore {
    static final String ACTOR = "system:send-reminders";
    /** A marker may replace one that records a refused address, never one that records a sent mail. */
    private static final String NOT_SENT = "attribute_not_exists(PK) OR outcome = :rejected";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final IndicatorCounterMoves counters;

    public DynamoReminderStore(DynamoDbClient dynamo, String table, IndicatorCounterMoves counters) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.counters = counters;
    }

    @Override
    public Optional<LocalDate> lastRunDate() {
        return get(Keys.reminderRun()).map(item -> LocalDate.parse(Items.str(item, "lastDate")));
    }

    @Override
    public void recordRun(LocalDate date, RunSummary summary) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.reminderRun());
        item.put("type", Items.s("RUN_STATE"));
        item.put("lastDate", Items.s(date.toString()));
        item.put("summary", Items.s(Json.write(summary)));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    @Override
    public void forEachDue(LocalDate date, Consumer<Due> action) {
        for (String partition : DueIndex.partitions(date)) {
            dynamo.queryPaginator(r -> r.tableName(table).indexName(DueIndex.NAME)
                            .keyConditionExpression("#pk = :pk")
                            .expressionAttributeNames(Map.of("#pk", DueIndex.PK))
                            .expressionAttributeValues(Map.of(":pk", Items.s(partition))))
                    .items().forEach(item -> toDue(item).ifPresent(action));
        }
    }

    @Override
    public Optional<Marker> reminder(String certificationId, int thresholdDays) {
        return get(Keys.reminderMarker(certificationId, thresholdDays)).map(DynamoReminderStore::marker);
    }

    @Override
    public void markReminder(String certificationId, int thresholdDays, Marker marker, String detail, Instant at) {
        Map<String, AttributeValue> item = markerItem(Keys.reminderMarker(certificationId, thresholdDays), marker,
                detail, at);
        item.put("type", Items.s("REMINDER"));
        item.put("certificationId", Items.s(certificationId));
        item.put("thresholdDays", Items.n(thresholdDays));
        putMarker(item);
    }

    @Override
    public Optional<Marker> digest(Mailbox mailbox, LocalDate date) {
        return get(Keys.digestMarker(mailbox.name(), date)).map(DynamoReminderStore::marker);
    }

    @Override
    public void markDigest(Mailbox mailbox, LocalDate date, Marker marker, String detail, int items, Instant at) {
        Map<String, AttributeValue> item = markerItem(Keys.digestMarker(mailbox.name(), date), marker, detail, at);
        item.put("type", Items.s("DIGEST"));
        item.put("items", Items.n(items));
        putMarker(item);
    }

    @Override
    public boolean renewed(Due.Certification c) {
        // GSI1 sorts an organisation's certifications by issuedOn: only those issued later can be the renewal.
        String after = (c.issuedOn() == null ? "" : c.issuedOn().toString()) + "$";
        return dynamo.queryPaginator(r -> r.tableName(table).indexName("GSI1")
                        .keyConditionExpression("GSI1PK = :pk AND GSI1SK > :after")
                        .filterExpression("#kind = :kind AND #status = :active")
                        .expressionAttributeNames(Map.of("#kind", CertificationMapper.KIND, "#status",
                                CertificationMapper.STATUS))
                        .expressionAttributeValues(Map.of(":pk", Items.s(Keys.organizationCertificationsPk(c.uscc())),
                                ":after", Items.s(after), ":kind", Items.s(c.kind()), ":active",
                                        Items.s(CertificationStatus.ACTIVE.name()))))
                .items().stream().anyMatch(item -> !c.certificationId().equals(Items.str(item, "certificationId")));
    }

    @Override
    public boolean reschedule(Due item, LocalDate next) {
        if (next != null && next.equals(item.ref().dueOn())) {
            return true;
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":seen", Items.s(item.ref().dueKey())));
        String unchanged = "DUESK = :seen AND ";
        if (item.status() == null) {
            unchanged += "attribute_not_exists(#status)";
        } else {
            unchanged += "#status = :status";
            values.put(":status", Items.s(item.status().name()));
        }
        String update = "REMOVE DUEPK, DUESK";
        if (next != null) {
            Map<String, AttributeValue> due = DueIndex.attributes(next, item.ref().pk());
            values.put(":duepk", due.get(DueIndex.PK));
            values.put(":duesk", due.get(DueIndex.SK));
            update = "SET DUEPK = :duepk, DUESK = :duesk";
        }
        String expression = update;
        String condition = unchanged;
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(item)).updateExpression(expression)
                    .conditionExpression(condition).expressionAttributeNames(Map.of("#status", statusAttribute(item)))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // its writer changed it meanwhile; what it wrote stands
        }
    }

    @Override
    public boolean expire(Due.Certification c, Instant at) {
        var tx = new WriteTransaction(table)
                .update(key(c), "SET #status = :expired, #byStatus = :gsi2 REMOVE DUEPK, DUESK",
                        Map.of("#status", CertificationMapper.STATUS, "#byStatus", CertificationMapper.BY_STATUS_PK),
                        Map.of(":expired", Items.s(CertificationStatus.EXPIRED.name()),
                                ":gsi2",
                                Items.s(CertificationMapper.statusPartition(CertificationStatus.EXPIRED.name())),
                                ":active", Items.s(CertificationStatus.ACTIVE.name()), ":seen",
                                        Items.s(c.ref().dueKey())),
                        new Condition("#status = :active AND DUESK = :seen", Map.of(), Map.of()),
                        () -> new Conflict("认定记录已变化 (the certification changed meanwhile)"))
                .put(AuditMapper.item(new AuditEntry(c.ref().pk(), ACTOR, "CERTIFICATION_EXPIRED", at,
                        Map.of(CertificationMapper.STATUS, CertificationStatus.ACTIVE, CertificationMapper.EXPIRES_ON,
                                c.expiresOn().toString()),
                        Map.of(CertificationMapper.STATUS, CertificationStatus.EXPIRED, CertificationMapper.EXPIRES_ON,
                                c.expiresOn().toString()))),
                        Condition.NONE, null);
        counters.deactivated(tx, c.certificationId(), c.uscc(), c.kind(), c.level());
        try {
            writer.commit(tx);
            return true;
        } catch (Conflict | ReadOutdated e) {
            Log.info("expiry not applied", Map.of("certificationId", c.certificationId(), "reason", e.getMessage()));
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private void putMarker(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression(NOT_SENT)
                    .expressionAttributeValues(Map.of(":rejected", Items.s(Marker.Outcome.REJECTED.name()))));
        } catch (ConditionalCheckFailedException e) {
            Log.info("marker already sent", Map.of("pk", Items.str(item, Keys.PK), "sk", Items.str(item, Keys.SK)));
        }
    }

    private static Map<String, AttributeValue> markerItem(Map<String, AttributeValue> key, Marker marker,
            String detail, Instant at) {
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("outcome", Items.s(marker.outcome().name()));
        item.put("to", Items.s(marker.to()));
        Items.putIfPresent(item, marker.sent() ? "messageId" : "reason", detail);
        item.put("at", Items.s(at.toString()));
        return item;
    }

    private static Marker marker(Map<String, AttributeValue> item) {
        return new Marker(Marker.Outcome.valueOf(Items.str(item, "outcome")), Items.str(item, "to"));
    }

    private static Map<String, AttributeValue> key(Due item) {
        return Keys.key(item.ref().pk(), item.ref().sk());
    }

    /** The item in the reminder run's terms; an item of a type the run does not know is left alone. */
    static Optional<Due> toDue(Map<String, AttributeValue> item) {
        String dueKey = Items.str(item, DueIndex.SK);
        Due.Ref ref = new Due.Ref(Items.str(item, Keys.PK), Items.str(item, Keys.SK), DueIndex.dueOn(dueKey), dueKey);
        String type = String.valueOf(Items.str(item, "type"));
        switch (type) {
            case "CERTIFICATION":
                return Optional.of(new Due.Certification(ref, Items.str(item, "certificationId"),
                        Items.str(item, "uscc"), Items.str(item, "kind"), Items.str(item, "level"),
                        Items.str(item, "certificateNo"), Items.str(item, "platformName"),
                        date(item, "issuedOn"), date(item, "expiresOn"),
                        status(CertificationStatus.class, item, CertificationMapper.STATUS)));
            case "APPLICATION":
                return Optional.of(new Due.Application(ref, Items.str(item, "applicationId"), Items.str(item, "uscc"),
                        Items.str(item, "kind"), Items.str(item, "level"), Items.str(item, "platformName"),
                        status(ApplicationStatus.class, item, ApplicationMapper.STATUS),
                        Instant.parse(Items.str(item, "submittedAt"))));
            case "SUBSIDY":
                String since = Optional.ofNullable(Items.str(item, "awaitingPaymentSince"))
                        .orElse(Items.str(item, "createdAt"));
                return Optional.of(new Due.Subsidy(ref, Items.str(item, "subsidyId"),
                        Items.str(item, "certificationId"), Items.str(item, "uscc"), Items.str(item, "kind"),
                        Items.str(item, "level"), Items.num(item, "amountYuan"),
                        status(SubsidyStatus.class, item, SubsidyMapper.STATUS),
                        Instant.parse(since)));
            default:
                Log.error("unknown item in the due index", Map.of("pk", String.valueOf(ref.pk()), "type", type));
                return Optional.empty();
        }
    }

    /** The attribute of {@code item}'s entity that holds its status. */
    private static String statusAttribute(Due item) {
        if (item instanceof Due.Certification) {
            return CertificationMapper.STATUS;
        }
        return item instanceof Due.Application ? ApplicationMapper.STATUS : SubsidyMapper.STATUS;
    }

    private static <E extends Enum<E>> E status(Class<E> type, Map<String, AttributeValue> item, String attribute) {
        String value = Items.str(item, attribute);
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static LocalDate date(Map<String, AttributeValue> item, String name) {
        String value = Items.str(item, name);
        return value == null ? null : LocalDate.parse(value);
    }
}
