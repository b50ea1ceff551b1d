package cn.bijie.innovation.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.organization.OrganizationInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {
    @Test
    void read_shouldBind_aWellFormedBody() {
        OrganizationInput input = Json.read("""
                {"name":"毕节某科技有限公司","county":"520502","industry":"NEW_MATERIALS","contactEmail":"a@example.com"}
                """, OrganizationInput.class);

        assertThat(input.name()).isEqualTo("毕节某科技有限公司");
        assertThat(input.growthTier()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON           | {\"name\":                                   | body",
        "trailing garbage         | {\"name\":\"x\"} {}                           | body",
        "unknown field            | {\"name\":\"x\",\"owner\":\"me\"}             | owner",
        "number for a string      | {\"name\":123}                                | name",
        "boolean for a string     | {\"county\":true}                             | county",
        "object for a string      | {\"industry\":{\"a\":1}}                      | industry",
        "array instead of object  | [1,2]                                         | body",
        "duplicate key            | {\"name\":\"a\",\"name\":\"b\"}               | body",
    })
    void read_shouldFail_withTheFieldNamed(String why, String body, String field) {
        assertThatThrownBy(() -> Json.read(body, OrganizationInput.class))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).details())
                        .extracting(p -> p.field()).containsExactly(field));
    }

    @Test
    void read_shouldFail_onAnEmptyBody() {
        assertThatThrownBy(() -> Json.read("  ", OrganizationInput.class)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> Json.read(null, OrganizationInput.class)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> Json.read("null", OrganizationInput.class)).isInstanceOf(ValidationFailed.class);
    }
}
