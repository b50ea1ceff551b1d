package cn.bijie.innovation.shared.log;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded metric format CloudWatch turns into the metrics the alarms read, and who writes it. */
class MetricsTest {

    @Test
    void line_isAnEmbeddedMetricPerFunctionAndForTheStack() {
        JsonNode line = Json.tree(Metrics.line("BijieInnovation/prod", "prod-SubsidiesFunction", Metrics.HTTP_5XX, 2,
                1_795_568_400_000L));

        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(1_795_568_400_000L);
        assertThat(directive.path("Namespace").asText()).isEqualTo("BijieInnovation/prod");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Function\"],[]]");
        assertThat(directive.path("Metrics").get(0).path("Name").asText()).isEqualTo("Http5xx");
        assertThat(directive.path("Metrics").get(0).path("Unit").asText()).isEqualTo("Count");
        assertThat(line.path("Function").asText()).isEqualTo("prod-SubsidiesFunction");
        assertThat(line.path("Http5xx").asLong()).isEqualTo(2);
    }

    @Test
    void httpApi_countsA500_butNotA4xx() {
        HttpApi api = new HttpApi(Map.of(
                "GET /boom", request -> {
                    throw new IllegalStateException("a bug");
                },
                "GET /busy", request -> {
                    throw new Conflict("busy");
                }));

        assertThat(metricLines(() -> api.handle(event("GET /busy")))).isEmpty();
        assertThat(metricLines(() -> api.handle(event("GET /boom")))).singleElement()
                .satisfies(line -> assertThat(line.path(Metrics.HTTP_5XX).asLong()).isEqualTo(1));
    }

    static JsonNode event(String routeKey) {
        return Json.tree("{\"routeKey\":\"" + routeKey + "\",\"requestContext\":{\"requestId\":\"r1\"}}");
    }

    /** The embedded-metric lines {@code work} printed. */
    static List<JsonNode> metricLines(Runnable work) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setOut(original);
        }
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("\n")).filter(l -> l.contains("\"_aws\""))
                .map(Json::tree).toList();
    }
}
