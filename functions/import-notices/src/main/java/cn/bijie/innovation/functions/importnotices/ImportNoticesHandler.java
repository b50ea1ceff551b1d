package cn.bijie.innovation.functions.importnotices;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.aws.Mailers;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.imports.ImportMails;
import cn.bijie.innovation.shared.imports.ImportNotices;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.DynamoCertificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoImportStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoSubsidyStore;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.StreamBatch;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mails of list imports, from the table's stream: a row an import RECORDED gets its subsidy's entitlement notice
 * (a row whose subsidy is not calculated yet is reported as failed, and the stream delivers it again); an import
 * that ends gets its summary to the uploader. Each mail once (ImportNotices).
 */
public final class ImportNoticesHandler implements RequestStreamHandler {
    private final ImportNotices notices;
    private final DynamoImportStore imports;

    /** Called by the Lambda runtime: wires the real table and mail once per container. */
    public ImportNoticesHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public ImportNoticesHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private ImportNoticesHandler(Config config) {
        this(config, new AwsClients(config));
    }

    private ImportNoticesHandler(Config config, AwsClients clients) {
        this(clients.dynamoDb(), config.table(), Mailers.of(config, clients.sesV2()));
        Priming.register("stream record", () -> StreamBatch.prime(this::handle));
    }

    public ImportNoticesHandler(DynamoDbClient dynamo, String table, Mailer mailer) {
        Policy policy = Policy.active();
        Clock clock = Clock.systemUTC();
        this.imports = new DynamoImportStore(dynamo, table);
        this.notices = new ImportNotices(imports, new DynamoSubsidyStore(dynamo, table, policy),
                new DynamoCertificationStore(dynamo, table, policy, clock), mailer, new ImportMails(policy), clock);
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        // a row whose subsidy is not calculated yet waits for it, retried without paging anyone
        StreamBatch.handle(in, out, this::handle, ImportNotices.SubsidyNotYetCalculated.class::isInstance);
    }

    private void handle(StreamBatch.Change change) {
        Map<String, AttributeValue> image = change.newImage();
        String type = change.type();
        if ("IMPORT_ROW".equals(type) && "RECORDED".equals(Items.str(image, "outcome"))) {
            String certificationId = Items.str(image, "certificationId");
            var outcome = notices.entitlement(certificationId, Items.str(image, "name"));
            Log.info("entitlement notice", Map.of("certificationId", certificationId, "outcome", outcome));
        } else if ("IMPORT".equals(type)) {
            imports.find(Items.str(image, "importId")).filter(i -> i.status().finished()).ifPresent(i ->
                    Log.info("import summary", Map.of("importId", i.importId(), "outcome", notices.summary(i))));
        }
    }
}
