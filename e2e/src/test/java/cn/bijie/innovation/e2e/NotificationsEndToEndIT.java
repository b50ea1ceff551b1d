package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (part B) through the local runner over HTTP: an application's life mails its applicant once per event (the
 * runner's stream poller hands every change to the notification function), the organisation reads what it was told,
 * and the application's and the subsidy's audit trails verify.
 */
class NotificationsEndToEndIT {
    static LocalApi api;
    static String staff;
    static String finance;
    static String supervisor;

    @BeforeAll
    static void start() {
        api = LocalApi.shared();
        staff = api.roleToken("staff");
        finance = api.roleToken("finance");
        supervisor = api.roleToken("supervisor");
    }

    @Test
    void anApplicationsLife_mailsTheApplicantOncePerEvent_andItsTrailsVerify() throws Exception {
        String uscc = Bureau.newUscc();
        String contact = "notify-" + uscc.toLowerCase() + "@example.com";
        String applicant = api.applicantToken(uscc);
        expect(api.call("PUT", "/organizations/" + uscc, applicant, LocalApi.write(Map.of("name", "毕节黔丰新材料科技有限公司",
                "county", "520502", "industry", "NEW_MATERIALS", "contactEmail", contact))), 200);

        // submitted, returned with a reason, corrected and submitted again, certified; the subsidy; its notice; paid
        String applicationId = expect(api.call("POST", "/applications", applicant, Bureau.applicationBody(uscc)), 201)
                .json().path("applicationId").asText();
        expect(api.call("POST", "/applications/" + applicationId + "/decision", staff,
                "{\"outcome\":\"RETURNED\",\"reason\":\"请补充高新技术企业证书扫描件\"}"), 200);
        expect(api.call("PUT", "/applications/" + applicationId, applicant, Bureau.applicationBody(uscc)), 200);
        Bureau bureau = new Bureau(new ContractedApi(api));
        bureau.uploadedDocument(uscc, applicationId);
        bureau.openSubsidyWindow();
        expect(api.call("POST", "/applications/" + applicationId + "/decision", staff, "{\"outcome\":\"CERTIFIED\"}"),
                200);
        api.drainStreams();
        JsonNode subsidy = expect(api.call("GET", "/subsidies?uscc=" + uscc, finance, null), 200).json()
                .path("items").get(0);
        String subsidyId = subsidy.path("subsidyId").asText();
        api.passNotice(subsidyId);
        expect(api.call("POST", "/subsidies/" + subsidyId + "/disbursement", finance,
                "{\"paidOn\":\"" + Bureau.today() + "\",\"voucherNo\":\"毕财拨〔2026〕" + Bureau.random() + "号\"}"), 200);
        api.drainStreams();
        api.drainStreams();

        assertThat(mailsTo(contact)).extracting(m -> m.path("Subject").asText()).containsExactlyInAnyOrder(
                "【毕节市科技局】申报已受理", "【毕节市科技局】申报被退回补充材料", "【毕节市科技局】申报已受理",
                "【毕节市科技局】认定已登记", "【毕节市科技局】补助金额已核定", "【毕节市科技局】补助已进入拨付前公示",
                "【毕节市科技局】补助已拨付");
        Reply notifications = expect(api.call("GET", "/organizations/" + uscc + "/notifications", applicant, null),
                200);
        assertThat(notifications.json().path("items")).hasSize(7)
                .allSatisfy(n -> assertThat(n.path("status").asText()).isEqualTo("SENT"));
        assertThat(notifications.json().at("/items/1/text").asText()).contains("请补充高新技术企业证书扫描件");

        for (String entity : List.of("APP%23" + applicationId, "SUB%23" + subsidyId)) {
            Reply verified = expect(api.call("GET", "/audit/verify?entity=" + entity, supervisor, null), 200);
            assertThat(verified.json().path("intact").asBoolean()).as(entity).isTrue();
        }
        Reply trail = expect(api.call("GET", "/audit?entity=APP%23" + applicationId, staff, null), 200);
        assertThat(trail.json().path("items")).extracting(e -> e.path("action").asText()).startsWith(
                "APPLICATION_SUBMITTED", "APPLICATION_RETURNED");
    }

    static Reply expect(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply;
    }

    static List<JsonNode> mailsTo(String address) throws Exception {
        List<JsonNode> mails = new ArrayList<>();
        LocalApi.JSON.readTree(api.miniStack().sentMail()).path("messages").forEach(account -> account.forEach(mail -> {
            if (mail.path("To").toString().contains("\"" + address + "\"")) {
                mails.add(mail);
            }
        }));
        return mails;
    }
}
