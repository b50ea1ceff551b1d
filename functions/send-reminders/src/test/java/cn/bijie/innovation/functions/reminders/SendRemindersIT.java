package cn.bijie.innovation.functions.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.time.Shanghai;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/** The daily run against MiniStack: real table, real SES v2 calls, what MiniStack's SES recorded. */
class SendRemindersIT {
    static final String USCC = "91520500MA6DKQ5X35";
    static final String OTHER_USCC = "91520581MA6H12345G";
    static final String CONTACT = "keji@example.com";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final LocalDate EXPIRES = TODAY.plusDays(30);

    ReminderStack stack;
    Fixtures fixtures;

    @BeforeEach
    void freshStack() {
        stack = new ReminderStack();
        fixtures = new Fixtures(stack.dynamo, stack.table());
        fixtures.organization(USCC, "毕节某新材料科技有限公司", CONTACT);
    }

    @Test
    void certificationExpiringInThirtyDays_getsOneMail_thenTheSevenDayMailOnce_thenExpires() {
        // GIVEN an active high-tech certification that counts toward the 2020 indicator, expiring in 30 days
        fixtures.highTech("c1", USCC, EXPIRES);
        fixtures.holding(USCC, "c1");
        fixtures.highTechCounter(1);

        // WHEN the run fires, and fires again the same day
        JsonNode first = run(TODAY);
        JsonNode again = run(TODAY);

        // THEN exactly one mail, in Chinese, naming organisation, certificate and expiry date
        assertThat(first.get("sent").asInt()).isEqualTo(1);
        assertThat(again.get("sent").asInt()).isZero();
        assertThat(mails()).singleElement().satisfies(mail -> {
            assertThat(mail.get("To")).extracting(JsonNode::asText).containsExactly(CONTACT);
            assertThat(mail.get("Source").asText()).isEqualTo(stack.sender());
            assertThat(mail.get("Subject").asText()).isEqualTo("【毕节市科技局】高新技术企业证书到期提醒（2026-12-31）");
            assertThat(mail.get("BodyText").asText())
                    .contains("毕节某新材料科技有限公司", "GR202352c1", "2026-12-31", "还有 30 天", "重新认定");
            assertThat(mail.get("BodyHtml").asText()).contains("<p>", "GR202352c1", "2026-12-31");
        });
        assertThat(Items.str(fixtures.get("REMINDER#c1", "30"), "outcome")).isEqualTo("SENT");

        // WHEN it runs every following day up to the day before expiry
        for (LocalDate day = TODAY.plusDays(1); day.isBefore(EXPIRES); day = day.plusDays(1)) {
            run(day);
        }

        // THEN the 7-day mail went out once, on its day
        assertThat(mails()).hasSize(2);
        assertThat(mails().get(1).get("BodyText").asText()).contains("还有 7 天");
        assertThat(Items.str(fixtures.get("REMINDER#c1", "7"), "outcome")).isEqualTo("SENT");
        assertThat(Items.str(fixtures.get("CERT#c1", "CERT"), "status")).isEqualTo("ACTIVE");

        // WHEN it runs the day after the last valid day
        JsonNode onExpiry = run(EXPIRES.plusDays(1));

        // THEN the certification is EXPIRED, out of the due index, and no longer counted
        assertThat(onExpiry.get("expired").asInt()).isEqualTo(1);
        Map<String, AttributeValue> certification = fixtures.get("CERT#c1", "CERT");
        assertThat(Items.str(certification, "status")).isEqualTo("EXPIRED");
        assertThat(Items.str(certification, "GSI2PK")).isEqualTo("CERT#EXPIRED");
        assertThat(certification).doesNotContainKeys("DUEPK", "DUESK");
        assertThat(fixtures.query("CERT#c1", "AUDIT#")).singleElement()
                .satisfies(audit -> assertThat(Items.str(audit, "action")).isEqualTo("CERTIFICATION_EXPIRED"));
        assertThat(fixtures.get("ORG#" + USCC, "HOLD#2020#HIGH_TECH_ENTERPRISE")).doesNotContainKey("certs");
        Map<String, AttributeValue> counter = fixtures.get("INDICATOR#2020", "HIGH_TECH_ENTERPRISE");
        assertThat(Items.num(counter, "actual")).isZero();
        assertThat(Items.num(counter, "c_" + Fixtures.COUNTY)).isZero();
        assertThat(mails()).hasSize(2);
    }

    @Test
    void afterAGap_onlyTheNearestThresholdIsSent() {
        fixtures.highTech("c1", USCC, EXPIRES);

        run(EXPIRES.minusDays(5));

        assertThat(mails()).singleElement()
                .satisfies(mail -> assertThat(mail.get("BodyText").asText()).contains("还有 5 天"));
        assertThat(fixtures.get("REMINDER#c1", "7")).isNotEmpty();
        assertThat(fixtures.get("REMINDER#c1", "30")).isEmpty();
        assertThat(fixtures.get("REMINDER#c1", "90")).isEmpty();
    }

    @Test
    void sesUnreachable_marksNothingSent_andTheNextHealthyRunSendsEachReminderOnce() throws IOException {
        fixtures.organization(OTHER_USCC, "黔西某光电储能有限公司", "guangdian@example.com");
        fixtures.highTech("c1", USCC, EXPIRES);
        fixtures.highTech("c2", OTHER_USCC, EXPIRES);

        JsonNode failed;
        try (SesV2Client unreachable = stack.unreachableSes(closedPort())) {
            failed = run(TODAY, unreachable);
        }

        assertThat(failed.get("failed").asInt()).isEqualTo(2);
        assertThat(failed.get("sent").asInt()).isZero();
        assertThat(mails()).isEmpty();
        assertThat(fixtures.get("REMINDER#c1", "30")).isEmpty();
        assertThat(fixtures.get("REMINDER#c2", "30")).isEmpty();

        run(TODAY);
        run(TODAY.plusDays(1));

        assertThat(mails()).extracting(mail -> mail.get("To").get(0).asText())
                .containsExactlyInAnyOrder(CONTACT, "guangdian@example.com");
    }

    @Test
    void senderRefusedBySes_marksNothingSent_andTheNextRunSendsOnce() {
        fixtures.highTech("c1", USCC, EXPIRES);
        // the sender address and its domain (SenderDomainIdentity) are both identities that let it send
        String domain = stack.sender().substring(stack.sender().indexOf('@') + 1);
        stack.ses.deleteEmailIdentity(r -> r.emailIdentity(stack.sender()));
        stack.ses.deleteEmailIdentity(r -> r.emailIdentity(domain));

        JsonNode refused = run(TODAY);

        assertThat(refused.get("failed").asInt()).isEqualTo(1);
        assertThat(refused.get("rejected").asInt()).isZero();
        assertThat(fixtures.get("REMINDER#c1", "30")).isEmpty();

        stack.ses.createEmailIdentity(r -> r.emailIdentity(stack.sender()));
        stack.ses.createEmailIdentity(r -> r.emailIdentity(domain));
        run(TODAY.plusDays(1));
        run(TODAY.plusDays(2));

        assertThat(mails()).hasSize(1);
    }

    @Test
    void refusedRecipient_isRecorded_andNotTriedAgain() {
        // SES in the sandbox refuses recipients that are not verified identities
        stack.ses.putAccountDetails(r -> r.mailType("TRANSACTIONAL").websiteURL("https://kjj.bijie.gov.cn")
                .productionAccessEnabled(false));
        fixtures.highTech("c1", USCC, EXPIRES);

        JsonNode refused = run(TODAY);
        JsonNode next = run(TODAY.plusDays(1));

        assertThat(refused.get("rejected").asInt()).isEqualTo(1);
        Map<String, AttributeValue> marker = fixtures.get("REMINDER#c1", "30");
        assertThat(Items.str(marker, "outcome")).isEqualTo("REJECTED");
        assertThat(Items.str(marker, "to")).isEqualTo(CONTACT);
        assertThat(Items.str(marker, "reason")).contains(CONTACT);
        assertThat(next.get("rejected").asInt() + next.get("failed").asInt() + next.get("sent").asInt()).isZero();
        assertThat(mails()).isEmpty();
    }

    @Test
    void revokedOrRenewedCertifications_getNoMail() {
        // a revocation whose writer left the due entry behind
        Map<String, AttributeValue> revoked = fixtures.highTech("revoked", USCC, EXPIRES);
        revoked.put("status", Items.s("REVOKED"));
        fixtures.put(revoked);
        fixtures.organization(OTHER_USCC, "黔西某光电储能有限公司", "guangdian@example.com");
        fixtures.highTech("old", OTHER_USCC, EXPIRES);
        fixtures.highTech("new", OTHER_USCC, EXPIRES.plusYears(3));

        JsonNode summary = run(TODAY);

        assertThat(mails()).isEmpty();
        assertThat(summary.get("skipped").asInt()).isEqualTo(2);
        assertThat(fixtures.get("CERT#revoked", "CERT")).doesNotContainKeys("DUEPK", "DUESK");
        assertThat(Items.str(fixtures.get("CERT#old", "CERT"), "DUESK")).startsWith(EXPIRES.plusDays(1) + "#");
    }

    @Test
    void digests_goOncePerDay_toTheStaffAndFinanceMailboxes() {
        Instant now = ReminderStack.nineOClock(TODAY);
        fixtures.application("a1", USCC, now.minusSeconds(12 * 86400), 10);
        fixtures.application("a2", USCC, now.minusSeconds(5 * 86400), 10);
        fixtures.subsidy("s1", USCC, now.minusSeconds(31 * 86400), 30);

        JsonNode first = run(TODAY);
        run(TODAY);

        assertThat(first.get("staffDigestItems").asInt()).isEqualTo(1);
        assertThat(first.get("financeDigestItems").asInt()).isEqualTo(1);
        assertThat(mails()).hasSize(2).anySatisfy(mail -> {
            assertThat(mail.get("To").get(0).asText()).isEqualTo(stack.environment.get("STAFF_MAILBOX"));
            assertThat(mail.get("Subject").asText()).isEqualTo("【毕节市科技局】待审核申报汇总（2026-12-01）");
            assertThat(mail.get("BodyText").asText()).contains("申报编号 a1").doesNotContain("a2");
        }).anySatisfy(mail -> {
            assertThat(mail.get("To").get(0).asText()).isEqualTo(stack.environment.get("FINANCE_MAILBOX"));
            assertThat(mail.get("BodyText").asText()).contains("补助编号 s1", "100,000 元");
        });

        run(TODAY.plusDays(1));
        assertThat(mails()).hasSize(4);
    }

    @Test
    void markedContactAddress_getsNoReminder_isCountedSuppressed_andListedToStaff_untilTheProfileIsCorrected() {
        // GIVEN a certification due for its 30-day reminder, and a contact address that bounced for good
        fixtures.highTech("c1", USCC, EXPIRES);
        assertThat(new DynamoOrganizationStore(stack.dynamo, stack.table()).markFailing(USCC, CONTACT,
                Organization.BOUNCED, "Permanent/General", ReminderStack.nineOClock(TODAY.minusDays(2)))).isTrue();

        // WHEN the run fires
        JsonNode summary = run(TODAY);

        // THEN no reminder went to the failing address, nothing is marked sent, and staff are told
        assertThat(summary.get("sent").asInt()).isEqualTo(1); // the staff digest
        assertThat(summary.get("suppressed").asInt()).isEqualTo(1);
        assertThat(summary.get("failingContacts").asInt()).isEqualTo(1);
        assertThat(fixtures.get("REMINDER#c1", "30")).isEmpty();
        assertThat(mails()).singleElement().satisfies(mail -> {
            assertThat(mail.get("To").get(0).asText()).isEqualTo(stack.environment.get("STAFF_MAILBOX"));
            assertThat(mail.get("Subject").asText()).isEqualTo("【毕节市科技局】联系邮箱无法送达汇总（2026-12-01）");
            assertThat(mail.get("BodyText").asText()).contains("1 个单位的联系邮箱无法送达", "毕节某新材料科技有限公司",
                    "统一社会信用代码 " + USCC, CONTACT, "退信于 2026-11-29", "更正");
        });

        // WHEN the organisation corrects its address (a profile written whole carries no mark) and the run fires
        fixtures.organization(USCC, "毕节某新材料科技有限公司", "keji-new@example.com");
        List<MessageTag> tags = new ArrayList<>();
        ExecutionInterceptor tagsSent = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof SendEmailRequest send) {
                    tags.addAll(send.emailTags());
                }
            }
        };
        JsonNode next = run(TODAY.plusDays(1), stack.stack.clients(ReminderStack.FUNCTION).sesV2(tagsSent));

        // THEN the 30-day reminder goes to the new address, once, tagged with the organisation (SES hands the tag
        // back with a bounce or a complaint: MiniStack does not keep it, so the request says it)
        assertThat(tags).containsExactly(MessageTag.builder().name("organization").value(USCC).build());
        assertThat(next.get("sent").asInt()).isEqualTo(1);
        assertThat(next.get("suppressed").asInt()).isZero();
        assertThat(mails()).hasSize(2);
        assertThat(mails().get(1).get("To").get(0).asText()).isEqualTo("keji-new@example.com");
        assertThat(Items.str(fixtures.get("REMINDER#c1", "30"), "outcome")).isEqualTo("SENT");
    }

    @Test
    void priming_onlyReads_andBuildsAMailItDoesNotSend_withACertificationDue() {
        fixtures.highTech("c1", USCC, LocalDate.now(Shanghai.ZONE).plusDays(30));
        int before = stack.stack.countItems(stack.dynamo);
        String mailBefore = stack.stack.miniStack().sentMail();
        new SendRemindersHandler(stack.environment); // registers the SnapStart priming

        Primed primed = Primed.primeAll();

        assertThat(primed.actions()).isGreaterThanOrEqualTo(2);
        assertThat(primed.errors()).isEmpty();
        assertThat(stack.stack.countItems(stack.dynamo)).isEqualTo(before);
        assertThat(stack.stack.miniStack().sentMail()).isEqualTo(mailBefore);
        assertThat(Items.str(fixtures.get("CERT#c1", "CERT"), "status")).isEqualTo("ACTIVE");
    }

    JsonNode run(LocalDate date) {
        return stack.run(date);
    }

    JsonNode run(LocalDate date, SesV2Client ses) {
        return stack.run(date, ses);
    }

    List<JsonNode> mails() {
        return stack.mails();
    }

    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
