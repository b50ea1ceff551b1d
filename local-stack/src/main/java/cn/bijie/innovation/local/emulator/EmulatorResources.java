package cn.bijie.innovation.local.emulator;

import cn.bijie.innovation.local.support.Await;
import cn.bijie.innovation.local.support.Log;
import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.StackContext;
import cn.bijie.innovation.local.template.TemplateModel;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates in the emulator what the template declares (tables, buckets, SES identities, queues), translated from the
 * template's own properties, and answers what only the emulator knows (stream ARNs, queue URLs). Idempotent: a
 * resource that already exists is fine.
 */
public final class EmulatorResources {
    private static final SecureRandom SECRETS = new SecureRandom();
    private static final Set<String> BUCKET_PROPERTIES_APPLIED = Set.of("BucketName", "VersioningConfiguration", "CorsConfiguration");

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final TemplateModel template;
    private final EmulatorClients clients;
    private final StackContext stack;
    private final IntrinsicResolver resolver;
    private final EmulatorAttributes attributes;

    /** {@code resolver} names the resources and resolves their properties; {@code attributes} learns the queues' URLs. */
    public EmulatorResources(TemplateModel template, EmulatorClients clients, StackContext stack, IntrinsicResolver resolver,
                             EmulatorAttributes attributes) {
        this.template = template;
        this.clients = clients;
        this.stack = stack;
        this.resolver = resolver;
        this.attributes = attributes;
    }

    /**
     * Whether the emulator answers: MiniStack's health page, else (another emulator) a cheap DynamoDB call. The plain
     * HTTP probe first, because the SDK would spend seconds retrying a refused connection.
     */
    public boolean reachable() {
        try {
            HttpResponse<Void> health = PROBE.send(HttpRequest.newBuilder(stack.endpoint().resolve("/_ministack/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (health.statusCode() == 200) {
                return true;
            }
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            clients.dynamoDb.listTables(r -> r.limit(1));
            return true;
        } catch (SdkException e) {
            return false;
        }
    }

    public void awaitReachable(Duration patience) throws InterruptedException {
        if (reachable()) {
            return;
        }
        Log.info("waiting for the emulator at %s …", stack.endpoint());
        if (!Await.until(patience, Duration.ofMillis(500), this::reachable)) {
            throw new IllegalStateException("the emulator at " + stack.endpoint() + " does not answer; start MiniStack"
                    + " (./dev up does) or pass --endpoint");
        }
    }

    /** Everything the runner can create, in dependency order (queues first: a table's stream may point at one). */
    public void createAll() {
        template.resourcesOfType("AWS::SQS::Queue").forEach(this::createQueue);
        template.resourcesOfType("AWS::DynamoDB::Table").forEach(this::createTable);
        template.resourcesOfType("AWS::S3::Bucket").forEach(this::createBucket);
        template.resourcesOfType("AWS::SES::EmailIdentity").forEach(this::createEmailIdentity);
        template.resourcesOfType("AWS::SecretsManager::Secret").forEach(this::createSecret);
    }

    // ---- DynamoDB ----

    private void createTable(String logicalId) {
        Map<String, Object> p = resolvedProperties(logicalId);
        String name = resolver.physicalName(logicalId);
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(TemplateModel.list(p.get("AttributeDefinitions")).stream()
                        .map(TemplateModel::map)
                        .map(a -> AttributeDefinition.builder()
                                .attributeName(str(a.get("AttributeName")))
                                .attributeType(str(a.get("AttributeType")))
                                .build())
                        .toList())
                .keySchema(keySchema(p.get("KeySchema")));
        List<GlobalSecondaryIndex> globalIndexes = new ArrayList<>();
        for (Object raw : TemplateModel.list(p.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = TemplateModel.map(raw);
            GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder()
                    .indexName(str(index.get("IndexName")))
                    .keySchema(keySchema(index.get("KeySchema")))
                    .projection(projection(index.get("Projection")));
            if (index.get("ProvisionedThroughput") != null) {
                gsi.provisionedThroughput(throughput(index.get("ProvisionedThroughput")));
            }
            globalIndexes.add(gsi.build());
        }
        if (!globalIndexes.isEmpty()) {
            request.globalSecondaryIndexes(globalIndexes);
        }
        List<LocalSecondaryIndex> localIndexes = TemplateModel.list(p.get("LocalSecondaryIndexes")).stream()
                .map(TemplateModel::map)
                .map(index -> LocalSecondaryIndex.builder()
                        .indexName(str(index.get("IndexName")))
                        .keySchema(keySchema(index.get("KeySchema")))
                        .projection(projection(index.get("Projection")))
                        .build())
                .toList();
        if (!localIndexes.isEmpty()) {
            request.localSecondaryIndexes(localIndexes);
        }
        Object throughput = p.get("ProvisionedThroughput");
        String billing = p.get("BillingMode") != null ? str(p.get("BillingMode"))
                : throughput != null ? "PROVISIONED" : "PAY_PER_REQUEST";
        request.billingMode(BillingMode.fromValue(billing));
        if (throughput != null) {
            request.provisionedThroughput(throughput(throughput));
        }
        StreamSpecification stream = streamSpecification(p.get("StreamSpecification"));
        if (stream != null) {
            request.streamSpecification(stream);
        }
        try {
            clients.dynamoDb.createTable(request.build());
            Log.info("table %s created (%s)", name, logicalId);
        } catch (ResourceInUseException exists) {
            Log.info("table %s exists (%s)", name, logicalId);
            enableStreamIfMissing(name, stream);
            addMissingIndexes(name, request.build());
        }
        awaitActive(name);
        applyTimeToLive(name, TemplateModel.map(p.get("TimeToLiveSpecification")));
    }

    private void enableStreamIfMissing(String table, StreamSpecification wanted) {
        if (wanted == null) {
            return;
        }
        TableDescription existing = clients.dynamoDb.describeTable(r -> r.tableName(table)).table();
        StreamSpecification current = existing.streamSpecification();
        if (current == null || !Boolean.TRUE.equals(current.streamEnabled())) {
            clients.dynamoDb.updateTable(r -> r.tableName(table).streamSpecification(wanted));
            Log.info("table %s: stream enabled (%s)", table, wanted.streamViewTypeAsString());
        }
    }

    /** A table left by an older template may lack an index the functions now query: add it rather than fail later. */
    private void addMissingIndexes(String table, CreateTableRequest wanted) {
        if (!wanted.hasGlobalSecondaryIndexes()) {
            return;
        }
        TableDescription existing = clients.dynamoDb.describeTable(r -> r.tableName(table)).table();
        Set<String> present = new java.util.HashSet<>();
        existing.globalSecondaryIndexes().forEach(index -> present.add(index.indexName()));
        for (GlobalSecondaryIndex index : wanted.globalSecondaryIndexes()) {
            if (present.contains(index.indexName())) {
                continue;
            }
            try {
                awaitActive(table);
                GlobalSecondaryIndexUpdate create = GlobalSecondaryIndexUpdate.builder()
                        .create(CreateGlobalSecondaryIndexAction.builder()
                                .indexName(index.indexName())
                                .keySchema(index.keySchema())
                                .projection(index.projection())
                                .provisionedThroughput(index.provisionedThroughput())
                                .build())
                        .build();
                clients.dynamoDb.updateTable(r -> r.tableName(table)
                        .attributeDefinitions(wanted.attributeDefinitions())
                        .globalSecondaryIndexUpdates(List.of(create)));
                Log.info("table %s: index %s added", table, index.indexName());
            } catch (SdkException e) {
                Log.warn("table %s exists without index %s and the emulator would not add it (%s); delete the table or"
                        + " use another --stack", table, index.indexName(), e.getMessage());
            }
        }
    }

    private void awaitActive(String table) {
        try {
            if (!Await.until(Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> clients.dynamoDb.describeTable(r -> r.tableName(table)).table().tableStatus() == TableStatus.ACTIVE)) {
                throw new IllegalStateException("table " + table + " did not become ACTIVE within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void applyTimeToLive(String table, Map<String, Object> spec) {
        if (spec.isEmpty() || !Boolean.parseBoolean(str(spec.get("Enabled")))) {
            return;
        }
        String attribute = str(spec.get("AttributeName"));
        TimeToLiveDescription current = clients.dynamoDb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        if (current != null && current.timeToLiveStatus() == TimeToLiveStatus.ENABLED && attribute.equals(current.attributeName())) {
            return;
        }
        clients.dynamoDb.updateTimeToLive(r -> r.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
        Log.info("table %s: time to live on attribute %s", table, attribute);
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return TemplateModel.list(raw).stream()
                .map(TemplateModel::map)
                .map(k -> KeySchemaElement.builder().attributeName(str(k.get("AttributeName"))).keyType(str(k.get("KeyType"))).build())
                .toList();
    }

    private static Projection projection(Object raw) {
        Map<String, Object> p = TemplateModel.map(raw);
        Projection.Builder projection = Projection.builder().projectionType(p.get("ProjectionType") == null ? "ALL" : str(p.get("ProjectionType")));
        List<String> nonKey = TemplateModel.list(p.get("NonKeyAttributes")).stream().map(String::valueOf).toList();
        if (!nonKey.isEmpty()) {
            projection.nonKeyAttributes(nonKey);
        }
        return projection.build();
    }

    private static ProvisionedThroughput throughput(Object raw) {
        Map<String, Object> t = TemplateModel.map(raw);
        return ProvisionedThroughput.builder()
                .readCapacityUnits(Long.parseLong(str(t.get("ReadCapacityUnits"))))
                .writeCapacityUnits(Long.parseLong(str(t.get("WriteCapacityUnits"))))
                .build();
    }

    private static StreamSpecification streamSpecification(Object raw) {
        Map<String, Object> s = TemplateModel.map(raw);
        if (s.get("StreamViewType") == null) {
            return null;
        }
        return StreamSpecification.builder().streamEnabled(true).streamViewType(str(s.get("StreamViewType"))).build();
    }

    // ---- S3 ----

    private void createBucket(String logicalId) {
        Map<String, Object> p = resolvedProperties(logicalId);
        String name = resolver.physicalName(logicalId);
        CreateBucketRequest.Builder request = CreateBucketRequest.builder().bucket(name);
        if (!stack.region().equals("us-east-1")) {
            request.createBucketConfiguration(c -> c.locationConstraint(stack.region()));
        }
        try {
            clients.s3.createBucket(request.build());
            Log.info("bucket %s created (%s)", name, logicalId);
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException exists) {
            Log.info("bucket %s exists (%s)", name, logicalId);
        }
        // the extras are best effort: an emulator without them still serves presigned PUT/GET
        Map<String, Object> versioning = TemplateModel.map(p.get("VersioningConfiguration"));
        if (versioning.get("Status") != null) {
            try {
                clients.s3.putBucketVersioning(r -> r.bucket(name)
                        .versioningConfiguration(v -> v.status(BucketVersioningStatus.fromValue(str(versioning.get("Status"))))));
            } catch (SdkException e) {
                Log.warn("bucket %s: versioning not applied (%s)", name, e.getMessage());
            }
        }
        List<Object> rules = TemplateModel.list(TemplateModel.map(p.get("CorsConfiguration")).get("CorsRules"));
        if (!rules.isEmpty()) {
            try {
                List<CORSRule> cors = rules.stream().map(TemplateModel::map).map(EmulatorResources::corsRule).toList();
                clients.s3.putBucketCors(r -> r.bucket(name).corsConfiguration(c -> c.corsRules(cors)));
            } catch (SdkException e) {
                Log.warn("bucket %s: CORS not applied (%s)", name, e.getMessage());
            }
        }
        List<String> ignored = p.keySet().stream().filter(k -> !BUCKET_PROPERTIES_APPLIED.contains(k)).toList();
        if (!ignored.isEmpty()) {
            Log.info("bucket %s: not emulated locally: %s", name, ignored);
        }
    }

    private static CORSRule corsRule(Map<String, Object> rule) {
        CORSRule.Builder cors = CORSRule.builder()
                .allowedMethods(strings(rule.get("AllowedMethods")))
                .allowedOrigins(strings(rule.get("AllowedOrigins")));
        if (rule.get("AllowedHeaders") != null) {
            cors.allowedHeaders(strings(rule.get("AllowedHeaders")));
        }
        if (rule.get("ExposedHeaders") != null) {
            cors.exposeHeaders(strings(rule.get("ExposedHeaders")));
        }
        if (rule.get("MaxAge") != null) {
            cors.maxAgeSeconds(Integer.parseInt(str(rule.get("MaxAge"))));
        }
        if (rule.get("Id") != null) {
            cors.id(str(rule.get("Id")));
        }
        return cors.build();
    }

    // ---- SES, SQS ----

    private void createEmailIdentity(String logicalId) {
        String identity = resolver.physicalName(logicalId);
        try {
            clients.ses.createEmailIdentity(r -> r.emailIdentity(identity));
            Log.info("email identity %s created (%s)", identity, logicalId);
        } catch (AlreadyExistsException exists) {
            Log.info("email identity %s exists (%s)", identity, logicalId);
        }
    }

    /**
     * A secret with {@code GenerateSecretString}, generated here as CloudFormation would: random letters and digits
     * of its {@code PasswordLength}, new for each new emulator state (an existing secret keeps its value). Its name is
     * what {@code Ref} gives locally; Secrets Manager takes a name wherever it takes an ARN.
     */
    private void createSecret(String logicalId) {
        Map<String, Object> generate = TemplateModel.map(resolvedProperties(logicalId).get("GenerateSecretString"));
        if (generate.isEmpty()) {
            return;
        }
        String name = resolver.physicalName(logicalId);
        int length = generate.get("PasswordLength") == null ? 32 : Integer.parseInt(str(generate.get("PasswordLength")));
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(SECRETS.nextInt(alphabet.length())));
        }
        try {
            clients.secrets.createSecret(r -> r.name(name).secretString(value.toString()));
            Log.info("secret %s created (%s)", name, logicalId);
        } catch (ResourceExistsException exists) {
            Log.info("secret %s exists (%s)", name, logicalId);
        }
    }

    private void createQueue(String logicalId) {
        String name = resolver.physicalName(logicalId);
        try {
            var request = software.amazon.awssdk.services.sqs.model.CreateQueueRequest.builder().queueName(name);
            if (name.endsWith(".fifo")) {
                request.attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"));
            }
            attributes.remember(name, clients.sqs.createQueue(request.build()).queueUrl());
            Log.info("queue %s ready (%s)", name, logicalId);
        } catch (SdkException e) {
            // only failure destinations use queues locally: the runner still works without one
            Log.warn("queue %s not created (%s): %s", name, logicalId, e.getMessage());
        }
    }

    private Map<String, Object> resolvedProperties(String logicalId) {
        return TemplateModel.map(resolver.resolve(template.properties(logicalId)));
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(Object value) {
        return TemplateModel.list(value).stream().map(String::valueOf).toList();
    }
}
