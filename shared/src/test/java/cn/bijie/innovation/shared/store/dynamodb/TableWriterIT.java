package cn.bijie.innovation.shared.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.testing.CallCounter;
import cn.bijie.innovation.shared.testing.TestStack;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a cancelled transaction surfaces: a failed condition as its domain failure, any other reason as a 500. */
class TableWriterIT {
    final TestStack stack = TestStack.shared();
    final CallCounter calls = new CallCounter();
    final software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo = stack.dynamoDb(calls);
    final TableWriter writer = new TableWriter(dynamo);

    @Test
    void aFailedCondition_isTheFailureItStandsFor_afterOneCall() {
        var tx = new WriteTransaction(stack.table()).check(Keys.key("NO#" + UUID.randomUUID(), "NONE"),
                Condition.present(), () -> new Conflict("gone"));
        calls.reset();

        assertThatThrownBy(() -> writer.commit(tx)).isInstanceOf(Conflict.class).hasMessage("gone");
        assertThat(calls.operations()).containsExactly("TransactWriteItems"); // the writer itself never retries
    }

    @Test
    void aTransactionTheTableRefusesForAnotherReason_isA500WithTheRequestId_notA409() {
        // an ADD on a string attribute: DynamoDB refuses the write as invalid, which no retry can change
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key =
                Keys.key("TEST#" + UUID.randomUUID(), "TEST");
        dynamo.putItem(r -> r.tableName(stack.table()).item(Map.of(Keys.PK, key.get(Keys.PK), Keys.SK,
                key.get(Keys.SK), "n", Items.s("not a number"))));
        HttpApi api = new HttpApi(Map.of("POST /things", request -> {
            writer.commit(new WriteTransaction(stack.table()).update(key, "ADD #n :one", Map.of("#n", "n"),
                    Map.of(":one", Items.n(1)), Condition.NONE, null));
            return ApiResponse.json(200, Map.of());
        }));
        ObjectNode event = ApiEvent.of("POST /things").caller("u1", null, Role.STAFF).body("{}").toJson();
        String requestId = event.path("requestContext").path("requestId").asText();

        ApiResponse response = api.handle(event);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(Json.tree(response.body()).path("error").path("message").asText()).contains(requestId);
    }
}
