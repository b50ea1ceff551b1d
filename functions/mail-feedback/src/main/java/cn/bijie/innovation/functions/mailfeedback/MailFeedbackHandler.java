package cn.bijie.innovation.functions.mailfeedback;

import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.aws.SesMailer;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.crac.Priming;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.organization.MailFeedback;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SES bounce and complaint events of the mail configuration set, delivered by SNS: each permanent bounce and each
 * complaint marks the contact address of the organisation the mail was for (its USCC travels as the message tag
 * {@value SesMailer#ORGANIZATION_TAG}). Other events (a transient bounce, a delivery) change nothing.
 */
public final class MailFeedbackHandler implements RequestStreamHandler {
    private final MailFeedback feedback;

    /** Called by the Lambda runtime: wires the table once per container. */
    public MailFeedbackHandler() {
        this(System.getenv());
    }

    /** Wired from {@code environment}, as the template sets it (tests). */
    public MailFeedbackHandler(Map<String, String> environment) {
        this(new Config(environment));
    }

    private MailFeedbackHandler(Config config) {
        this(new MailFeedback(new DynamoOrganizationStore(new AwsClients(config).dynamoDb(), config.table())));
        // SnapStart: an event of no organisation is parsed and dispatched; nothing is written
        Priming.register("sns event", () -> handle(snsEvent(
                "{\"eventType\":\"Bounce\",\"mail\":{\"tags\":{}},\"bounce\":{\"bounceType\":\"Permanent\"}}")));
    }

    public MailFeedbackHandler(MailFeedback feedback) {
        this.feedback = feedback;
    }

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
        handle(Json.MAPPER.readTree(in));
    }

    /** A record that cannot be read throws: Lambda retries the invocation, then hands it to the failure queue. */
    private void handle(JsonNode event) {
        for (JsonNode record : event.path("Records")) {
            report(Json.tree(record.path("Sns").path("Message").asText())).ifPresent(feedback::handle);
        }
    }

    /** SNS's envelope of one message, as Lambda hands it over. */
    static JsonNode snsEvent(String message) {
        ObjectNode record = Json.MAPPER.createObjectNode().put("EventSource", "aws:sns");
        record.putObject("Sns").put("Type", "Notification").put("Message", message);
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.putArray("Records").add(record);
        return event;
    }

    /**
     * The report of an SES event ({@code eventType}, event publishing) or notification ({@code notificationType});
     * empty for the kinds that are no bounce or complaint.
     */
    static Optional<MailFeedback.Report> report(JsonNode message) {
        String type = message.hasNonNull("eventType") ? message.path("eventType").asText()
                : message.path("notificationType").asText();
        JsonNode tag = message.path("mail").path("tags").path(SesMailer.ORGANIZATION_TAG).path(0);
        String uscc = tag.isTextual() ? tag.asText() : null;
        return switch (type) {
            case "Bounce" -> {
                JsonNode bounce = message.path("bounce");
                yield Optional.of(new MailFeedback.Report(uscc, MailFeedback.Kind.BOUNCE,
                        text(bounce, "bounceType"), text(bounce, "bounceSubType"),
                        addresses(bounce.path("bouncedRecipients")), at(bounce)));
            }
            case "Complaint" -> {
                JsonNode complaint = message.path("complaint");
                yield Optional.of(new MailFeedback.Report(uscc, MailFeedback.Kind.COMPLAINT,
                        text(complaint, "complaintFeedbackType"), null,
                        addresses(complaint.path("complainedRecipients")), at(complaint)));
            }
            default -> Optional.empty();
        };
    }

    private static List<String> addresses(JsonNode recipients) {
        List<String> out = new ArrayList<>();
        recipients.forEach(r -> out.add(r.path("emailAddress").asText()));
        return out;
    }

    private static Instant at(JsonNode node) {
        return node.hasNonNull("timestamp") ? Instant.parse(node.path("timestamp").asText()) : Instant.now();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.path(field).asText() : null;
    }
}
