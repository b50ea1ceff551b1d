package cn.bijie.innovation.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.identity.Role;
import org.junit.jupiter.api.Test;

class ApiEventTest {

    @Test
    void anEventMadeInCode_readsBackAsTheSameRequest() {
        ApiEvent event = ApiEvent.of("POST /applications/{applicationId}/decision")
                .path("applicationId", "app-1")
                .query("limit", "10")
                .header("Idempotency-Key", "k-1")
                .caller("u-1", "91520500MA6DKQ5X35", Role.APPLICANT, Role.STAFF)
                .body("{\"outcome\":\"REJECTED\"}");

        ApiRequest request = ApiRequest.fromEvent(event.toJson());

        assertThat(request.routeKey()).isEqualTo("POST /applications/{applicationId}/decision");
        assertThat(request.path("applicationId")).isEqualTo("app-1");
        assertThat(request.query("limit")).isEqualTo("10");
        assertThat(request.header("idempotency-key")).isEqualTo("k-1");
        assertThat(request.body()).isEqualTo("{\"outcome\":\"REJECTED\"}");
        assertThat(request.caller().sub()).isEqualTo("u-1");
        assertThat(request.caller().uscc()).isEqualTo("91520500MA6DKQ5X35");
        assertThat(request.caller().roles()).containsExactlyInAnyOrder(Role.APPLICANT, Role.STAFF);
        assertThat(event.toJson().path("rawPath").asText()).isEqualTo("/applications/app-1/decision");
    }

    @Test
    void anEventWithoutCaller_hasNoClaims_likeAPublicRoute() {
        ApiRequest request = ApiRequest.fromEvent(ApiEvent.of("GET /indicators").toJson());

        assertThat(request.caller()).isNull();
        assertThat(request.body()).isNull();
    }
}
