package cn.bijie.innovation.functions.imports;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.aws.S3ImportFiles;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.imports.ImportInput;
import cn.bijie.innovation.shared.imports.ImportService;
import cn.bijie.innovation.shared.imports.ReviewInput;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoImportStore;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;

/** {@code /imports*}: staff declare a list upload and review unmatched rows; staff and supervisors follow imports. */
public final class ImportsHandler implements RequestStreamHandler {
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table and bucket once per container. */
    public ImportsHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public ImportsHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private ImportsHandler(Config config) {
        this(config, new AwsClients(config));
    }

    private ImportsHandler(Config config, AwsClients clients) {
        this(service(config, clients));
        // SnapStart: nothing is written: the GETs read an import no record has, the POST's empty body fails
        // validation, the transaction's condition cannot hold
        Priming.register(api,
                ApiEvent.of("GET /imports/{importId}").path("importId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("POST /imports").caller("priming", null, Role.STAFF).body("{}"));
        Priming.register("write path", () -> new TableWriter(clients.dynamoDb()).primeWritePath(config.table()));
    }

    static ImportService service(Config config, AwsClients clients) {
        Clock clock = Clock.systemUTC();
        PageToken tokens = new PageToken(PageTokenSecret.of(config));
        var dynamo = clients.dynamoDb();
        return new ImportService(new DynamoImportStore(dynamo, config.table()),
                new S3ImportFiles(clients.s3(), clients.s3Presigner(), config.require("BUCKET_NAME")),
                Imports.recorder(dynamo, config.table(), tokens, clock), Policy.active(), tokens, clock,
                Imports.limits(config).maxFileBytes());
    }

    public ImportsHandler(ImportService imports) {
        this.api = new HttpApi(Map.of(
                "POST /imports", request -> {
                    Caller caller = request.requireCaller();
                    ImportInput input = Json.read(request.body(), ImportInput.class);
                    return Answers.respond(201, request.idempotencyKey(), () -> imports.create(caller, input));
                },
                "GET /imports", request -> ApiResponse.json(200, imports.list(
                        request.offeringOnly("limit", "nextToken").requireCaller(), request.query("limit"),
                        request.query("nextToken"))),
                "GET /imports/{importId}", request -> ApiResponse.json(200,
                        imports.get(request.requireCaller(), request.path("importId"))),
                "GET /imports/{importId}/report", request -> ApiResponse.raw(200, "text/csv; charset=utf-8",
                        imports.report(request.requireCaller(), request.path("importId"))).withHeader(
                        "content-disposition", "attachment; filename=\"import-" + request.path("importId")
                                + ".csv\""),
                "GET /imports/{importId}/unmatched", request -> ApiResponse.json(200, Map.of("items",
                        imports.unmatched(request.requireCaller(), request.path("importId")))),
                "POST /imports/{importId}/unmatched/{row}", request -> {
                    Caller caller = request.requireCaller();
                    ReviewInput input = Json.read(request.body(), ReviewInput.class);
                    IdempotencyKey key = request.idempotencyKey();
                    return Answers.respond(200, key, () -> imports.review(caller, request.path("importId"),
                            request.path("row"), input, key));
                }));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        api.serve(in, out);
    }
}
