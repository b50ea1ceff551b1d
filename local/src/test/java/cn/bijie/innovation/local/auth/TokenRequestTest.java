package cn.bijie.innovation.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class TokenRequestTest {
    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parse_acceptsTheDocumentedBody_withDefaults() throws Exception {
        TokenRequest t = TokenRequest.parse(body("{\"sub\":\"u1\",\"groups\":[\"applicant\"],\"uscc\":\"91520500MA6DKQ5X35\"}"));

        assertThat(t).isEqualTo(new TokenRequest("u1", List.of("applicant"), "91520500MA6DKQ5X35", null, 3600));
    }

    @Test
    void parse_allowsNegativeExpiry_forExpiredTokenTests() throws Exception {
        assertThat(TokenRequest.parse(body("{\"sub\":\"u1\",\"groups\":[],\"expiresInSeconds\":-5}")).expiresInSeconds())
                .isEqualTo(-5);
    }

    @Test
    void parse_listsEveryProblem() {
        TokenRequest.Invalid invalid = catchThrowableOfType(TokenRequest.Invalid.class,
                () -> TokenRequest.parse(body("{\"sub\":\"\",\"groups\":[\"admin\"],\"role\":1,\"expiresInSeconds\":1.5}")));

        assertThat(invalid.details).extracting(d -> d.get("field"))
                .containsExactlyInAnyOrder("role", "sub", "groups", "expiresInSeconds");
    }

    @Test
    void parse_rejectsMalformedJson() {
        TokenRequest.Invalid invalid = catchThrowableOfType(TokenRequest.Invalid.class, () -> TokenRequest.parse(body("{")));

        assertThat(invalid.details).containsExactly(Map.of("field", "body", "problem", "not valid JSON"));
    }
}
