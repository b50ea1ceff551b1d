package cn.bijie.innovation.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoCallsTest {

    static Map<String, Object> call(String operation, int itemsRead, Double capacity) {
        Map<String, Object> call = new HashMap<>();
        call.put("service", "DynamoDB");
        call.put("operation", operation);
        call.put("itemsRead", itemsRead);
        call.put("capacity", capacity);
        return call;
    }

    @Test
    void summarise_countsCallsItemsAndCapacity_andGroupsRepeatedOperations() {
        Map<String, Object> row = DynamoCalls.summarise(List.of(call("GetItem", 1, 0.5), call("Query", 3, 0.5),
                call("Query", 4, null), call("TransactWriteItems", 0, 4.0)));

        assertThat(row).containsEntry("calls", 4).containsEntry("itemsRead", 8).containsEntry("capacityUnits", 5.0)
                .containsEntry("operations", "GetItem, Query ×2, TransactWriteItems");
    }

    @Test
    void summarise_ofNoCalls_hasNoCapacity_ratherThanZero() {
        assertThat(DynamoCalls.summarise(List.of())).containsEntry("calls", 0).containsEntry("capacityUnits", null);
    }
}
