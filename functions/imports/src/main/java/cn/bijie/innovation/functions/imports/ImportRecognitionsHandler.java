package cn.bijie.innovation.functions.imports;

import cn.bijie.innovation.shared.aws.PageTokenSecret;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.aws.S3ImportFiles;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.imports.ImportRun;
import cn.bijie.innovation.shared.imports.ListHeaders;
import cn.bijie.innovation.shared.imports.ListImport;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.sheet.SheetLimits;
import cn.bijie.innovation.shared.store.dynamodb.DynamoImportStore;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3 event of a list uploaded under {@code imports/}: runs the import it names (ImportRun). The event is delivered
 * at least once: a finished import is not run again, one that stopped midway resumes after its checkpoint. A failure
 * is thrown, so that Lambda's retry of the asynchronous event delivers it again.
 */
public final class ImportRecognitionsHandler implements RequestStreamHandler {
    private final Function<String, ImportRun> runs;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public ImportRecognitionsHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public ImportRecognitionsHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private ImportRecognitionsHandler(Config config) {
        this(config, new AwsClients(config));
    }

    private ImportRecognitionsHandler(Config config, AwsClients clients) {
        this(runs(config, clients.dynamoDb(), clients.s3()));
        DynamoDbClient dynamo = clients.dynamoDb();
        // SnapStart: an event of a key that names no import reads one item and does nothing
        Priming.register("import event", () -> handle(Json.tree("""
                {"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"priming"},
                 "object":{"key":"imports/priming"}}}]}""")));
        Priming.register("read", () -> dynamo.getItem(r -> r.tableName(config.table()).key(Keys.key("PRIMING",
                "PRIMING"))));
        Priming.register("write path", () -> new TableWriter(dynamo).primeWritePath(config.table()));
    }

    public ImportRecognitionsHandler(Function<String, ImportRun> runs) {
        this.runs = runs;
    }

    /** The import run over the bucket an event names; {@code IMPORT_CHUNK_ROWS} rows per checkpoint. */
    static Function<String, ImportRun> runs(Config config, DynamoDbClient dynamo, S3Client s3) {
        Clock clock = Clock.systemUTC();
        SheetLimits limits = Imports.limits(config);
        int chunk = Integer.parseInt(config.get("IMPORT_CHUNK_ROWS", "100"));
        var store = new DynamoImportStore(dynamo, config.table());
        var recorder = Imports.recorder(dynamo, config.table(), new PageToken(PageTokenSecret.of(config)), clock);
        Map<String, ImportRun> byBucket = new LinkedHashMap<>();
        return bucket -> byBucket.computeIfAbsent(bucket, name -> new ImportRun(store, new S3ImportFiles(s3, null,
                name), recorder, Policy.active(), ListHeaders.standard(), limits, clock, chunk));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        handle(Json.MAPPER.readTree(in));
        out.write("{}".getBytes(StandardCharsets.UTF_8));
    }

    private void handle(JsonNode event) {
        for (JsonNode record : event.path("Records")) {
            if (!record.path("eventName").asText().startsWith("ObjectCreated")) {
                continue;
            }
            String bucket = record.path("s3").path("bucket").path("name").asText();
            // S3 event keys are URL-encoded, a space as '+'
            String key = URLDecoder.decode(record.path("s3").path("object").path("key").asText(),
                    StandardCharsets.UTF_8);
            if (ListImport.idOfObject(key) == null) {
                continue;
            }
            runs.apply(bucket).run(key).ifPresent(done -> Log.info("import", Map.of("importId", done.importId(),
                    "status", done.status().name(), "rowsRead", done.counts().read(),
                    "recorded", done.counts().recorded(), "rejected", done.counts().rejected())));
        }
    }
}
