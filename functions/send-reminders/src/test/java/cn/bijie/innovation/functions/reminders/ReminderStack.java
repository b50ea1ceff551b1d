package cn.bijie.innovation.functions.reminders;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.store.dynamodb.ReadMeter;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import cn.bijie.innovation.shared.testing.TestStack;
import cn.bijie.innovation.shared.time.Shanghai;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The reminder function wired from template.yaml on an emptied MiniStack (the run reads the whole due index, so no
 * other test's items may be there), its clients, and one invocation per call of {@link #run}.
 */
final class ReminderStack {
    static final String FUNCTION = "SendRemindersFunction";

    final TestStack stack = TestStack.shared().reset();
    final ReadMeter meter = new ReadMeter();
    final DynamoDbClient dynamo = stack.dynamoDb(meter);
    final Map<String, String> environment = stack.environment(FUNCTION);
    final SesV2Client ses = stack.clients(FUNCTION).sesV2();

    String table() {
        return stack.table();
    }

    String sender() {
        return environment.get("SENDER_EMAIL");
    }

    /** An SES client as the function builds it, but for an endpoint where nothing answers. */
    SesV2Client unreachableSes(int closedPort) {
        Map<String, String> unreachable = new HashMap<>(environment);
        unreachable.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort);
        return new AwsClients(new Config(unreachable)).sesV2();
    }

    /** The handler as the Lambda runtime builds it, invoked with the sample scheduled event at 09:00 in Bijie. */
    JsonNode run(LocalDate date) {
        return invoke(new SendRemindersHandler(environment), date);
    }

    /** The handler over these clients (the table client counted by {@link #meter}). */
    JsonNode run(LocalDate date, SesV2Client mail) {
        return invoke(new SendRemindersHandler(SendRemindersHandler.reminderRun(stack.config(FUNCTION), dynamo, mail,
                meter),
                Clock.systemUTC()), date);
    }

    private static JsonNode invoke(SendRemindersHandler handler, LocalDate date) {
        try {
            ObjectNode event = (ObjectNode) Json.MAPPER.readTree(
                    Files.readString(ProjectRoot.path().resolve("events/send-reminders.json")));
            event.put("time", nineOClock(date).toString());
            event.put("overrideClock", true); // the tests replay any date
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
        Json.tree(stack.miniStack().sentMail()).path("messages").forEach(account -> account.forEach(mails::add));
        return mails;
    }

    static Instant nineOClock(LocalDate date) {
        return date.atTime(LocalTime.of(9, 0)).atZone(Shanghai.ZONE).toInstant();
    }
}
