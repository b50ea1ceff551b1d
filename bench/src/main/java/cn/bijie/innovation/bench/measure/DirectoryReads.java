package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.BenchData;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.InProcessFunction;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Parallel;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.bench.harness.Harness;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * 5c. Issue 17: the directory's search and filters, and the cultivation statistics, at the largest of
 * {@code --indicator-orgs} organisations (10,000 by default). Profiles are written through {@code PUT
 * /organizations/{uscc}} (so the directory entries and the statistics are as the function writes them), every 50th
 * organisation enters the reserve pool through {@code POST /cultivation/pool}. Each read: DynamoDB calls, items read,
 * and the median of 5 warm invocations in this JVM.
 */
public final class DirectoryReads implements Measurement {
    /** Indexes of the organisations this measurement records, apart from the other measurements' ones. */
    static final int FIRST = 300_000;
    static final int THREADS = 8;
    static final String[] WORDS = {"黔丰", "乌蒙", "夜郎", "洪山", "鸡鸣", "百里", "韭菜坪", "织金洞", "草海", "奢香"};
    static final int POOL_EVERY = 50;

    @Override
    public String id() {
        return "directory";
    }

    static String name(int i) {
        return "毕节" + WORDS[i % WORDS.length] + "（" + i + "）科技有限公司";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Table table = new Table("Directory search and cultivation statistics (issue 17): calls, items read, ms",
                "organisations", "request", "status", "items answered", "calls", "operations", "items read",
                "median ms");
        FunctionUnderTest organizationsFunction = bench.function("OrganizationsFunction")
                .orElseThrow(() -> new IllegalStateException("the template has no OrganizationsFunction"));
        FunctionUnderTest cultivationFunction = bench.function("CultivationFunction")
                .orElseThrow(() -> new IllegalStateException("the template has no CultivationFunction"));
        InProcessFunction organizations = bench.inProcess(organizationsFunction);
        InProcessFunction cultivation = bench.inProcess(cultivationFunction);
        int target = bench.options().indicatorOrganisations().stream().max(Integer::compare).orElse(10_000);
        long deadline = System.nanoTime() + bench.options().seedSeconds() * 1_000_000_000L;
        BenchContext.progress("directory: writing " + target + " profiles through PUT /organizations/{uscc}");
        int seeded = seed(organizations, cultivation, target, deadline);
        organizations.calls();
        cultivation.calls();

        List<Map<String, Object>> rows = new ArrayList<>();
        String intake = Integer.toString(BenchData.today().getYear());
        record Read(String label, InProcessFunction function, ApiEvent event) {}
        List<Read> reads = List.of(
                new Read("GET /organizations?q=黔丰（1230） (one)", organizations, directory().query("q", "黔丰（1230）")),
                new Read("GET /organizations?q=黔丰 (a tenth of all, first page of 50)", organizations,
                        directory().query("q", "黔丰")),
                new Read("GET /organizations?q=毕节黔丰&county=520521", organizations,
                        directory().query("q", "毕节黔丰").query("county", "520521")),
                new Read("GET /organizations?county=520521 (first page of 50)", organizations,
                        directory().query("county", "520521")),
                new Read("GET /organizations?inPool=true (first page of 50; 1 in " + POOL_EVERY + ")", organizations,
                        directory().query("inPool", "true")),
                new Read("GET /cultivation/pool?intake=" + intake, cultivation,
                        ApiEvent.of("GET /cultivation/pool").query("intake", intake)
                                .caller("bench-staff", null, Role.STAFF)),
                new Read("GET /cultivation/statistics", cultivation, ApiEvent.of("GET /cultivation/statistics")
                        .caller("bench-staff", null, Role.STAFF)),
                new Read("GET /cultivation/statistics?format=csv", cultivation,
                        ApiEvent.of("GET /cultivation/statistics").query("format", "csv")
                                .caller("bench-staff", null, Role.STAFF)));
        for (Read read : reads) {
            byte[] request = read.event().toString().getBytes(StandardCharsets.UTF_8);
            read.function().calls();
            byte[] answer = read.function().invoke(request);
            Map<String, Object> row = DynamoCalls.summarise(read.function().calls());
            long[] ms = new long[5];
            for (int r = 0; r < ms.length; r++) {
                long t = System.nanoTime();
                read.function().invoke(request);
                ms[r] = (System.nanoTime() - t) / 1_000_000;
            }
            read.function().calls();
            Arrays.sort(ms);
            String body = new String(answer, StandardCharsets.UTF_8);
            int items = body.split("\\\\\"uscc\\\\\"", -1).length - 1;
            row.put("request", read.label());
            row.put("organisations", seeded);
            row.put("status", Harness.status(answer));
            row.put("medianMs", ms[ms.length / 2]);
            rows.add(row);
            table.row(seeded, read.label(), row.get("status"), read.label().contains("statistics") ? "–" : items,
                    row.get("calls"), row.get("operations"), row.get("itemsRead"), row.get("medianMs"));
        }
        if (seeded < target) {
            table.note("seeding budget of " + bench.options().seedSeconds() + " s reached at " + seeded
                    + " organisations (of " + target + ")");
        }
        return Section.of(rows, table);
    }

    static ApiEvent directory() {
        return ApiEvent.of("GET /organizations").caller("bench-staff", null, Role.STAFF);
    }

    /** Profiles of organisations FIRST.. on {@value #THREADS} threads until {@code deadline}; every 50th in the pool. */
    static int seed(InProcessFunction organizations, InProcessFunction cultivation, int target, long deadline)
            throws Exception {
        String intake = Integer.toString(BenchData.today().getYear());
        return Parallel.forEach(0, target, THREADS, deadline, n -> {
            int i = FIRST + n;
            String uscc = BenchData.uscc(i);
            int status = Harness.status(organizations.invoke(ApiEvent.of("PUT /organizations/{uscc}").path("uscc", uscc)
                    .caller("bench-staff", null, Role.STAFF).body(BenchData.organisation(i, name(n))).toString()
                    .getBytes(StandardCharsets.UTF_8)));
            if (status != 200) {
                throw new IllegalStateException("PUT /organizations/" + uscc + " answered " + status);
            }
            if (n % POOL_EVERY == 0) {
                int pooled = Harness.status(cultivation.invoke(ApiEvent.of("POST /cultivation/pool")
                        .caller("bench-staff", null, Role.STAFF).body("{\"uscc\":\"" + uscc + "\",\"intake\":" + intake
                                + ",\"criteria\":{\"IP_COUNT\":\"3\"}}").toString().getBytes(StandardCharsets.UTF_8)));
                if (pooled != 201 && pooled != 409) {
                    throw new IllegalStateException("POST /cultivation/pool answered " + pooled);
                }
            }
        });
    }
}
