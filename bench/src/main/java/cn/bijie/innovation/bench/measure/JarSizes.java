package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 1. The deployment jar of every function, against the 8 MiB goal. */
public final class JarSizes implements Measurement {
    static final long GOAL_BYTES = 8L * 1024 * 1024;

    @Override
    public String id() {
        return "jars";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Table table = new Table("Deployment jar size (goal ≤ 8 MiB)", "function", "jar", "MiB", "bytes", "goal");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (FunctionUnderTest function : bench.functions()) {
            rows.add(row(table, function.logicalId(), function.jar(), true, bench));
        }
        rows.add(row(table, "reference program", bench.benchJar("reference.jar"), false, bench));
        return Section.of(rows, table);
    }

    private static Map<String, Object> row(Table table, String name, Path jar, boolean hasGoal, BenchContext bench)
            throws Exception {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("function", name);
        row.put("jar", bench.options().root().relativize(jar).toString());
        if (!Files.isRegularFile(jar)) {
            row.put("missing", true);
            table.row(name, row.get("jar"), null, null, "not built");
            return row;
        }
        long bytes = Files.size(jar);
        boolean met = bytes <= GOAL_BYTES;
        row.put("bytes", bytes);
        row.put("mib", bytes / 1048576.0);
        if (hasGoal) {
            row.put("goalMet", met);
        }
        table.row(name, row.get("jar"), bytes / 1048576.0, bytes, !hasGoal ? null
                : met ? "✓" : "✗ +" + Math.round((bytes - GOAL_BYTES) / 1024.0) + " KiB");
        return row;
    }
}
