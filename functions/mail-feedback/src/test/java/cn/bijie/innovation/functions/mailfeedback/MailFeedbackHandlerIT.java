package cn.bijie.innovation.functions.mailfeedback;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.organization.OrganizationInput;
import cn.bijie.innovation.shared.organization.OrganizationService;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.TestData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The mail-feedback function, wired from template.yaml against MiniStack, fed SES bounce and complaint events in
 * SNS's envelope as Lambda delivers them (the local runner has no SNS event source: the test builds the event).
 */
class MailFeedbackHandlerIT {
    static final String FUNCTION = "MailFeedbackFunction";
    static final BureauFixture bureau = new BureauFixture();
    static final MailFeedbackHandler handler = new MailFeedbackHandler(bureau.stack.environment(FUNCTION));
    final DynamoOrganizationStore organizations = new DynamoOrganizationStore(bureau.dynamo, bureau.table);
    final OrganizationService service = new OrganizationService(organizations, bureau.policy, bureau.tokens,
            bureau.clock);

    @Test
    void permanentBounce_marksTheContactAddressAsBounced() throws IOException {
        String uscc = organization();

        invoke(bounce(uscc, contact(uscc), "Permanent", "General"));

        Organization marked = organizations.find(uscc).orElseThrow();
        assertThat(marked.contactStatus()).isEqualTo(Organization.BOUNCED);
        assertThat(marked.contactFailedAt()).isEqualTo("2026-11-30T01:02:03.456Z");
        assertThat(marked.contactFailure()).isEqualTo("Permanent/General");
        assertThat(marked.contactEmail()).isEqualTo(contact(uscc));
    }

    @Test
    void transientBounce_marksNothing() throws IOException {
        String uscc = organization();

        invoke(bounce(uscc, contact(uscc), "Transient", "MailboxFull"));

        assertThat(organizations.find(uscc).orElseThrow().contactStatus()).isNull();
    }

    @Test
    void bounceOfAnAddressChangedMeanwhile_marksNothing() throws IOException {
        String uscc = organization();
        service.put(BureauFixture.applicant(uscc), uscc, input(uscc, "new-" + contact(uscc)));

        invoke(bounce(uscc, contact(uscc), "Permanent", "General"));

        Organization profile = organizations.find(uscc).orElseThrow();
        assertThat(profile.contactStatus()).isNull();
        assertThat(profile.contactEmail()).isEqualTo("new-" + contact(uscc));
    }

    @Test
    void complaint_marksTheContactAddressAsComplained() throws IOException {
        String uscc = organization();

        invoke(complaint(uscc, contact(uscc)));

        Organization marked = organizations.find(uscc).orElseThrow();
        assertThat(marked.contactStatus()).isEqualTo(Organization.COMPLAINED);
        assertThat(marked.contactFailure()).isEqualTo("abuse");
    }

    @Test
    void profilePut_keepsTheMarkForTheSameAddress_andClearsItForAnother() throws IOException {
        String uscc = organization();
        invoke(bounce(uscc, contact(uscc), "Permanent", "NoEmail"));

        // the same address, another name: still marked, and the GET shows it
        service.put(STAFF, uscc, new OrganizationInput("毕节黔丰新材料科技股份有限公司", "520502", "NEW_MATERIALS",
                contact(uscc), null));
        Organization same = service.get(STAFF, uscc);
        assertThat(same.name()).isEqualTo("毕节黔丰新材料科技股份有限公司");
        assertThat(same.contactStatus()).isEqualTo(Organization.BOUNCED);
        assertThat(same.contactFailure()).isEqualTo("Permanent/NoEmail");
        assertThat(Json.tree(Json.write(same)).path("contactStatus").asText()).isEqualTo("BOUNCED");

        // another address: unmarked
        service.put(STAFF, uscc, input(uscc, "fixed-" + contact(uscc)));
        Organization fixed = service.get(STAFF, uscc);
        assertThat(fixed.contactStatus()).isNull();
        assertThat(fixed.contactFailedAt()).isNull();
        assertThat(fixed.contactFailure()).isNull();
    }

    @Test
    void bounceOfAMailOfNoOrganisation_andDeliveries_changeNothing() throws IOException {
        String uscc = organization();
        ObjectNode untagged = bounce(uscc, contact(uscc), "Permanent", "General");
        ((ObjectNode) untagged.path("mail")).putObject("tags");
        ObjectNode delivery = bounce(uscc, contact(uscc), "Permanent", "General").put("eventType", "Delivery");

        invoke(untagged);
        invoke(delivery);

        assertThat(organizations.find(uscc).orElseThrow().contactStatus()).isNull();
    }

    @Test
    void priming_writesNothing_andLogsNoError() {
        assertThat(Primed.primeAll().errors()).isEmpty();
    }

    // ------------------------------------------------------------------ events as SES publishes them

    static ObjectNode bounce(String uscc, String address, String type, String subType) {
        ObjectNode event = ses("Bounce", uscc, address);
        ObjectNode bounce = event.putObject("bounce").put("feedbackId", "0100018c-bounce").put("bounceType", type)
                .put("bounceSubType", subType).put("timestamp", "2026-11-30T01:02:03.456Z")
                .put("reportingMTA", "dns; mx.example.com");
        bounce.putArray("bouncedRecipients").addObject().put("emailAddress", address).put("action", "failed")
                .put("status", "5.1.1").put("diagnosticCode", "smtp; 550 5.1.1 user unknown");
        return event;
    }

    static ObjectNode complaint(String uscc, String address) {
        ObjectNode event = ses("Complaint", uscc, address);
        ObjectNode complaint = event.putObject("complaint").put("feedbackId", "0100018c-complaint")
                .put("complaintFeedbackType", "abuse").put("timestamp", "2026-11-30T02:00:00.000Z")
                .put("userAgent", "ExampleCorp Feedback Loop (V0.01)");
        complaint.putArray("complainedRecipients").addObject().put("emailAddress", address);
        return event;
    }

    /** The parts every SES event has; the organisation's USCC in {@code mail.tags}, as the SES adapter sent it. */
    static ObjectNode ses(String eventType, String uscc, String address) {
        ObjectNode event = Json.MAPPER.createObjectNode().put("eventType", eventType);
        ObjectNode mail = event.putObject("mail").put("timestamp", "2026-11-30T01:00:00.000Z")
                .put("source", "noreply@example.com").put("messageId", "0100018c-message")
                .put("sendingAccountId", "000000000000");
        mail.putArray("destination").add(address);
        ObjectNode tags = mail.putObject("tags");
        tags.putArray("ses:configuration-set").add("bijie-innovation-mail");
        tags.putArray("organization").add(uscc);
        return event;
    }

    /** SNS's envelope, as Lambda hands an SNS subscription its event. */
    static void invoke(ObjectNode sesEvent) throws IOException {
        ObjectNode record = Json.MAPPER.createObjectNode().put("EventSource", "aws:sns")
                .put("EventVersion", "1.0")
                .put("EventSubscriptionArn", "arn:aws:sns:us-east-1:000000000000:mail-feedback:0a1b2c3d");
        record.putObject("Sns").put("Type", "Notification").put("MessageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5e")
                .put("TopicArn", "arn:aws:sns:us-east-1:000000000000:mail-feedback")
                .put("Timestamp", "2026-11-30T01:02:04.000Z").put("Message", Json.write(sesEvent));
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.putArray("Records").add(record);
        handler.handleRequest(new ByteArrayInputStream(Json.write(event).getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(), null);
    }

    String organization() {
        String uscc = TestData.newUscc();
        service.put(STAFF, uscc, input(uscc, contact(uscc)));
        return uscc;
    }

    static OrganizationInput input(String uscc, String contactEmail) {
        return new OrganizationInput("毕节黔丰新材料科技有限公司", "520502", "NEW_MATERIALS", contactEmail, null);
    }

    static String contact(String uscc) {
        return "keji-" + uscc.toLowerCase() + "@example.com";
    }
}
