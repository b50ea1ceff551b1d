package cn.bijie.innovation.functions.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The run's reads follow the number of due items, not the size of the table. */
class ReminderCostIT {
    static final int CERTIFICATIONS = 20_000;
    static final int DUE_TODAY = 25;
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void dailyRun_readsTheDueItemsAndWhatEachNeeds_notTheTable() {
        // GIVEN 20,000 high-tech certifications; 25 reach their 90-day threshold today, the others later
        ReminderStack stack = new ReminderStack();
        Fixtures fixtures = new Fixtures(stack.dynamo, stack.table());
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < CERTIFICATIONS; i++) {
            String uscc = String.format("9152050000%08d", i);
            LocalDate expiresOn = i < DUE_TODAY ? TODAY.plusDays(90) : TODAY.plusDays(91 + i % 1000);
            items.add(Fixtures.certification("c" + i, uscc, "HIGH_TECH_ENTERPRISE", expiresOn.minusYears(3),
                    expiresOn));
            if (i < DUE_TODAY) {
                fixtures.organization(uscc, "毕节企业" + i, "org" + i + "@example.com");
            }
        }
        fixtures.putAll(items);
        stack.run(TODAY.minusDays(1), stack.ses); // yesterday's run: nothing was due

        // WHEN today's run reads the due index
        Map<String, Long> itemsBefore = stack.meter.itemsReadBy();
        Map<String, Long> callsBefore = stack.meter.calls();
        double capacityBefore = stack.meter.readCapacityUnits();
        JsonNode summary = stack.run(TODAY, stack.ses);
        Map<String, Long> itemsRead = minus(stack.meter.itemsReadBy(), itemsBefore);
        Map<String, Long> calls = minus(stack.meter.calls(), callsBefore);
        double capacity = stack.meter.readCapacityUnits() - capacityBefore;
        System.out.println(Json.write(Map.of("summary", summary, "itemsRead", itemsRead, "calls", calls,
                "readCapacityUnits", capacity)));

        // THEN it read the 25 due items, and per item its marker, its organisation and any newer certification
        assertThat(summary.get("dueItems").asInt()).isEqualTo(DUE_TODAY);
        assertThat(summary.get("sent").asInt()).isEqualTo(DUE_TODAY);
        assertThat(itemsRead.get("Query DueIndex")).isEqualTo(DUE_TODAY);
        long total = itemsRead.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(summary.get("itemsRead").asLong())
                .isLessThanOrEqualTo(DUE_TODAY + DUE_TODAY /* markers checked */ + DUE_TODAY /* profiles */ + 1);
        assertThat(calls).doesNotContainKeys("Scan").containsEntry("Query DueIndex", 8L); // 2 dates × 4 shards
        assertThat(stack.mails()).hasSize(DUE_TODAY);
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        return delta;
    }
}
