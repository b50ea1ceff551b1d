package cn.bijie.innovation.functions.reminders;

import cn.bijie.innovation.shared.config.Env;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.store.dynamodb.DueIndex;
import cn.bijie.innovation.shared.store.dynamodb.ReadMeter;
import cn.bijie.innovation.shared.testing.MiniStack;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * A fresh table (keys and indexes of docs/CONTRACTS.md) and a verified sender on the test JVM's MiniStack, with
 * clients for the run. Stand-in until the lead's template-driven TestStack lands on main.
 */
final class ReminderStack {
    static final String TABLE = "reminders-it";
    static final String SENDER = "noreply@kjj.bijie.gov.cn";
    static final String STAFF = "kjj-review@kjj.bijie.gov.cn";
    static final String FINANCE = "caizheng@czj.bijie.gov.cn";

    final MiniStack miniStack = MiniStack.shared();
    final ReadMeter meter = new ReadMeter();
    final DynamoDbClient dynamo;
    final SesV2Client ses;

    ReminderStack() {
        miniStack.reset();
        Env.use(Map.of("TABLE_NAME", TABLE, "SENDER_EMAIL", SENDER, "STAFF_MAILBOX", STAFF,
                "FINANCE_MAILBOX", FINANCE));
        dynamo = DynamoDbClient.builder().region(Region.US_EAST_1).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(miniStack.endpoint())
                .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(meter).build())
                .build();
        ses = ses(miniStack.endpoint());
        createTable();
        ses.createEmailIdentity(r -> r.emailIdentity(SENDER));
    }

    static SesV2Client ses(URI endpoint) {
        return SesV2Client.builder().region(Region.US_EAST_1).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).endpointOverride(endpoint).build();
    }

    /** One invocation of the handler with the sample scheduled event, its {@code time} set to 09:00 in Bijie. */
    JsonNode run(LocalDate date, SesV2Client mail) {
        try {
            ObjectNode event = (ObjectNode) Json.MAPPER.readTree(
                    Files.readString(ProjectRoot.path().resolve("events/send-reminders.json")));
            event.put("time", nineOClock(date).toString());
            var handler = new SendRemindersHandler(SendRemindersHandler.reminderRun(dynamo, mail, meter),
                    Clock.systemUTC());
            var out = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)), out,
                    null);
            return Json.tree(out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mails MiniStack's SES accepted, oldest first. */
    List<JsonNode> mails() {
        List<JsonNode> mails = new ArrayList<>();
        Json.tree(miniStack.sentMail()).path("messages").forEach(account -> account.forEach(mails::add));
        return mails;
    }

    static Instant nineOClock(LocalDate date) {
        return date.atTime(LocalTime.of(9, 0)).atZone(DueIndex.ZONE).toInstant();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    private void createTable() {
        List<String> names = List.of("PK", "SK", "GSI1PK", "GSI1SK", "GSI2PK", "GSI2SK", "GSI3PK", "GSI3SK",
                "DUEPK", "DUESK");
        dynamo.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(names.stream().map(n -> AttributeDefinition.builder().attributeName(n)
                        .attributeType(ScalarAttributeType.S).build()).toList())
                .keySchema(key("PK", "SK"))
                .globalSecondaryIndexes(index("GSI1", "GSI1PK", "GSI1SK"), index("GSI2", "GSI2PK", "GSI2SK"),
                        index("GSI3", "GSI3PK", "GSI3SK"), index("DueIndex", "DUEPK", "DUESK")));
    }

    private static GlobalSecondaryIndex index(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key(pk, sk))
                .projection(p -> p.projectionType(ProjectionType.ALL)).build();
    }

    private static List<KeySchemaElement> key(String pk, String sk) {
        return List.of(KeySchemaElement.builder().attributeName(pk).keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName(sk).keyType(KeyType.RANGE).build());
    }
}
