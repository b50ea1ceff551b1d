package cn.bijie.innovation.functions.notify;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.aws.Mailers;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.notice.Objection;
import cn.bijie.innovation.shared.notification.NotificationMails;
import cn.bijie.innovation.shared.notification.NotifyApplicants;
import cn.bijie.innovation.shared.notification.ObjectionAlerts;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.ChangedRecords;
import cn.bijie.innovation.shared.store.dynamodb.DynamoNoticeStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoNotificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.store.dynamodb.StreamBatch;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The table's stream in, mails to applicants out: each change of an application, certification or subsidy that an
 * applicant is told about ({@code notification/ApplicantEvents}) becomes one notification and one mail, exactly once
 * however often the record is delivered. A record that fails is reported in {@code batchItemFailures}, so Lambda
 * retries from it while the others of the batch still get done.
 */
public final class NotifyApplicantsHandler implements RequestStreamHandler {
    private final NotifyApplicants notify;
    private final ObjectionAlerts objections;

    /** Called by the Lambda runtime: wires the real table and mail once per container. */
    public NotifyApplicantsHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (the local runner, tests). */
    public NotifyApplicantsHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private NotifyApplicantsHandler(Config config) {
        this(config, new AwsClients(config));
    }

    private NotifyApplicantsHandler(Config config, AwsClients clients) {
        this(wire(config, clients.dynamoDb(), clients));
        DynamoDbClient dynamo = clients.dynamoDb();
        String table = config.table();
        // SnapStart: a record of a type nobody is told about is parsed and dispatched (nothing done), a read finds
        // no item, a mail text is built but not sent: nothing is written, nobody is mailed
        Priming.register("stream record", () -> StreamBatch.prime(this::handle));
        Priming.register("read", () -> dynamo.getItem(r -> r.tableName(table).key(Keys.key("PRIMING", "PRIMING"))));
    }

    public NotifyApplicantsHandler(NotifyApplicants notify, ObjectionAlerts objections) {
        this.notify = notify;
        this.objections = objections;
    }

    private NotifyApplicantsHandler(Wired wired) {
        this(wired.applicants(), wired.objections());
    }

    /** The two deliveries of the stream's records: to applicants, and to staff on an objection. */
    record Wired(NotifyApplicants applicants, ObjectionAlerts objections) {}

    static Wired wire(Config config, DynamoDbClient dynamo, AwsClients clients) {
        String table = config.table();
        Policy policy = Policy.active();
        NotificationMails mails = new NotificationMails(policy);
        NotifyApplicants notify = new NotifyApplicants(new DynamoNotificationStore(dynamo, table),
                new DynamoOrganizationStore(dynamo, table), Mailers.of(config, clients.sesV2()), mails,
                Clock.systemUTC());
        return new Wired(notify, new ObjectionAlerts(new DynamoNoticeStore(dynamo, table, policy), notify, mails,
                config.require("STAFF_MAILBOX")));
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        StreamBatch.handle(in, out, this::handle);
    }

    private void handle(StreamBatch.Change change) {
        Object after = ChangedRecords.record(change.newImage());
        if (after == null) {
            return;
        }
        Object before = ChangedRecords.record(change.oldImage());
        if (after instanceof Objection objection) {
            if (before == null) {
                objections.lodged(objection); // staff hear of a new objection; its decision is theirs already
            }
            return;
        }
        if (change.writtenAt() == null) {
            throw new IllegalArgumentException("stream record without ApproximateCreationDateTime");
        }
        notify.onChange(before, after, change.writtenAt(), change.sequenceNumber());
    }
}
