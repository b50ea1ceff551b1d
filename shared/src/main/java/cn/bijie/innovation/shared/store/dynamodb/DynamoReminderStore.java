package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.ReadOutdated;
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
    private static final String NOT_SENT = "attribute_not_exists(" + Keys.PK + ") OR " + ReminderMapper.OUTCOME
            + " = :rejected";

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
        return get(Keys.reminderRun()).map(ReminderMapper::lastDate);
    }

    @Override
    public void recordRun(LocalDate date, RunSummary summary) {
        dynamo.putItem(r -> r.tableName(table).item(ReminderMapper.runState(date, summary)));
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
        return get(Keys.reminderMarker(certificationId, thresholdDays)).map(ReminderMapper::marker);
    }

    @Override
    public void markReminder(String certificationId, int thresholdDays, Marker marker, String detail, Instant at) {
        putMarker(ReminderMapper.reminder(certificationId, thresholdDays, marker, detail, at));
    }

    @Override
    public Optional<Marker> digest(Mailbox mailbox, LocalDate date) {
        return get(Keys.digestMarker(mailbox.name(), date)).map(ReminderMapper::marker);
    }

    @Override
    public void markDigest(Mailbox mailbox, LocalDate date, Marker marker, String detail, int items, Instant at) {
        putMarker(ReminderMapper.digest(mailbox.name(), date, marker, detail, items, at));
    }

    @Override
    public boolean renewed(Due.Certification c) {
        // GSI1 sorts an organisation's certifications by issuedOn: only those issued later can be the renewal.
        String after = (c.issuedOn() == null ? "" : c.issuedOn().toString()) + "$";
        return dynamo.queryPaginator(r -> r.tableName(table).indexName(Indexes.BY_ORGANIZATION)
                        .keyConditionExpression("#pk = :pk AND #sk > :after")
                        .filterExpression("#kind = :kind AND #status = :active")
                        .expressionAttributeNames(Map.of("#pk", Indexes.BY_ORGANIZATION + "PK",
                                "#sk", Indexes.BY_ORGANIZATION + "SK", "#kind", CertificationMapper.KIND,
                                "#status", CertificationMapper.STATUS))
                        .expressionAttributeValues(Map.of(":pk", Items.s(Keys.organizationCertificationsPk(c.uscc())),
                                ":after", Items.s(after), ":kind", Items.s(c.kind()), ":active",
                                        Items.s(CertificationStatus.ACTIVE.name()))))
                .items().stream().anyMatch(item -> !c.certificationId().equals(
                        Items.str(item, CertificationMapper.CERTIFICATION_ID)));
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

    private static Map<String, AttributeValue> key(Due item) {
        return Keys.key(item.ref().pk(), item.ref().sk());
    }

    /** The item in the reminder run's terms; an item of a type the run does not know is left alone. */
    static Optional<Due> toDue(Map<String, AttributeValue> item) {
        String dueKey = Items.str(item, DueIndex.SK);
        Due.Ref ref = new Due.Ref(Items.str(item, Keys.PK), Items.str(item, Keys.SK), DueIndex.dueOn(dueKey), dueKey);
        String type = String.valueOf(Items.str(item, "type"));
        switch (type) {
            case CertificationMapper.TYPE:
                return Optional.of(new Due.Certification(ref, Items.str(item, CertificationMapper.CERTIFICATION_ID),
                        Items.str(item, CertificationMapper.USCC), Items.str(item, CertificationMapper.KIND),
                        Items.str(item, CertificationMapper.LEVEL), Items.str(item, CertificationMapper.CERTIFICATE_NO),
                        Items.str(item, CertificationMapper.PLATFORM_NAME),
                        date(item, CertificationMapper.ISSUED_ON), date(item, CertificationMapper.EXPIRES_ON),
                        status(CertificationStatus.class, item, CertificationMapper.STATUS)));
            case ApplicationMapper.TYPE:
                return Optional.of(new Due.Application(ref, Items.str(item, ApplicationMapper.APPLICATION_ID),
                        Items.str(item, ApplicationMapper.USCC), Items.str(item, ApplicationMapper.KIND),
                        Items.str(item, ApplicationMapper.LEVEL), Items.str(item, ApplicationMapper.PLATFORM_NAME),
                        status(ApplicationStatus.class, item, ApplicationMapper.STATUS),
                        Instant.parse(Items.str(item, ApplicationMapper.SUBMITTED_AT))));
            case SubsidyMapper.TYPE:
                String since = Optional.ofNullable(Items.str(item, SubsidyMapper.AWAITING_PAYMENT_SINCE))
                        .orElse(Items.str(item, SubsidyMapper.CREATED_AT));
                return Optional.of(new Due.Subsidy(ref, Items.str(item, SubsidyMapper.SUBSIDY_ID),
                        Items.str(item, SubsidyMapper.CERTIFICATION_ID), Items.str(item, SubsidyMapper.USCC),
                        Items.str(item, SubsidyMapper.KIND), Items.str(item, SubsidyMapper.LEVEL),
                        Items.num(item, SubsidyMapper.AMOUNT_YUAN),
                        status(SubsidyStatus.class, item, SubsidyMapper.STATUS), Instant.parse(since)));
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
