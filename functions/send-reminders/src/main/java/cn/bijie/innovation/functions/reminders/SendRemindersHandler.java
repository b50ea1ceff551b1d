package cn.bijie.innovation.functions.reminders;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.aws.Mailers;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.log.Metrics;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.reminder.ReminderMails;
import cn.bijie.innovation.shared.reminder.ReminderRun;
import cn.bijie.innovation.shared.reminder.RunSummary;
import cn.bijie.innovation.shared.reminder.ScheduledTime;
import cn.bijie.innovation.shared.store.dynamodb.DynamoIndicatorCounterMoves;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoReminderStore;
import cn.bijie.innovation.shared.store.dynamodb.ReadMeter;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The daily reminder run (EventBridge Scheduler, 09:00 Asia/Shanghai). "Now" is the event's {@code time}, so a run
 * for any date can be replayed; the answer is the run's summary.
 */
public final class SendRemindersHandler implements RequestStreamHandler {
    private final ReminderRun run;
    private final Clock clock;

    /** Called by the Lambda runtime: wires the real table and SES once per container. */
    public SendRemindersHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public SendRemindersHandler(Map<String, String> environment) {
        this(new Config(environment), new ReadMeter());
    }

    private SendRemindersHandler(Config config, ReadMeter meter) {
        this(config, new AwsClients(config), meter);
    }

    private SendRemindersHandler(Config config, AwsClients clients, ReadMeter meter) {
        this(config, clients.dynamoDb(meter), clients.sesV2(), meter);
    }

    private SendRemindersHandler(Config config, DynamoDbClient dynamo, SesV2Client ses, ReadMeter meter) {
        this(reminderRun(config, dynamo, ses, meter), Clock.systemUTC());
        // SnapStart: never the run itself, so nothing is written and no mail is sent: the run state and the due index
        // of a date long past are read, and a digest is built from the mail texts but not sent
        String table = config.table();
        Policy policy = Policy.active();
        Priming.register("reads", () -> {
            var store = new DynamoReminderStore(dynamo, table, new DynamoIndicatorCounterMoves(dynamo, table, policy));
            store.lastRunDate();
            store.forEachDue(LocalDate.EPOCH, due -> { });
        });
        Priming.register("mail texts", () -> new ReminderMails(policy).staffDigest("priming@example.com", List.of(),
                List.of(), LocalDate.EPOCH));
    }

    public SendRemindersHandler(ReminderRun run, Clock clock) {
        this.run = run;
        this.clock = clock;
    }

    /** The run over these clients, configured from the environment; {@code meter} must be one of the table client's. */
    public static ReminderRun reminderRun(Config config, DynamoDbClient dynamo, SesV2Client ses, ReadMeter meter) {
        String table = config.table();
        Policy policy = Policy.active();
        return new ReminderRun(
                new DynamoReminderStore(dynamo, table, new DynamoIndicatorCounterMoves(dynamo, table, policy)),
                new DynamoOrganizationStore(dynamo, table),
                Mailers.of(config, ses),
                policy,
                new ReminderRun.Mailboxes(config.require("STAFF_MAILBOX"), config.require("FINANCE_MAILBOX")),
                SendRemindersHandler::sleep,
                meter::itemsRead);
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        RunSummary summary = run.run(now(Json.MAPPER.readTree(in)));
        // mails the service could not take (rejected addresses are the organisations' data, shown to staff)
        Metrics.count(Metrics.REMINDER_MAILS_FAILED, summary.failed());
        Json.MAPPER.writeValue(out, summary);
    }

    /**
     * The event's {@code time}: EventBridge scheduled events and EventBridge Scheduler's payload carry the scheduled
     * time there (ISO-8601, UTC); without one the run is for the present. Far from the clock only with
     * {@code "overrideClock": true} ({@link ScheduledTime}).
     */
    Instant now(JsonNode event) {
        return ScheduledTime.ofEvent(event, clock.instant());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
