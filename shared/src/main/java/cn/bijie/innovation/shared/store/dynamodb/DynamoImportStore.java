package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.imports.ImportCounts;
import cn.bijie.innovation.shared.imports.ImportStatus;
import cn.bijie.innovation.shared.imports.ImportStore;
import cn.bijie.innovation.shared.imports.ListImport;
import cn.bijie.innovation.shared.imports.Names;
import cn.bijie.innovation.shared.imports.RowOutcome;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Imports in their own partitions: the record, one item per data row (written 25 to a {@code BatchWriteItem}, each
 * an idempotent put), and the checkpoint with the figures in one conditional update — the next delivery resumes
 * after it, and a delivery that finds it moved knows another got there first.
 */
public final class DynamoImportStore implements ImportStore {
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWriter writer;
    private final DynamoOrganizationStore organizations;

    public DynamoImportStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.writer = new TableWriter(dynamo);
        this.organizations = new DynamoOrganizationStore(dynamo, table);
    }

    @Override
    public PendingWrite create(ListImport listImport) {
        return writer.pending(new WriteTransaction(table)
                .put(ImportMapper.item(listImport), Condition.absent(), () -> new Conflict("导入记录已存在 (exists)"))
                .put(AuditMapper.item(new AuditEntry(Keys.importPk(listImport.importId()), listImport.createdBy(),
                        "IMPORT_CREATED", Instant.parse(listImport.createdAt()), null, listImport)), Condition.NONE,
                        null));
    }

    @Override
    public Optional<ListImport> find(String importId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.listImport(importId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ImportMapper.fromItem(item));
    }

    @Override
    public Slice<ListImport> list(int limit, Map<String, String> start) {
        IndexQuery.Filled page = IndexQuery.on(Indexes.ALL, Keys.ALL_IMPORTS).fill(dynamo, table, limit,
                Items.startKey(start));
        return new Slice<>(page.items().stream().map(ImportMapper::fromItem).toList(), Items.position(page.next()));
    }

    @Override
    public boolean start(String importId, String at) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Keys.listImport(importId))
                    .updateExpression("SET #s = :processing, #t = if_not_exists(#t, :at)")
                    .conditionExpression("#s IN (:awaiting, :processing)")
                    .expressionAttributeNames(Map.of("#s", ImportMapper.STATUS, "#t", ImportMapper.STARTED_AT))
                    .expressionAttributeValues(Map.of(":processing", Items.s(ImportStatus.PROCESSING.name()),
                            ":awaiting", Items.s(ImportStatus.AWAITING_UPLOAD.name()), ":at", Items.s(at))));
            return true;
        } catch (ConditionalCheckFailedException finished) {
            return false;
        }
    }

    @Override
    public boolean advance(String importId, int fromCheckpoint, int toCheckpoint, List<RowOutcome> rows) {
        List<WriteRequest> puts = new ArrayList<>();
        for (RowOutcome row : rows) {
            puts.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(ImportMapper.rowItem(importId, row)).build()).build());
        }
        for (int i = 0; i < puts.size(); i += BATCH) {
            batchWrite(puts.subList(i, Math.min(puts.size(), i + BATCH)));
        }
        Map<String, String> names = new HashMap<>();
        String add = ImportMapper.addCounts(names);
        names.put("#c", ImportMapper.CHECKPOINT);
        Map<String, AttributeValue> values = new HashMap<>(ImportMapper.countValues(ImportCounts.of(rows)));
        values.put(":from", Items.n(fromCheckpoint));
        values.put(":to", Items.n(toCheckpoint));
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Keys.listImport(importId))
                    .updateExpression("SET #c = :to " + add).conditionExpression("#c = :from")
                    .expressionAttributeNames(names).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException movedMeanwhile) {
            return false;
        }
    }

    private void batchWrite(List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                sleep(Math.min(1000, 50L << attempt));
            }
            Map<String, List<WriteRequest>> batch = pending;
            pending = dynamo.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
            if (attempt > 8 && !pending.isEmpty()) {
                throw new IllegalStateException("BatchWriteItem left items unprocessed after retries");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void finish(String importId, ImportStatus status, String problem, String at) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", Items.s(status.name()),
                ":at", Items.s(at), ":processing", Items.s(ImportStatus.PROCESSING.name())));
        String update = "SET #s = :status, #f = :at";
        Map<String, String> names = new HashMap<>(Map.of("#s", ImportMapper.STATUS, "#f", ImportMapper.FINISHED_AT));
        if (problem != null) {
            update += ", #p = :problem";
            names.put("#p", ImportMapper.PROBLEM);
            values.put(":problem", Items.s(problem));
        }
        String expression = update;
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Keys.listImport(importId)).updateExpression(expression)
                    .conditionExpression("#s = :processing").expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException finishedMeanwhile) {
            // another delivery finished it: the same figures, the same end
        }
    }

    @Override
    public List<RowOutcome> rows(String importId) {
        List<RowOutcome> rows = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :row)")
                    .expressionAttributeValues(Map.of(":pk", Items.s(Keys.importPk(importId)),
                            ":row", Items.s(Keys.IMPORT_ROW_PREFIX)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> rows.add(ImportMapper.rowFromItem(item)));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return rows;
    }

    @Override
    public PendingWrite resolve(String importId, RowOutcome reviewed) {
        ImportCounts delta = ImportCounts.of(List.of(reviewed));
        ImportCounts move = new ImportCounts(0, delta.recorded(), delta.skipped(), delta.rejected(), 0, -1,
                delta.organizationsCreated());
        Map<String, String> names = new HashMap<>();
        String add = ImportMapper.addCounts(names);
        return writer.pending(new WriteTransaction(table)
                .put(ImportMapper.rowItem(importId, reviewed),
                        Condition.equals(ImportMapper.OUTCOME, Items.s(RowOutcome.Outcome.UNMATCHED.name())),
                        () -> new Conflict("该行已核对 (this row was reviewed meanwhile)"))
                .update(Keys.listImport(importId), add, names, ImportMapper.countValues(move), Condition.NONE, null));
    }

    @Override
    public Committed replay(String importId, IdempotencyKey key) {
        return key == null ? null : writer.prior(table, Keys.listImport(importId), key).replay();
    }

    /** One scan of the profiles (projected to code and name) per import: a batch job, never a request path. */
    @Override
    public Map<String, List<String>> organizationsByName() {
        Map<String, List<String>> byName = new HashMap<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = dynamo.scan(s -> s.tableName(table).filterExpression("#t = :org")
                    .projectionExpression("#u, #n").expressionAttributeNames(Map.of("#t", "type",
                            "#u", OrganizationMapper.USCC, "#n", OrganizationMapper.NAME))
                    .expressionAttributeValues(Map.of(":org", Items.s(OrganizationMapper.TYPE)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                byName.computeIfAbsent(Names.normalise(Items.str(item, OrganizationMapper.NAME)),
                        name -> new ArrayList<>()).add(Items.str(item, OrganizationMapper.USCC));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return byName;
    }

    @Override
    public Optional<ImportedOrganization> organization(String uscc) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.organization(uscc))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(new ImportedOrganization(
                OrganizationMapper.fromItem(item), OrganizationMapper.createdByImport(item)));
    }

    @Override
    public boolean createOrganization(Organization organization, String importId, String actor) {
        WriteTransaction tx = new WriteTransaction(table)
                .put(OrganizationMapper.importedItem(organization, importId), Condition.absent(),
                        () -> new Conflict("组织资料已存在 (the profile exists)"))
                .put(AuditMapper.item(new AuditEntry(Keys.organizationPk(organization.uscc()), actor,
                        "ORGANIZATION_CREATED", Instant.parse(organization.updatedAt()), null, organization)),
                        Condition.NONE, null);
        organizations.index(tx, null, organization); // in the directory and the statistics like a profile staff write
        try {
            writer.commit(tx);
            return true;
        } catch (Conflict exists) {
            return false;
        }
    }

    @Override
    public Optional<String> mailed(String marker) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(Keys.importMail(marker))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.str(item, ImportMapper.OUTCOME));
    }

    @Override
    public void markMailed(String marker, String to, String outcome, String at) {
        dynamo.putItem(r -> r.tableName(table).item(ImportMapper.mailItem(marker, to, outcome, at)));
    }
}
