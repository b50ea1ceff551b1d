package cn.bijie.innovation.functions.notify;

import static cn.bijie.innovation.functions.notify.NotifyApplicantsHandlerIT.bureau;
import static cn.bijie.innovation.functions.notify.NotifyApplicantsHandlerIT.deliver;
import static cn.bijie.innovation.functions.notify.NotifyApplicantsHandlerIT.deliverAtOnce;
import static cn.bijie.innovation.functions.notify.NotifyApplicantsHandlerIT.environment;
import static cn.bijie.innovation.functions.notify.NotifyApplicantsHandlerIT.mailsTo;
import static cn.bijie.innovation.functions.notify.NotifyApplicantsHandlerIT.organization;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.notice.Notice;
import cn.bijie.innovation.shared.notice.Objection;
import cn.bijie.innovation.shared.notice.ObjectionDecisionInput;
import cn.bijie.innovation.shared.notice.ObjectionInput;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.testing.StreamRecords;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Staff hear of an objection to a notice (公示) by mail, at the digest's staff mailbox, once per objection however
 * often the stream delivers it (issue 14); what the public wrote stays text in the body, never a header or markup.
 */
class ObjectionMailIT {

    @Test
    void aLodgedObjection_isMailedToStaffOnce_inChinese_withWhatThePublicWroteAsTextOnly() throws Exception {
        String uscc = organization();
        bureau.openSubsidyWindow();
        Certification c = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false,
                "GR2026OBJ" + uscc.substring(6));
        String subsidyId = Subsidy.idFor(c.certificationId());
        Notice notice = bureau.openNotice(subsidyId);
        // markup, and a line break that would start a header if the text ever reached one
        String text = "<script>alert('x')</script>该企业研发费用归集不实\r\nBcc: victim@example.com\r\n请核查";
        Objection objection = BureauFixture.read(Answers.commit(201, null, () -> bureau.notices.lodge(
                notice.noticeId(), new ObjectionInput(subsidyId, text), "203.0.113.9")).bodyJson(), Objection.class);
        Map<String, AttributeValue> lodged = objection(notice, objection);
        String batch = StreamRecords.batch(List.of(StreamRecords.insert(lodged)));

        // three deliveries in a row, then ten racing, then its decision (a change staff made: no mail)
        for (int i = 0; i < 3; i++) {
            assertThat(deliver(batch)).as("delivery " + (i + 1)).isEmpty();
        }
        deliverAtOnce(batch, 10);
        assertThat(deliver(batch)).isEmpty();
        Answers.commit(200, null, () -> bureau.notices.decide(STAFF, notice.noticeId(), objection.objectionId(),
                new ObjectionDecisionInput("DISMISSED", "经核查，研发费用归集符合规定")));
        assertThat(deliver(StreamRecords.batch(List.of(StreamRecords.modify(lodged, objection(notice, objection))))))
                .isEmpty();

        List<JsonNode> mails = mailsTo(environment.get("STAFF_MAILBOX")).stream()
                .filter(m -> m.path("Subject").asText().contains(objection.objectionId())).toList();
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.path("Subject").asText())
                    .isEqualTo("【毕节市科技局】公示收到异议（异议编号 " + objection.objectionId() + "）");
            assertThat(mail.path("BodyText").asText()).contains("市科技局审核人员：", "公示“补助拨付前公示”",
                    notice.noticeId(), subsidyId, "毕节黔丰新材料科技有限公司", "100,000 元",
                    "该企业研发费用归集不实\nBcc: victim@example.com\n请核查", "异议成立");
            assertThat(mail.path("BodyHtml").asText()).startsWith("<!DOCTYPE html>")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
        });
        assertThat(mailsTo("victim@example.com")).isEmpty();
        var notification = bureau.item(Keys.key(Keys.notificationsPk("STAFF"),
                objection.lodgedAt() + "#OBJECTION_LODGED#" + objection.objectionId()));
        assertThat(notification.get("status").s()).isEqualTo("SENT");
    }

    static Map<String, AttributeValue> objection(Notice notice, Objection objection) {
        return bureau.item(Keys.key("NOTICE#" + notice.noticeId(), "OBJ#" + objection.objectionId()));
    }
}
