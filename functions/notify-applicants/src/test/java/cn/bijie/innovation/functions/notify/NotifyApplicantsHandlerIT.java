package cn.bijie.innovation.functions.notify;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.FINANCE;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.DecisionInput;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.mail.Mailer;
import cn.bijie.innovation.shared.mail.SendResult;
import cn.bijie.innovation.shared.notification.Notification;
import cn.bijie.innovation.shared.notification.NotificationEvent;
import cn.bijie.innovation.shared.notification.NotificationMails;
import cn.bijie.innovation.shared.notification.NotificationService;
import cn.bijie.innovation.shared.notification.NotifyApplicants;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.DynamoNotificationStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.subsidy.DisbursementInput;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.StreamRecords;
import cn.bijie.innovation.shared.testing.TestData;
import cn.bijie.innovation.shared.testing.TestStack;
import cn.bijie.innovation.shared.time.Shanghai;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The notification function fed the table's stream records against MiniStack (its SES included): one mail per event,
 * whatever the stream redelivers, in Chinese, naming what happened; the organisation reads its own notifications.
 */
class NotifyApplicantsHandlerIT {
    static final String FUNCTION = "NotifyApplicantsFunction";
    static final BureauFixture bureau = new BureauFixture();
    static final TestStack stack = bureau.stack;
    static final Map<String, String> environment = stack.environment(FUNCTION);
    static final NotifyApplicantsHandler handler = new NotifyApplicantsHandler(environment);
    final NotificationService notifications =
            new NotificationService(new DynamoNotificationStore(bureau.dynamo, bureau.table), bureau.tokens);

    /** An organisation with a contact address of its own, so its mails are told apart from other tests'. */
    static String organization() {
        String uscc = TestData.newUscc();
        new DynamoOrganizationStore(bureau.dynamo, bureau.table).save(null, new Organization(uscc,
                "毕节黔丰新材料科技有限公司", "520502", "NEW_MATERIALS", contact(uscc), null, bureau.now().toString()),
                "seed");
        return uscc;
    }

    static String contact(String uscc) {
        return "keji-" + uscc.toLowerCase() + "@example.com";
    }

    @Test
    void everyEventOfAnApplicationsLife_isMailedOnce_howeverOftenTheStreamDeliversIt() throws Exception {
        String uscc = organization();
        List<ObjectNode> records = new ArrayList<>();
        // submitted, returned with a reason, corrected and submitted again, certified; its subsidy; paid
        String applicationId = bureau.application(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR202652000777");
        Map<String, AttributeValue> submitted = application(applicationId);
        records.add(StreamRecords.insert(submitted));
        bureau.decide(STAFF, applicationId, new DecisionInput("RETURNED", "请补充近三年研发费用专项审计报告", null, null, null,
                null, null));
        Map<String, AttributeValue> returned = application(applicationId);
        records.add(StreamRecords.modify(submitted, returned));
        bureau.openSubsidyWindow();
        Certification c = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false,
                "GR202652000777");
        records.add(StreamRecords.insert(bureau.item(Keys.certification(c.certificationId()))));
        String subsidyId = Subsidy.idFor(c.certificationId());
        Map<String, AttributeValue> awaiting = bureau.item(Keys.subsidy(subsidyId));
        records.add(StreamRecords.insert(awaiting));
        var notice = bureau.openNotice(subsidyId);
        Map<String, AttributeValue> onNotice = bureau.item(Keys.subsidy(subsidyId));
        records.add(StreamRecords.modify(awaiting, onNotice));
        bureau.closeNotice(notice);
        awaiting = bureau.item(Keys.subsidy(subsidyId));
        bureau.disburse(FINANCE, subsidyId, new DisbursementInput(Shanghai.today(bureau.clock).toString(),
                "BJCZ-2026-0777"));
        records.add(StreamRecords.modify(awaiting, bureau.item(Keys.subsidy(subsidyId))));
        String batch = StreamRecords.batch(records);

        // the batch three times in a row, then ten deliveries racing
        for (int i = 0; i < 3; i++) {
            assertThat(deliver(batch)).as("delivery " + (i + 1)).isEmpty();
        }
        deliverAtOnce(batch, 10);
        assertThat(deliver(batch)).isEmpty();

        List<JsonNode> mails = mailsTo(contact(uscc));
        assertThat(mails).extracting(m -> m.get("Subject").asText()).containsExactlyInAnyOrder(
                "【毕节市科技局】申报已受理", "【毕节市科技局】申报被退回补充材料", "【毕节市科技局】认定已登记",
                "【毕节市科技局】补助金额已核定", "【毕节市科技局】补助已进入拨付前公示", "【毕节市科技局】补助已拨付");
        assertThat(body(mails, "申报被退回补充材料")).contains("毕节黔丰新材料科技有限公司", applicationId,
                "退回原因：请补充近三年研发费用专项审计报告");
        assertThat(body(mails, "补助金额已核定")).contains("100,000 元", "三(一)", subsidyId);
        assertThat(body(mails, "补助已拨付")).contains("100,000 元", "BJCZ-2026-0777");
        assertThat(mails).allSatisfy(m -> assertThat(m.get("BodyHtml").asText()).startsWith("<!DOCTYPE html>"));

        // the organisation reads what it was told, in the order it happened
        var own = notifications.list(BureauFixture.applicant(uscc), uscc, null, null);
        assertThat(own.items()).extracting(Notification::event).containsExactly(
                NotificationEvent.APPLICATION_RECEIVED, NotificationEvent.APPLICATION_RETURNED,
                NotificationEvent.CERTIFIED, NotificationEvent.SUBSIDY_CALCULATED, NotificationEvent.SUBSIDY_ON_NOTICE,
                NotificationEvent.SUBSIDY_PAID);
        assertThat(own.items()).allSatisfy(n -> assertThat(n.status()).isEqualTo(Notification.Status.SENT));
        assertThat(notifications.list(STAFF, uscc, "2", null).items()).hasSize(2);
        assertThatThrownBy(() -> notifications.list(BureauFixture.applicant(TestData.newUscc()), uscc, null, null))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> notifications.list(FINANCE, uscc, null, null)).isInstanceOf(Forbidden.class);
    }

    @Test
    void aRejection_isMailedWithItsReason_andAWithdrawalOrAnUnchangedRecordIsNot() {
        String uscc = organization();
        String rejectedId = bureau.application(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "KL-R1");
        Map<String, AttributeValue> submitted = application(rejectedId);
        bureau.decide(STAFF, rejectedId, new DecisionInput("REJECTED", "证书不在政策认定范围内", null, null, null, null, null));
        String batch = StreamRecords.batch(List.of(StreamRecords.modify(submitted, application(rejectedId)),
                StreamRecords.modify(application(rejectedId), application(rejectedId))));

        assertThat(deliver(batch)).isEmpty();
        assertThat(deliver(batch)).isEmpty();

        assertThat(mailsTo(contact(uscc))).singleElement().satisfies(m -> {
            assertThat(m.get("Subject").asText()).isEqualTo("【毕节市科技局】申报未予认定");
            assertThat(m.get("BodyText").asText()).contains("原因：证书不在政策认定范围内");
        });
    }

    @Test
    void aMailServiceThatFails_leavesTheNotificationToTheNextDelivery_whichSendsItOnce() {
        String uscc = organization();
        String applicationId = bureau.application(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-F1");
        String batch = StreamRecords.batch(List.of(StreamRecords.insert(application(applicationId))));
        Mailer down = mail -> new SendResult.Failed("mail service unreachable");
        var failing = new NotifyApplicantsHandler(new NotifyApplicants(new DynamoNotificationStore(bureau.dynamo,
                bureau.table), new DynamoOrganizationStore(bureau.dynamo, bureau.table), down,
                new NotificationMails(bureau.policy), bureau.clock), null);

        List<String> failed = deliver(failing, batch);

        assertThat(failed).hasSize(1);
        assertThat(mailsTo(contact(uscc))).isEmpty();
        assertThat(notifications.list(STAFF, uscc, null, null).items()).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(Notification.Status.FAILED));

        assertThat(deliver(batch)).isEmpty();
        assertThat(deliver(batch)).isEmpty();
        assertThat(mailsTo(contact(uscc))).hasSize(1);
        assertThat(notifications.list(STAFF, uscc, null, null).items()).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(Notification.Status.SENT));
    }

    @Test
    void priming_writesNothing_andMailsNobody() {
        int before = stack.countItems(bureau.dynamo);
        String mailBefore = stack.miniStack().sentMail();
        new NotifyApplicantsHandler(environment); // registers the SnapStart priming

        Primed primed = Primed.primeAll();

        assertThat(primed.errors()).isEmpty();
        assertThat(stack.countItems(bureau.dynamo)).isEqualTo(before);
        assertThat(stack.miniStack().sentMail()).isEqualTo(mailBefore);
    }

    static Map<String, AttributeValue> application(String applicationId) {
        return bureau.item(Keys.application(applicationId));
    }

    /** {@code event} delivered {@code times} at once, racing (the callers retry what these report failed). */
    static void deliverAtOnce(String event, int times) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Callable<List<String>>> racing = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                racing.add(() -> deliver(event));
            }
            for (Future<List<String>> delivery : pool.invokeAll(racing)) {
                delivery.get(); // a record another delivery is sending is reported failed, and retried after
            }
        } finally {
            pool.shutdown();
        }
    }

    static List<String> deliver(String event) {
        return deliver(handler, event);
    }

    static List<String> deliver(NotifyApplicantsHandler to, String event) {
        return StreamRecords.deliver(to, event);
    }

    static List<JsonNode> mailsTo(String address) {
        List<JsonNode> mails = new ArrayList<>();
        Json.tree(stack.miniStack().sentMail()).path("messages").forEach(account -> account.forEach(m -> {
            for (JsonNode to : m.path("To")) {
                if (to.asText().equals(address)) {
                    mails.add(m);
                }
            }
        }));
        return mails;
    }

    static String body(List<JsonNode> mails, String subject) {
        return mails.stream().filter(m -> m.get("Subject").asText().endsWith(subject)).findFirst()
                .orElseThrow().get("BodyText").asText();
    }
}
