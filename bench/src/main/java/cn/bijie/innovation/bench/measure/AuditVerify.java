package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.InProcessFunction;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.shared.audit.AuditEntry;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.store.dynamodb.AuditMapper;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * 5d. The operators' verification of every audit chain ({@code AuditVerifyFunction}, {@code {"action":"verify"}}) over
 * {@value #ENTRIES} entries: {@value #CHAINS} records with {@value #PER_CHAIN} changes each, seeded directly with
 * {@code BatchWriteItem} as their transactions would have written them; the time of one verification and what it read.
 */
public final class AuditVerify implements Measurement {
    static final int CHAINS = 1_000;
    static final int PER_CHAIN = 100;
    static final int ENTRIES = CHAINS * PER_CHAIN;

    @Override
    public String id() {
        return "audit";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Table table = new Table("Audit verification of every chain: time and reads at " + ENTRIES + " seeded entries",
                "run", "chains", "entries walked", "intact", "seconds", "calls", "items read", "capacity units");
        FunctionUnderTest function = bench.function("AuditVerifyFunction")
                .orElseThrow(() -> new IllegalStateException("the template has no AuditVerifyFunction"));
        seed(new AwsClients(new Config(bench.environment("AuditVerifyFunction"))).dynamoDb(), bench.table());
        InProcessFunction verify = bench.inProcess(function);
        verify.calls();
        byte[] event = "{\"action\":\"verify\"}".getBytes(StandardCharsets.UTF_8);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String run : List.of("first", "second")) {
            long started = System.nanoTime();
            JsonNode report = Json.tree(new String(verify.invoke(event), StandardCharsets.UTF_8));
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Object> row = new LinkedHashMap<>(DynamoCalls.summarise(verify.calls()));
            row.put("run", run);
            row.put("seeded", ENTRIES);
            row.put("chains", report.path("chains").asLong());
            row.put("entries", report.path("entries").asLong());
            row.put("intact", report.path("intact").asBoolean());
            row.put("seconds", Math.round(seconds * 100) / 100.0);
            rows.add(row);
            table.row(run, row.get("chains"), row.get("entries"), row.get("intact"), row.get("seconds"),
                    row.get("calls"), row.get("itemsRead"), row.get("capacityUnits"));
        }
        return Section.of(rows, table);
    }

    /** {@value #CHAINS} subsidy-like records of {@value #PER_CHAIN} changes each, written 25 items a call, 4 at once. */
    static void seed(DynamoDbClient dynamo, String table) throws Exception {
        BenchContext.progress("audit: seeding " + ENTRIES + " entries in " + CHAINS + " chains (BatchWriteItem)");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CHAINS; c++) {
                String chain = Keys.subsidyPk("bench-audit-" + c);
                done.add(pool.submit(() -> write(dynamo, table, AuditMapper.chainOf(entries(chain)))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    static List<AuditEntry> entries(String chain) {
        List<AuditEntry> entries = new ArrayList<>();
        Instant at = Instant.parse("2026-01-05T02:00:00Z");
        for (int i = 0; i < PER_CHAIN; i++) {
            entries.add(new AuditEntry(chain, "bench-staff", i == 0 ? "SUBSIDY_CREATED" : "SUBSIDY_NOTE_CHANGED",
                    at.plusSeconds(60L * i), i == 0 ? null : Map.of("note", "第 " + i + " 次"),
                    Map.of("note", "第 " + (i + 1) + " 次", "amountYuan", 100_000)));
        }
        return entries;
    }

    static void write(DynamoDbClient dynamo, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = items.subList(from, Math.min(items.size(), from + 25)).stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                var response = dynamo.batchWriteItem(r -> r.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
