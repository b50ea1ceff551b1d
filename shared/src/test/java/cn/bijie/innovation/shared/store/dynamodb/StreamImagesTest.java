package cn.bijie.innovation.shared.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class StreamImagesTest {
    @Test
    void item_readsEveryDynamoDbJsonType() {
        Map<String, AttributeValue> item = StreamImages.item(Json.tree("""
                {"s":{"S":"毕节"},"n":{"N":"100000"},"b":{"BOOL":true},"z":{"NULL":true},"ss":{"SS":["a","b"]},
                 "l":{"L":[{"S":"x"},{"N":"1"}]},"m":{"M":{"inner":{"S":"y"}}},"bin":{"B":"AQI="}}
                """));

        assertThat(item.get("s").s()).isEqualTo("毕节");
        assertThat(item.get("n").n()).isEqualTo("100000");
        assertThat(item.get("b").bool()).isTrue();
        assertThat(item.get("z").nul()).isTrue();
        assertThat(item.get("ss").ss()).containsExactly("a", "b");
        assertThat(item.get("l").l()).extracting(AttributeValue::s).containsExactly("x", null);
        assertThat(item.get("m").m().get("inner").s()).isEqualTo("y");
        assertThat(item.get("bin").b().asByteArray()).containsExactly(1, 2);
    }

    @Test
    void item_isEmpty_whenTheRecordHasNoImage() {
        assertThat(StreamImages.item(Json.tree("{}").path("NewImage"))).isEmpty();
    }

    @Test
    void item_rejectsAValueWithoutAType() {
        assertThatThrownBy(() -> StreamImages.item(Json.tree("{\"a\":\"plain\"}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
