package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The daily reminder run through the local runner ({@code POST /local/schedules/SendRemindersFunction} with a
 * {@code time}), reading the mail MiniStack's SES recorded. The certification is written in the table layout of
 * docs/CONTRACTS.md; each test uses its own organisation, mailbox and years, so the shared runner's other data never
 * meets its dates.
 */
class RemindersEndToEndIT {
    static final String FUNCTION = "SendRemindersFunction";
    static final String TABLE = "e2e-Table";
    static final ZoneId BIJIE = ZoneId.of("Asia/Shanghai");
    static LocalApi api;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        api = LocalApi.shared();
        dynamo = DynamoDbClient.builder().region(Region.US_EAST_1).endpointOverride(api.miniStack().endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void expiringInThirtyDays_getsOneMail_thenTheSevenDayMailOnce_thenExpires() {
        String uscc = "91520500MA6DKQ5X35";
        String contact = "expiry-e2e@example.com";
        LocalDate today = LocalDate.of(2031, 3, 1);
        LocalDate expires = today.plusDays(30);
        profile(uscc, contact);
        certification("e2e-expiry", uscc, expires);

        Reply first = run(today);
        Reply again = run(today);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("date").asText()).isEqualTo(today.toString());
        assertThat(again.json().path("sent").asInt()).isZero();
        assertThat(mailsTo(contact)).singleElement().satisfies(mail -> {
            assertThat(mail.path("Subject").asText()).isEqualTo("【毕节市科技局】高新技术企业证书到期提醒（" + expires + "）");
            assertThat(mail.path("BodyText").asText()).contains("毕节黔丰新材料科技有限公司", "GR2028e2e-expiry",
                    expires.toString(), "还有 30 天");
        });

        for (LocalDate day = today.plusDays(1); !day.isAfter(expires); day = day.plusDays(1)) {
            run(day);
        }
        assertThat(mailsTo(contact)).hasSize(2);
        assertThat(mailsTo(contact).get(1).path("BodyText").asText()).contains("还有 7 天");

        assertThat(status("e2e-expiry")).as("valid on its last day").isEqualTo("ACTIVE");
        Reply onExpiry = run(expires.plusDays(1));

        assertThat(onExpiry.json().path("expired").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(status("e2e-expiry")).isEqualTo("EXPIRED");
        assertThat(mailsTo(contact)).hasSize(2);
    }

    @Test
    void afterAGap_onlyTheSevenDayMailIsSent() {
        String uscc = "91520581MA6H12345G";
        String contact = "gap-e2e@example.com";
        LocalDate expires = LocalDate.of(2033, 6, 30);
        profile(uscc, contact);
        certification("e2e-gap", uscc, expires);

        run(expires.minusDays(5));

        assertThat(mailsTo(contact)).singleElement()
                .satisfies(mail -> assertThat(mail.path("BodyText").asText()).contains("还有 5 天"));
        assertThat(status("e2e-gap")).isEqualTo("ACTIVE");
    }

    static Reply run(LocalDate date) {
        Reply reply = api.schedule(FUNCTION, date.atTime(LocalTime.of(9, 0)).atZone(BIJIE).toInstant().toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    static void profile(String uscc, String contactEmail) {
        Reply put = api.call("PUT", "/organizations/" + uscc, api.roleToken("staff"), LocalApi.write(Map.of(
                "name", "毕节黔丰新材料科技有限公司", "county", "520502", "industry", "NEW_MATERIALS",
                "contactEmail", contactEmail)));
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    /** An ACTIVE high-tech certification, due at its first threshold (docs/CONTRACTS.md, "Due dates"). */
    static void certification(String id, String uscc, LocalDate expiresOn) {
        LocalDate issuedOn = expiresOn.minusYears(3);
        LocalDate due = expiresOn.minusDays(90);
        Map<String, AttributeValue> item = new HashMap<>();
        Map.of("PK", "CERT#" + id, "SK", "CERT", "type", "CERTIFICATION", "certificationId", id, "uscc", uscc,
                "kind", "HIGH_TECH_ENTERPRISE", "level", "NATIONAL", "certificateNo", "GR" + issuedOn.getYear() + id,
                "issuedOn", issuedOn.toString(), "expiresOn", expiresOn.toString())
                .forEach((k, v) -> item.put(k, AttributeValue.fromS(v)));
        Map.of("status", "ACTIVE", "GSI1PK", "ORG#" + uscc + "#CERT", "GSI1SK", issuedOn + "#" + id,
                "GSI2PK", "CERT#ACTIVE", "GSI2SK", expiresOn + "#" + id, "DUEPK", "DUE#" + due + "#0",
                "DUESK", due + "#CERT#" + id)
                .forEach((k, v) -> item.put(k, AttributeValue.fromS(v)));
        item.put("renewal", AttributeValue.fromBool(false));
        dynamo.putItem(r -> r.tableName(TABLE).item(item));
    }

    static String status(String certificationId) {
        return dynamo.getItem(r -> r.tableName(TABLE).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS("CERT#" + certificationId), "SK", AttributeValue.fromS("CERT"))))
                .item().get("status").s();
    }

    /**
     * The reminders MiniStack's SES accepted for {@code address}, oldest first ({@code GET /_ministack/ses/messages});
     * the applicant notifications the stream sends the same address (a certification recorded) are not counted.
     */
    static List<JsonNode> mailsTo(String address) {
        List<JsonNode> mails = new ArrayList<>();
        try {
            LocalApi.JSON.readTree(api.miniStack().sentMail()).path("messages").forEach(account -> account
                    .forEach(mail -> {
                        if (mail.path("To").toString().contains("\"" + address + "\"")
                                && mail.path("Subject").asText().contains("到期提醒")) {
                            mails.add(mail);
                        }
                    }));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return mails;
    }
}
