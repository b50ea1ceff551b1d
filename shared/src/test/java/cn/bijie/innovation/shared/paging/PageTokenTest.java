package cn.bijie.innovation.shared.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PageTokenTest {
    final PageToken tokens = new PageToken("test-page-token-secret-of-at-least-32-chars");
    final Map<String, String> key = Map.of("PK", "APP#1", "SK", "APP");

    @Test
    void open_returnsTheKey_forItsOwnCallerAndList() {
        String token = tokens.issue(key, "u1", "list");
        assertThat(tokens.open(token, "u1", "list")).isEqualTo(key);
    }

    @Test
    void theSecret_isAskedFor_onlyByTheFirstTokenIssuedOrOpened_andOnce() {
        AtomicInteger asked = new AtomicInteger();
        PageToken lazy = new PageToken(() -> {
            asked.incrementAndGet();
            return "test-page-token-secret-of-at-least-32-chars";
        });
        // what a constructor and SnapStart priming do: no position, no token
        assertThat(lazy.issue(null, "u1", "list")).isNull();
        assertThat(lazy.open(null, "u1", "list")).isNull();
        assertThat(asked).hasValue(0);

        String token = lazy.issue(key, "u1", "list");

        assertThat(lazy.open(token, "u1", "list")).isEqualTo(key);
        assertThat(tokens.open(token, "u1", "list")).as("the same key as from the text").isEqualTo(key);
        assertThat(asked).hasValue(1);
    }

    @Test
    void theToken_isOpaque_noPartOfItDecodesToTheKey() {
        String token = tokens.issue(key, "u1", "list");
        for (String part : token.split("\\.")) {
            String decoded = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.ISO_8859_1);
            assertThat(decoded).doesNotContain("APP#1").doesNotContain("PK");
        }
    }

    @Test
    void open_refusesEveryOneCharacterChange_evenInTheUnusedBitsOfTheLastCharacter() {
        String token = tokens.issue(key, "u1", "list");
        char last = token.charAt(token.length() - 1);
        for (char other : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
            if (other != last) {
                String altered = token.substring(0, token.length() - 1) + other;
                assertThatThrownBy(() -> tokens.open(altered, "u1", "list")).isInstanceOf(ValidationFailed.class);
            }
        }
        String flipped = (token.charAt(5) == 'A' ? "B" : "A");
        assertThatThrownBy(() -> tokens.open(token.substring(0, 5) + flipped + token.substring(6), "u1", "list"))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void open_refusesATokenOfAnotherCallerOrList_orOfAnotherSecret() {
        String token = tokens.issue(key, "u1", "list");
        assertThatThrownBy(() -> tokens.open(token, "u2", "list")).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> tokens.open(token, "u1", "other")).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> new PageToken("another-page-token-secret-of-32-chars!").open(token, "u1", "list"))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void open_refusesGarbage() {
        assertThatThrownBy(() -> tokens.open("not a token", "u1", "list")).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> tokens.open("AAAA", "u1", "list")).isInstanceOf(ValidationFailed.class);
    }
}
