package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.imports.ImportCounts;
import cn.bijie.innovation.shared.imports.ImportStatus;
import cn.bijie.innovation.shared.imports.ListImport;
import cn.bijie.innovation.shared.imports.Recognition;
import cn.bijie.innovation.shared.imports.RowOutcome;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A list import ({@code IMPORT#<id> / IMPORT}) and its rows' outcomes ({@code IMPORT#<id> / ROW#<row>}): their
 * attribute names, conversion, and the update that moves the checkpoint with the figures.
 */
public final class ImportMapper {
    static final String TYPE = "IMPORT";
    static final String ROW_TYPE = "IMPORT_ROW";
    static final String STATUS = "status";
    static final String CHECKPOINT = "checkpoint";
    static final String STARTED_AT = "startedAt";
    static final String FINISHED_AT = "finishedAt";
    static final String PROBLEM = "problem";
    /** The figures, one number attribute each, in the order of {@link ImportCounts}. */
    static final List<String> COUNTS = List.of("rowsRead", "recorded", "skipped", "rejected", "outside", "unmatched",
            "organizationsCreated");
    static final String OUTCOME = "outcome";

    private ImportMapper() {}

    static Map<String, AttributeValue> item(ListImport i) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.listImport(i.importId()));
        item.put("type", Items.s(TYPE));
        item.put("importId", Items.s(i.importId()));
        Items.putIfPresent(item, "kind", i.kind());
        Items.putIfPresent(item, "level", i.level());
        item.put("batchName", Items.s(i.batchName()));
        Items.putIfPresent(item, "authority", i.authority());
        Items.putIfPresent(item, "issuedOn", i.issuedOn());
        Items.putIfPresent(item, "documentNo", i.documentNo());
        item.put("fileName", Items.s(i.fileName()));
        item.put("sizeBytes", Items.n(i.sizeBytes()));
        item.put("sha256", Items.s(i.sha256()));
        item.put(STATUS, Items.s(i.status().name()));
        item.put("createdBy", Items.s(i.createdBy()));
        Items.putIfPresent(item, "createdByEmail", i.createdByEmail());
        item.put("createdAt", Items.s(i.createdAt()));
        item.put(CHECKPOINT, Items.n(i.checkpoint()));
        for (String count : COUNTS) {
            item.put(count, Items.n(0));
        }
        Indexes.put(item, Indexes.ALL, Keys.ALL_IMPORTS, i.createdAt() + "#" + i.importId());
        return item;
    }

    static ListImport fromItem(Map<String, AttributeValue> item) {
        int[] c = COUNTS.stream().mapToInt(name -> num(item, name)).toArray();
        return new ListImport(Items.str(item, "importId"), Items.str(item, "kind"), Items.str(item, "level"),
                Items.str(item, "batchName"), Items.str(item, "authority"), Items.str(item, "issuedOn"),
                Items.str(item, "documentNo"), Items.str(item, "fileName"), Items.num(item, "sizeBytes"),
                Items.str(item, "sha256"), ImportStatus.valueOf(Items.str(item, STATUS)),
                Items.str(item, "createdBy"), Items.str(item, "createdByEmail"), Items.str(item, "createdAt"),
                Items.str(item, STARTED_AT), Items.str(item, FINISHED_AT), num(item, CHECKPOINT),
                new ImportCounts(c[0], c[1], c[2], c[3], c[4], c[5], c[6]), Items.str(item, PROBLEM));
    }

    /** The figures of {@code counts} as the values of an {@code ADD} ({@code :n0} …). */
    static Map<String, AttributeValue> countValues(ImportCounts counts) {
        int[] c = {counts.read(), counts.recorded(), counts.skipped(), counts.rejected(), counts.outside(),
                counts.unmatched(), counts.organizationsCreated()};
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < c.length; i++) {
            values.put(":n" + i, Items.n(c[i]));
        }
        return values;
    }

    /** {@code ADD #n0 :n0, …}: moves every figure by {@link #countValues}. */
    static String addCounts(Map<String, String> names) {
        StringBuilder add = new StringBuilder("ADD ");
        for (int i = 0; i < COUNTS.size(); i++) {
            names.put("#n" + i, COUNTS.get(i));
            add.append(i == 0 ? "" : ", ").append("#n").append(i).append(" :n").append(i);
        }
        return add.toString();
    }

    static Map<String, AttributeValue> rowItem(String importId, RowOutcome r) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.importRow(importId, r.row()));
        item.put("type", Items.s(ROW_TYPE));
        item.put("row", Items.n(r.row()));
        item.put(OUTCOME, Items.s(r.outcome().name()));
        Items.putIfPresent(item, "name", r.name());
        Items.putIfPresent(item, "uscc", r.uscc());
        Items.putIfPresent(item, "column", r.column());
        Items.putIfPresent(item, "reason", r.reason());
        Items.putIfPresent(item, "certificationId", r.certificationId());
        if (r.organizationCreated()) {
            item.put("organizationCreated", Items.bool(true));
        }
        Recognition w = r.recognition();
        if (w != null) {
            Items.putIfPresent(item, "county", w.county());
            item.put("kind", Items.s(w.kind()));
            item.put("level", Items.s(w.level()));
            item.put("platformName", Items.s(w.platformName()));
            item.put("certificateNo", Items.s(w.certificateNo()));
            item.put("issuedOn", Items.s(w.issuedOn().toString()));
        }
        return item;
    }

    static RowOutcome rowFromItem(Map<String, AttributeValue> item) {
        int row = num(item, "row");
        Recognition waiting = item.containsKey("kind") ? new Recognition(row, null, Items.str(item, "name"),
                Items.str(item, "county"), Items.str(item, "kind"), Items.str(item, "level"),
                Items.str(item, "platformName"), Items.str(item, "certificateNo"),
                LocalDate.parse(Items.str(item, "issuedOn"))) : null;
        return new RowOutcome(row, RowOutcome.Outcome.valueOf(Items.str(item, OUTCOME)), Items.str(item, "name"),
                Items.str(item, "uscc"), Items.str(item, "column"), Items.str(item, "reason"),
                Items.str(item, "certificationId"), Items.flag(item, "organizationCreated"), waiting);
    }

    static Map<String, AttributeValue> mailItem(String marker, String to, String outcome, String at) {
        Map<String, AttributeValue> item = new HashMap<>(Keys.importMail(marker));
        item.put("type", Items.s("IMPORT_MAIL"));
        item.put(OUTCOME, Items.s(outcome));
        Items.putIfPresent(item, "to", to.isEmpty() ? null : to);
        item.put("at", Items.s(at));
        return item;
    }

    private static int num(Map<String, AttributeValue> item, String name) {
        Long value = Items.num(item, name);
        return value == null ? 0 : value.intValue();
    }
}
