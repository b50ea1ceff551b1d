package cn.bijie.innovation.functions.documents;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.application.ApplicationService;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.aws.S3DocumentStorage;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.documents.Document;
import cn.bijie.innovation.shared.documents.DocumentInput;
import cn.bijie.innovation.shared.documents.DocumentService;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.ApiResponse;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoApplicationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoDocumentStore;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code /applications/{applicationId}/documents*}: presigned upload and download, document metadata. */
public final class DocumentsHandler implements RequestStreamHandler {
    private final HttpApi api;

    /** Called by the Lambda runtime: wires the real table and bucket once per container. */
    public DocumentsHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public DocumentsHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private DocumentsHandler(Config config) {
        this(config, new AwsClients(config));
    }

    private DocumentsHandler(Config config, AwsClients clients) {
        this(clients.dynamoDb(), config.table(), new PageToken(PageTokenSecret.of(config)),
                new S3DocumentStorage(clients.s3(), clients.s3Presigner(), config.require("BUCKET_NAME")));
    }

    private DocumentsHandler(DynamoDbClient dynamo, String table, PageToken pageTokens, S3DocumentStorage storage) {
        this(service(dynamo, table, pageTokens, storage));
        // SnapStart: nothing is written: the GETs read an application and a document no record has, the POST's empty
        // body fails validation, the transaction's condition cannot hold; presigning is local work (no call to S3)
        // and the HeadObject asks for an object that is never uploaded
        Priming.register(api,
                ApiEvent.of("GET /applications/{applicationId}/documents/{documentId}")
                        .path("applicationId", Priming.NO_SUCH_ID).path("documentId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("GET /applications/{applicationId}/documents").path("applicationId", Priming.NO_SUCH_ID)
                        .caller("priming", null, Role.STAFF),
                ApiEvent.of("POST /applications/{applicationId}/documents").path("applicationId", Priming.NO_SUCH_ID)
                        .caller("priming", Priming.NO_SUCH_USCC, Role.APPLICANT).body("{}"));
        Priming.register("write path", () -> new TableWriter(dynamo).primeWritePath(table));
        String neverUploaded = Document.objectKey(Priming.NO_SUCH_ID, Priming.NO_SUCH_ID);
        Priming.register("s3", () -> {
            String emptySha256 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
            storage.presignUpload(neverUploaded, "application/pdf", 1, emptySha256, Duration.ofMinutes(15));
            storage.presignDownload(neverUploaded, "priming.pdf", "application/pdf", Duration.ofMinutes(5));
            storage.stat(neverUploaded);
        });
    }

    public DocumentsHandler(DocumentService documents) {
        this.api = new HttpApi(Map.of(
                "POST /applications/{applicationId}/documents", request -> {
                    Caller caller = request.requireCaller();
                    DocumentInput input = Json.read(request.body(), DocumentInput.class);
                    IdempotencyKey key = request.idempotencyKey();
                    return Answers.respond(201, key, () -> documents.create(caller, request.path("applicationId"),
                            input, key));
                },
                "GET /applications/{applicationId}/documents", request -> ApiResponse.json(200, documents.list(
                        request.offeringOnly("limit", "nextToken").requireCaller(), request.path("applicationId"),
                        Page.limit(request.query("limit")),
                        request.query("nextToken"))),
                "GET /applications/{applicationId}/documents/{documentId}", request -> ApiResponse.json(200,
                        documents.download(request.requireCaller(), request.path("applicationId"),
                                request.path("documentId")))));
    }

    /** The service over the real stores; the tests wire it the same way against the emulator. */
    public static DocumentService service(DynamoDbClient dynamo, String table, PageToken pageTokens,
            S3DocumentStorage storage) {
        Clock clock = Clock.systemUTC();
        return new DocumentService(
                new ApplicationService(new DynamoApplicationStore(dynamo, table,
                        Policy.active().reminders().applicationWaitingDays()), Policy.active(), pageTokens, clock),
                new DynamoDocumentStore(dynamo, table, pageTokens), storage, clock);
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        api.serve(in, out);
    }
}
