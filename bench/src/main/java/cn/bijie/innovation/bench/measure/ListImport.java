package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.InProcessFunction;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.uscc.Uscc;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * 5e. A list import of {@code ROWS} rows (a city list with USCCs, every organisation new): the import function run
 * in this JVM on the S3 event of the uploaded file — rows per second, DynamoDB calls per row, and the heap's peak
 * during the run (the pools' peak usage, reset before it; an upper bound, as the JVM collects lazily).
 */
public final class ListImport implements Measurement {
    static final int ROWS = 10_000;

    @Override
    public String id() {
        return "imports";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Table table = new Table("List import: " + ROWS + " rows (USCC, certificate number, date; every organisation "
                + "new), ImportRecognitionsFunction in process",
                "rows", "status", "seconds", "rows/s", "DynamoDB calls", "calls/row", "operations", "peak heap MiB");
        FunctionUnderTest routes = bench.function("ImportsFunction")
                .orElseThrow(() -> new IllegalStateException("the template has no ImportsFunction"));
        FunctionUnderTest run = bench.function("ImportRecognitionsFunction")
                .orElseThrow(() -> new IllegalStateException("the template has no ImportRecognitionsFunction"));
        InProcessFunction imports = bench.inProcess(routes);
        InProcessFunction importer = bench.inProcess(run);
        byte[] file = list(ROWS);
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(file));
        byte[] created = imports.invoke(ApiEvent.of("POST /imports").caller("bench-staff", null, Role.STAFF)
                .body(Json.write(Map.of("kind", "HIGH_TECH_ENTERPRISE", "level", "NATIONAL", "batchName", "bench",
                        "fileName", "bench.csv", "sizeBytes", file.length, "sha256", sha256)))
                .toString().getBytes(StandardCharsets.UTF_8));
        String importId = Json.tree(Json.tree(new String(created, StandardCharsets.UTF_8)).path("body").asText())
                .path("importId").asText();
        Map<String, String> environment = bench.environment("ImportsFunction");
        String bucket = environment.get("BUCKET_NAME");
        try (var s3 = new AwsClients(new Config(environment)).s3()) {
            s3.putObject(p -> p.bucket(bucket).key("imports/" + importId), RequestBody.fromBytes(file));
        }
        BenchContext.progress("imports: " + ROWS + " rows");
        importer.calls();
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        importer.invoke(Json.write(Map.of("Records", List.of(Map.of("eventName", "ObjectCreated:Put",
                "s3", Map.of("bucket", Map.of("name", bucket), "object", Map.of("key", "imports/" + importId)))))
        ).getBytes(StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - started) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Map<String, Object> row = DynamoCalls.summarise(importer.calls());
        JsonNode done = Json.tree(Json.tree(new String(imports.invoke(ApiEvent.of("GET /imports/{importId}")
                .path("importId", importId).caller("bench-staff", null, Role.STAFF).toString()
                .getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)).path("body").asText());
        int calls = ((Number) row.get("calls")).intValue();
        Map<String, Object> data = new LinkedHashMap<>(row);
        data.put("rows", ROWS);
        data.put("status", done.path("status").asText());
        data.put("counts", done.path("counts"));
        data.put("seconds", seconds);
        data.put("rowsPerSecond", ROWS / seconds);
        data.put("callsPerRow", (double) calls / ROWS);
        data.put("peakHeapMiB", peak / (1024.0 * 1024));
        table.row(ROWS, done.path("status").asText() + " " + done.path("counts").path("recorded").asInt()
                + " recorded", String.format("%.1f", seconds), String.format("%.0f", ROWS / seconds), calls,
                String.format("%.2f", (double) calls / ROWS), row.get("operations"),
                String.format("%.0f", peak / (1024.0 * 1024)));
        return Section.of(data, table);
    }

    /** A city list as spreadsheets save it: UTF-8 with BOM, CRLF, valid USCCs of 七星关区. */
    static byte[] list(int rows) {
        StringBuilder csv = new StringBuilder("\uFEFF序号,企业名称,统一社会信用代码,证书编号,发证日期\r\n");
        long base = System.currentTimeMillis() % 10_000; // a run of its own: no organisation of an earlier run
        for (int i = 1; i <= rows; i++) {
            String first17 = "91520502" + String.format("%04d%05d", base, i);
            csv.append(i).append(",毕节基准测试").append(i).append("科技有限公司,").append(first17)
                    .append(Uscc.checkCharacter(first17)).append(",GRBENCH").append(base).append('-').append(i)
                    .append(",2026-11-20\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
