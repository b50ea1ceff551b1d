package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Organisation profiles through the local runner over HTTP, with the runner's own tokens. */
class OrganizationsEndToEndIT {
    static final String OWN = "91520500MA6DKQ5X35";
    static final String OTHER = "91520581MA6H12345G";
    static final String BODY = """
            {"name":"毕节黔丰新材料科技有限公司","county":"520502","industry":"NEW_MATERIALS","contactEmail":"c@example.com"}
            """;
    static LocalApi api;

    @BeforeAll
    static void start() {
        api = LocalApi.shared();
    }

    @Test
    void owner_putsAndReadsItsProfile() {
        String token = api.applicantToken(OWN);

        Reply put = api.call("PUT", "/organizations/" + OWN, token, BODY);
        Reply get = api.call("GET", "/organizations/" + OWN, token, null);

        assertThat(put.status()).isEqualTo(200);
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json().path("county").asText()).isEqualTo("520502");
        assertThat(get.json().path("name").asText()).isEqualTo("毕节黔丰新材料科技有限公司");
    }

    @Test
    void anotherApplicant_getsNotFound() {
        api.call("PUT", "/organizations/" + OWN, api.applicantToken(OWN), BODY);

        Reply reply = api.call("GET", "/organizations/" + OWN, api.applicantToken(OTHER), null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void noToken_isUnauthenticated_beforeAnyFunctionRuns() {
        Reply reply = api.call("GET", "/organizations/" + OWN, null, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aTamperedToken_isUnauthenticated() {
        String token = api.applicantToken(OWN);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];

        assertThat(api.call("GET", "/organizations/" + OWN, forged, null).status()).isEqualTo(401);
    }

    @Test
    void aBadCheckCharacter_isValidationFailed() {
        Reply reply = api.call("GET", "/organizations/91520500MA6DKQ5X36", api.roleToken("staff"), null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("uscc");
    }

    @Test
    void health_answers200_onceEverythingIsLoaded() {
        assertThat(api.call("GET", "/local/health", null, null).status()).isEqualTo(200);
    }
}
