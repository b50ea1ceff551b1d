package cn.bijie.innovation.functions.indicators;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.cultivation.CultivationCatalogue;
import cn.bijie.innovation.shared.cultivation.Forecasts;
import cn.bijie.innovation.shared.cultivation.TargetForecast;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiRequest;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.indicator.IndicatorReport;
import cn.bijie.innovation.shared.indicator.IndicatorService;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoCultivationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoIndicatorStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /indicators} (public): target progress as JSON or CSV, read from a fixed number of counter items. Invoked
 * directly with {@code {"action":"recount"}} it rebuilds the counters from the certifications and reports any drift.
 */
public final class IndicatorsHandler implements RequestStreamHandler {
    /** The counters move with each certification; a public page may show them five minutes old. */
    static final String CACHE = "public, max-age=300";

    private final IndicatorService indicators;
    private final Function<String, List<TargetForecast.Summary>> forecast;
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public IndicatorsHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public IndicatorsHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private IndicatorsHandler(Config config) {
        this(new AwsClients(config).dynamoDb(), config.table(), Clock.systemUTC());
    }

    private IndicatorsHandler(DynamoDbClient dynamo, String table, Clock clock) {
        this(new IndicatorService(Policy.active(), new DynamoIndicatorStore(dynamo, table), clock),
                new Forecasts(new DynamoCultivationStore(dynamo, table, clock), new DynamoIndicatorStore(dynamo, table),
                        Policy.active(), CultivationCatalogue.active(), clock)::summary);
        // SnapStart: GET /indicators is a pure read; both its forms run once before the snapshot (not the recount,
        // which writes)
        Priming.register(api, ApiEvent.of("GET /indicators"), ApiEvent.of("GET /indicators").query("format", "csv"));
    }

    public IndicatorsHandler(IndicatorService indicators) {
        this(indicators, null);
    }

    /** {@code forecast}: the public summary of the cultivation's forecast per period (issue 17), or null for none. */
    public IndicatorsHandler(IndicatorService indicators, Function<String, List<TargetForecast.Summary>> forecast) {
        this.indicators = indicators;
        this.forecast = forecast;
        this.api = new HttpApi(Map.of("GET /indicators", this::report));
    }

    private ApiResponse report(ApiRequest request) {
        IndicatorReport report = indicators.report(request.query("period"), request.query("asOf"));
        String format = request.query("format");
        ApiResponse response;
        if (format == null || "json".equals(format)) {
            ObjectNode body = Json.MAPPER.valueToTree(report);
            if (forecast != null) {
                body.set("forecast", Json.MAPPER.valueToTree(forecast.apply(report.period())));
            }
            response = ApiResponse.json(200, body);
        } else if ("csv".equals(format)) {
            response = ApiResponse.raw(200, "text/csv; charset=utf-8", report.csv()).withHeader(
                    "content-disposition", "attachment; filename=\"indicators-" + report.period() + ".csv\"");
        } else {
            throw ValidationFailed.field("format", "须为 json 或 csv (json or csv)");
        }
        return response.withHeader("cache-control", CACHE);
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        byte[] event = in.readAllBytes();
        JsonNode action = Json.MAPPER.readTree(event).path("action");
        if (action.isMissingNode()) {
            api.serve(new ByteArrayInputStream(event), out);
            return;
        }
        if (!"recount".equals(action.asText())) {
            throw new IllegalArgumentException("unknown action: " + action.asText());
        }
        IndicatorService.Recount recount = indicators.recount();
        Log.info("recount", Map.of("certifications", recount.certifications(), "drift", recount.drift().size(),
                "holdingsRepaired", recount.holdingsRepaired()));
        Json.MAPPER.writeValue(out, recount);
    }
}
