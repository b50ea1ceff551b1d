package cn.bijie.innovation.functions.subsidycalc;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.calculation.SubsidyCalculator;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.log.Log;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.CertificationMapper;
import cn.bijie.innovation.shared.store.dynamodb.DynamoCertificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoPolicyParameterStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoSubsidyStore;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.store.dynamodb.StreamBatch;
import cn.bijie.innovation.shared.store.dynamodb.TableWriter;
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
 * The table's stream in, subsidies out: a recorded certification gets its subsidy, a policy parameter set by staff
 * moves the subsidies waiting for it. Each record is handled on its own; a record that fails is reported in
 * {@code batchItemFailures} (so Lambda retries from it) while the others of the batch still get done.
 */
public final class CalculateSubsidyHandler implements RequestStreamHandler {
    private final SubsidyCalculator calculator;

    /** Called by the Lambda runtime: wires the real table once per container. */
    public CalculateSubsidyHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public CalculateSubsidyHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private CalculateSubsidyHandler(Config config) {
        this(new AwsClients(config).dynamoDb(), config.table());
    }

    private CalculateSubsidyHandler(DynamoDbClient dynamo, String table) {
        this(wire(dynamo, table));
        // SnapStart: a stream record of a type this function ignores is parsed and dispatched (and nothing done), a
        // read finds no item, the transaction's condition cannot hold: nothing is written
        Priming.register("stream record", () -> StreamBatch.prime(this::handle));
        Priming.register("read", () -> dynamo.getItem(r -> r.tableName(table).key(Keys.key("PRIMING", "PRIMING"))));
        Priming.register("write path", () -> new TableWriter(dynamo).primeWritePath(table));
    }

    public CalculateSubsidyHandler(SubsidyCalculator calculator) {
        this.calculator = calculator;
    }

    public static SubsidyCalculator wire(DynamoDbClient dynamo, String table) {
        Policy policy = Policy.active();
        Clock clock = Clock.systemUTC();
        DynamoSubsidyStore subsidies = new DynamoSubsidyStore(dynamo, table, policy);
        return new SubsidyCalculator(new DynamoCertificationStore(dynamo, table, policy, clock), subsidies, subsidies,
                new DynamoPolicyParameterStore(dynamo, table), policy, clock);
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        StreamBatch.handle(in, out, this::handle);
    }

    private void handle(StreamBatch.Change change) {
        Map<String, AttributeValue> image = change.newImage();
        String type = change.type();
        if (CertificationMapper.TYPE.equals(type) && change.inserted()) {
            String certificationId = require(image, "certificationId");
            var outcome = calculator.onCertificationRecorded(certificationId);
            Log.info("certification", Map.of("certificationId", certificationId, "outcome", outcome));
        } else if (CertificationMapper.TYPE.equals(type) && change.modified()) {
            Map<String, AttributeValue> old = change.oldImage();
            String certificationId = require(image, "certificationId");
            if (CertificationMapper.revokedNow(old, image)) {
                int moved = calculator.onCertificationRevoked(certificationId);
                Log.info("certification revoked", Map.of("certificationId", certificationId, "subsidiesMoved", moved));
            }
            if (CertificationMapper.platformMoved(old, image)) {
                int moved = calculator.onPlatformMerged(certificationId);
                Log.info("certification's platform merged", Map.of("certificationId", certificationId,
                        "subsidiesMoved", moved));
            }
            if (CertificationMapper.reclassified(old, image)) {
                boolean moved = calculator.onReclassified(certificationId);
                Log.info("certification reclassified", Map.of("certificationId", certificationId, "moved", moved));
            }
        } else if (DynamoPolicyParameterStore.TYPE.equals(type)
                && (change.inserted() || change.modified())) {
            String name = require(image, "name");
            int moved = calculator.onParameterChanged(name);
            Log.info("policy parameter", Map.of("name", name, "subsidiesMoved", moved));
        }
    }

    private static String require(Map<String, AttributeValue> image, String attribute) {
        String value = Items.str(image, attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("stream image without " + attribute);
        }
        return value;
    }
}
