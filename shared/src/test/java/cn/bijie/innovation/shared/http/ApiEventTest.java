package cn.bijie.innovation.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.identity.Role;
import java.util.List;
import java.util.Map;
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
    void aReceivedRequest_keepsPathQueryAndRequestIdAsSent_andReadsBackAsTheSameRequest() {
        ApiEvent event = ApiEvent.received("GET /applications/{applicationId}", "GET", "/applications/app%2D1",
                        "limit=1&county=JHH&county=QXG", Map.of("idempotency-key", List.of("k-1")), new byte[0], "req-1")
                .path("applicationId", "app-1")
                .verified(Map.of("sub", "u-1", "cognito:groups", "[staff]"));

        for (var json : List.of(event.toJson(), event.copy().toJson())) {
            assertThat(json.path("rawPath").asText()).isEqualTo("/applications/app%2D1");
            assertThat(json.path("rawQueryString").asText()).isEqualTo("limit=1&county=JHH&county=QXG");
            assertThat(json.path("requestContext").path("requestId").asText()).isEqualTo("req-1");
        }
        ApiRequest request = ApiRequest.fromEvent(event.toJson());
        assertThat(request.path("applicationId")).isEqualTo("app-1");
        assertThat(request.query("county")).isEqualTo("JHH,QXG");
        assertThat(request.header("idempotency-key")).isEqualTo("k-1");
        assertThat(request.caller().roles()).containsExactly(Role.STAFF);
        assertThat(request.body()).isNull();
    }

    @Test
    void anEventWithoutCaller_hasNoClaims_likeAPublicRoute() {
        ApiRequest request = ApiRequest.fromEvent(ApiEvent.of("GET /indicators").toJson());

        assertThat(request.caller()).isNull();
        assertThat(request.body()).isNull();
    }

    @Test
    void aSampleChanged_followsItsPathAndQuery_andDropsWhatWasRemoved() {
        ApiEvent sample = ApiEvent.parse("""
                {"version":"2.0","routeKey":"GET /applications/{applicationId}","rawPath":"/applications/old",
                 "rawQueryString":"status=SUBMITTED","queryStringParameters":{"status":"SUBMITTED"},
                 "headers":{"authorization":"Bearer x"},"pathParameters":{"applicationId":"old"},
                 "requestContext":{"http":{"method":"GET","path":"/applications/old"}},"isBase64Encoded":false}
                """);

        var json = sample.copy().path("applicationId", "new 1").query("status", null).query("county", "520502")
                .header("Authorization", null).as("u-2", null, "staff").claim("email", null).toJson();

        assertThat(json.path("rawPath").asText()).isEqualTo("/applications/new 1");
        assertThat(json.at("/requestContext/http/path").asText()).isEqualTo("/applications/new 1");
        assertThat(json.path("rawQueryString").asText()).isEqualTo("county=520502");
        assertThat(json.path("headers").has("authorization")).isFalse();
        assertThat(json.at("/requestContext/authorizer/jwt/claims").toString())
                .isEqualTo("{\"sub\":\"u-2\",\"cognito:groups\":\"[staff]\"}");
        assertThat(sample.toJson().at("/pathParameters/applicationId").asText()).isEqualTo("old");
    }
}
