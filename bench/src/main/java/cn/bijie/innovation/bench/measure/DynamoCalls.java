package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.InProcessFunction;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Samples;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.bench.harness.Harness;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 5. AWS calls and DynamoDB items read per request: every sample event of every function, handled in this JVM with the
 * call probe beside the function (writes first, so the reads after them find their records). Routes of the template
 * with no sample are listed too, so a gap shows.
 */
public final class DynamoCalls implements Measurement {
    @Override
    public String id() {
        return "calls";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Table table = new Table("AWS calls and DynamoDB items read per request (one request per sample event)",
                "function", "sample", "route / trigger", "status", "calls", "operations", "items read", "capacity units");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FunctionUnderTest function : bench.functions()) {
            if (!Files.isRegularFile(function.jar())) {
                table.row(function.logicalId(), null, null, null, null, null, null, "jar not built");
                continue;
            }
            List<Samples.Sample> samples = bench.samples().of(function);
            InProcessFunction loaded = bench.inProcess(function);
            loaded.calls(); // forget the constructor's calls, if any
            for (Samples.Sample sample : samples) {
                Map<String, Object> row = measure(loaded, sample);
                row.put("function", function.logicalId());
                rows.add(row);
                table.row(function.logicalId(), sample.name(), row.get("trigger"), row.get("status"), row.get("calls"),
                        row.get("operations"), row.get("itemsRead"), row.get("capacityUnits"));
            }
            for (String route : function.routes()) {
                if (samples.stream().noneMatch(s -> route.equals(s.routeKey()))) {
                    rows.add(Map.of("function", function.logicalId(), "trigger", route, "missingSample", true));
                    table.row(function.logicalId(), "(none)", route, null, null, "no sample in events/", null, null);
                }
            }
        }
        return Section.of(rows, table);
    }

    /** One request: its status and the SDK calls it made. */
    public static Map<String, Object> measure(InProcessFunction function, Samples.Sample sample) throws Exception {
        byte[] output = function.invoke(Files.readAllBytes(sample.file()));
        Map<String, Object> row = summarise(function.calls());
        row.put("sample", sample.name());
        row.put("trigger", sample.routeKey() != null ? sample.routeKey() : sample.kind().name().toLowerCase());
        int status = Harness.status(output);
        row.put("status", status == 0 ? null : status);
        return row;
    }

    /** Calls, their operation names, items read and capacity, from the probe's records of one request. */
    public static Map<String, Object> summarise(List<Map<String, Object>> calls) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("calls", calls.size());
        Map<String, Integer> operations = new LinkedHashMap<>();
        calls.forEach(c -> operations.merge((String) c.get("operation"), 1, Integer::sum));
        row.put("operations", operations.entrySet().stream()
                .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " ×" + e.getValue())
                .collect(Collectors.joining(", ")));
        row.put("itemsRead", calls.stream().mapToInt(c -> (Integer) c.get("itemsRead")).sum());
        double capacity = calls.stream().filter(c -> c.get("capacity") != null)
                .mapToDouble(c -> (Double) c.get("capacity")).sum();
        boolean reported = calls.stream().anyMatch(c -> c.get("capacity") != null);
        row.put("capacityUnits", reported ? capacity : null);
        return row;
    }
}
