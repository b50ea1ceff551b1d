package cn.bijie.innovation.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.local.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class ApiGatewayEventsTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-12T19:03:58.123Z");
    private static final RouteTable.Match MATCH = new RouteTable.Match(
            new RouteTable.Route("PUT", "/organizations/{uscc}", "OrganizationsFunction", true),
            Map.of("uscc", "91520500MA6DKQ5X35"));

    private static IncomingRequest request(String rawQuery, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1:3000"));
        headers.put("content-type", List.of("application/json"));
        headers.put("x-multi", List.of("a", "b"));
        headers.put("cookie", List.of("s=1; t=2"));
        headers.put("user-agent", List.of("curl/8"));
        return new IncomingRequest("PUT", "/organizations/91520500MA6DKQ5X35", rawQuery, "HTTP/1.1", headers, body,
                "127.0.0.1", 3000, RECEIVED);
    }

    @Test
    void request_isPayload20_withClaimsAsStrings_andGroupsAsBracketList() throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", "u1");
        claims.put("cognito:groups", List.of("staff", "finance"));
        claims.put("exp", 1_767_225_600L);
        claims.put("email_verified", true);

        JsonNode event = ApiGatewayEvents.request(request("a=1&b=x%20y&a=2&flag", "{\"name\":\"毕节\"}".getBytes(StandardCharsets.UTF_8)),
                MATCH, claims, "req-1", "000000000000");

        assertThat(event).isEqualTo(Json.MAPPER.readTree("""
                {"version":"2.0","routeKey":"PUT /organizations/{uscc}","rawPath":"/organizations/91520500MA6DKQ5X35",
                 "rawQueryString":"a=1&b=x%20y&a=2&flag",
                 "cookies":["s=1","t=2"],
                 "headers":{"host":"127.0.0.1:3000","content-type":"application/json","x-multi":"a,b","user-agent":"curl/8",
                   "x-forwarded-for":"127.0.0.1","x-forwarded-port":"3000","x-forwarded-proto":"http"},
                 "queryStringParameters":{"a":"1,2","b":"x y","flag":""},
                 "requestContext":{"accountId":"000000000000","apiId":"local",
                   "authorizer":{"jwt":{"claims":{"sub":"u1","cognito:groups":"[staff finance]","exp":"1767225600",
                     "email_verified":"true"},"scopes":null}},
                   "domainName":"127.0.0.1","domainPrefix":"127",
                   "http":{"method":"PUT","path":"/organizations/91520500MA6DKQ5X35","protocol":"HTTP/1.1",
                     "sourceIp":"127.0.0.1","userAgent":"curl/8"},
                   "requestId":"req-1","routeKey":"PUT /organizations/{uscc}","stage":"$default",
                   "time":"12/Mar/2026:19:03:58 +0000","timeEpoch":1773342238123},
                 "pathParameters":{"uscc":"91520500MA6DKQ5X35"},
                 "body":"{\\"name\\":\\"毕节\\"}","isBase64Encoded":false}
                """));
    }

    @Test
    void request_withoutClaims_hasNoAuthorizer_andNoBodyOrQuery() {
        JsonNode event = ApiGatewayEvents.request(request(null, new byte[0]), MATCH, null, "r", "000000000000");

        assertThat(event.path("requestContext").has("authorizer")).isFalse();
        assertThat(event.has("body")).isFalse();
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.path("rawQueryString").asText()).isEmpty();
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
    }

    @Test
    void request_withBinaryBody_isBase64Encoded() {
        byte[] pdf = {'%', 'P', 'D', 'F', (byte) 0xff, (byte) 0xfe, 0};

        JsonNode event = ApiGatewayEvents.request(request(null, pdf), MATCH, null, "r", "000000000000");

        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.path("body").asText()).isEqualTo(java.util.Base64.getEncoder().encodeToString(pdf));
    }

    @Test
    void claimsAsStrings_formatsNestedValuesLikeApiGateway() {
        assertThat(ApiGatewayEvents.claimsAsStrings(Map.of("m", Map.of("b", 2L, "a", "x"), "one", List.of("applicant"))))
                .containsEntry("m", "map[a:x b:2]")
                .containsEntry("one", "[applicant]");
    }

    @Test
    void response_withStatusCode_isUsedAsIs() throws Exception {
        HttpReply reply = ApiGatewayEvents.response("""
                {"statusCode":201,"headers":{"content-type":"application/json"},"multiValueHeaders":{"x-a":["1","2"]},
                 "cookies":["k=v; HttpOnly"],"body":"{\\"ok\\":true}","isBase64Encoded":false}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.headers()).contains(Map.entry("content-type", "application/json"), Map.entry("x-a", "1"),
                Map.entry("x-a", "2"), Map.entry("Set-Cookie", "k=v; HttpOnly"));
        assertThat(reply.bodyText()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void response_base64Body_isDecoded() throws Exception {
        HttpReply reply = ApiGatewayEvents.response("{\"statusCode\":200,\"body\":\"aGk=\",\"isBase64Encoded\":true}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(reply.bodyText()).isEqualTo("hi");
    }

    @Test
    void response_jsonWithoutStatusCode_isThe200Body() throws Exception {
        HttpReply reply = ApiGatewayEvents.response("{\"items\":[]}".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.bodyText()).isEqualTo("{\"items\":[]}");
    }

    @Test
    void response_thatIsNotJson_isInvalid() {
        assertThatThrownBy(() -> ApiGatewayEvents.response("oops".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ApiGatewayEvents.InvalidResponse.class);
        assertThatThrownBy(() -> ApiGatewayEvents.response(new byte[0])).isInstanceOf(ApiGatewayEvents.InvalidResponse.class);
    }
}
