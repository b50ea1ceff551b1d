package cn.bijie.innovation.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.local.auth.LocalJwt;
import cn.bijie.innovation.local.client.RunnerClient;
import cn.bijie.innovation.local.function.FunctionRegistry;
import cn.bijie.innovation.local.http.HttpApiServer;
import cn.bijie.innovation.local.http.RouteTable;
import cn.bijie.innovation.local.support.Json;
import cn.bijie.innovation.local.template.StackContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP layer without any function loaded: local routes, the JWT gate, API Gateway's own answers. */
public class HttpApiServerTest {
    private static final StackContext STACK = new StackContext("t", "us-east-1", URI.create("http://127.0.0.1:1"));
    private HttpApiServer server;
    private RunnerClient client;

    @BeforeEach
    void start() throws Exception {
        LocalJwt jwt = new LocalJwt(Clock.systemUTC());
        FunctionRegistry functions = new FunctionRegistry();
        RouteTable routes = new RouteTable(List.of(
                new RouteTable.Route("GET", "/organizations/{uscc}", "OrganizationsFunction", true),
                new RouteTable.Route("GET", "/indicators", "IndicatorsFunction", false)));
        server = new HttpApiServer("127.0.0.1", 0, routes, functions, jwt,
                List.of(new LocalEndpoints(jwt, functions, () -> false, STACK)), STACK);
        server.start();
        client = new RunnerClient(URI.create("http://127.0.0.1:" + server.port()), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void protectedRoute_isUnauthenticated_withoutOrWithBadToken() throws Exception {
        HttpResponse<String> none = get("/organizations/x", null);
        HttpResponse<String> bad = get("/organizations/x", "Bearer nope");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(Json.MAPPER.readTree(none.body())).isEqualTo(Json.MAPPER.readTree("""
                {"error":{"code":"UNAUTHENTICATED","message":"需要有效的登录令牌 (a valid bearer token is required)","details":[]}}
                """));
    }

    @Test
    void protectedRoute_passesTheGate_withALocalToken() throws Exception {
        HttpResponse<String> issued = post("/local/token", "{\"sub\":\"u1\",\"groups\":[\"staff\"]}");
        String token = Json.MAPPER.readTree(issued.body()).path("token").asText();

        // past the JWT check; no function is loaded in this test, so the gateway says it is unavailable
        assertThat(get("/organizations/x", "Bearer " + token).statusCode()).isEqualTo(503);
    }

    @Test
    void tokenRoute_rejectsUnknownGroups_withTheErrorShape() throws Exception {
        HttpResponse<String> response = post("/local/token", "{\"sub\":\"u1\",\"groups\":[\"admin\"]}");

        JsonNode body = Json.MAPPER.readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body.path("error").path("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(body.path("error").path("details").get(0).path("field").asText()).isEqualTo("groups");
    }

    @Test
    void unknownRoute_isApiGatewaysNotFound() throws Exception {
        HttpResponse<String> response = get("/nothing", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void health_is503_untilFunctionsAreLoadedAndTheEmulatorAnswers() throws Exception {
        assertThat(get("/local/health", null).statusCode()).isEqualTo(503);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return authorization == null ? client.send("GET", path, null, null)
                : client.send("GET", path, null, null, "Authorization", authorization);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send("POST", path, null, body);
    }
}
