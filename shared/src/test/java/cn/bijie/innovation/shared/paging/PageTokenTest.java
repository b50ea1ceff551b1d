package cn.bijie.innovation.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageTokenTest {
    final PageToken tokens = new PageToken("test-page-token-secret-of-at-least-32-chars");
    final Map<String, AttributeValue> key = Map.of("PK", AttributeValue.fromS("APP#1"), "SK", AttributeValue.fromS("APP"));

    @Test
    void open_returnsTheKey_forItsOwnCallerAndList() {
        String token = tokens.issue(key, "u1", "list");
        assertThat(tokens.open(token, "u1", "list")).isEqualTo(key);
    }

    @Test
    void open_refusesEveryOneCharacterChangeOfTheSignature_evenInItsUnusedBits() {
        String token = tokens.issue(key, "u1", "list");
        char last = token.charAt(token.length() - 1);
        // the last of 43 base64 characters carries 2 unused bits: A..D decode to the same byte
        for (char other : "ABCD".toCharArray()) {
            if (other != last) {
                String altered = token.substring(0, token.length() - 1) + other;
                assertThatThrownBy(() -> tokens.open(altered, "u1", "list")).isInstanceOf(ValidationFailed.class);
            }
        }
    }

    @Test
    void open_refusesATokenOfAnotherCallerOrList() {
        String token = tokens.issue(key, "u1", "list");
        assertThatThrownBy(() -> tokens.open(token, "u2", "list")).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> tokens.open(token, "u1", "other")).isInstanceOf(ValidationFailed.class);
    }
}
