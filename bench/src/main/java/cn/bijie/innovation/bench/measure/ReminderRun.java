package cn.bijie.innovation.bench.measure;

import cn.bijie.innovation.bench.ApiSeeder;
import cn.bijie.innovation.bench.BenchContext;
import cn.bijie.innovation.bench.BenchData;
import cn.bijie.innovation.bench.FunctionUnderTest;
import cn.bijie.innovation.bench.InProcessFunction;
import cn.bijie.innovation.bench.Measurement;
import cn.bijie.innovation.bench.Table;
import cn.bijie.innovation.bench.harness.Harness;
import cn.bijie.innovation.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 5c. The daily reminder run reads what is due, not the table: {@code DUE} organisations hold a high-tech certification
 * expiring in 30 days (due for a reminder), {@code NOT_DUE} more expire in two years; the run's DynamoDB calls and items
 * read are set against the due items. A second run the same day finds the reminders sent. Reported as pending while
 * the reminder or the certification function still answers 501.
 */
public final class ReminderRun implements Measurement {
    static final int FIRST = 200_000;
    static final int DUE = 20;
    static final int NOT_DUE = 200;

    @Override
    public String id() {
        return "reminders";
    }

    @Override
    public Section run(BenchContext bench) throws Exception {
        Table table = new Table("Daily reminder run: DynamoDB calls and items read against due items ("
                + DUE + " certifications due, " + NOT_DUE + " not due)",
                "run", "due items", "outcome", "calls", "operations", "items read", "capacity units");
        FunctionUnderTest function = bench.function("SendRemindersFunction")
                .orElseThrow(() -> new IllegalStateException("the template has no SendRemindersFunction"));
        InProcessFunction reminders = bench.inProcess(function);
        ApiSeeder seeder = new ApiSeeder(bench);
        // the probe run comes first: it sends whatever is due already, so the measured run finds exactly DUE items
        int reminderStatus = Harness.status(reminders.invoke(scheduledEvent()));
        int certificationStatus = seeder.organisationWithCertification(FIRST, BenchData.today().plusDays(30));
        if (reminderStatus == 501 || certificationStatus == 501) {
            String reason = "pending: the reminder run answered " + reminderStatus + ", POST /certifications "
                    + certificationStatus + " (501: not implemented yet)";
            table.row(reason, null, null, null, null, null, null);
            return Section.of(Map.of("pending", reason), table);
        }
        BenchContext.progress("reminders: recording " + (DUE + NOT_DUE) + " organisations");
        seeder.organisationsWithCertifications(FIRST + 1, FIRST + DUE + NOT_DUE,
                i -> i < FIRST + DUE ? BenchData.today().plusDays(30) : BenchData.today().plusYears(2),
                System.nanoTime() + bench.options().seedSeconds() * 1_000_000_000L);
        reminders.calls();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String run : List.of("first run of the day", "second run, same day")) {
            byte[] output = reminders.invoke(scheduledEvent());
            Map<String, Object> row = DynamoCalls.summarise(reminders.calls());
            row.put("run", run);
            row.put("dueItems", DUE);
            row.put("output", new String(output, StandardCharsets.UTF_8));
            rows.add(row);
            table.row(run, DUE, abbreviate((String) row.get("output")), row.get("calls"), row.get("operations"),
                    row.get("itemsRead"), row.get("capacityUnits"));
        }
        return Section.of(rows, table);
    }

    /** EventBridge Scheduler's event; its {@code time} is "now" for the run (API.md). */
    static byte[] scheduledEvent() {
        return Json.write(Map.of("version", "0", "id", "bench-" + System.nanoTime(), "detail-type", "Scheduled Event",
                "source", "aws.scheduler", "time", Instant.now().toString(), "region", "us-east-1",
                "resources", List.of(), "detail", Map.of())).getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "…";
    }
}
