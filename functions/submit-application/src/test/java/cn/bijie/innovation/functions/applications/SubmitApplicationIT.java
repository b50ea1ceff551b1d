package cn.bijie.innovation.functions.applications;

import static cn.bijie.innovation.functions.applications.ApplicationsFixture.OTHER;
import static cn.bijie.innovation.functions.applications.ApplicationsFixture.OWN;
import static cn.bijie.innovation.functions.applications.ApplicationsFixture.owner;
import static cn.bijie.innovation.functions.applications.ApplicationsFixture.staff;
import static cn.bijie.innovation.functions.applications.ApplicationsFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.testing.ApiEvent;
import cn.bijie.innovation.shared.testing.ApiEvent.Reply;
import cn.bijie.innovation.shared.testing.ScratchStack;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The applications routes, in-process on real SDK clients against MiniStack. */
class SubmitApplicationIT {
    ApplicationsFixture stack;

    @BeforeEach
    void freshTable() {
        stack = new ApplicationsFixture();
        stack.profile(OWN, "520502");
        stack.profile(OTHER, "520581");
    }

    @Test
    void submit_storesTheApplication_inTheDocumentedLayout_withItsAuditEntryAndDueDate() {
        Reply reply = submit(OWN).invoke(stack.handler);

        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
        String id = reply.body().path("applicationId").asText();
        assertThat(reply.body().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(reply.body().path("county").asText()).isEqualTo("520502");
        assertThat(reply.body().path("platformName").asText()).isEqualTo("毕节市某新材料科技有限公司");
        Map<String, AttributeValue> item = stack.dynamo.getItem(g -> g.tableName(ScratchStack.TABLE)
                .key(Keys.application(id))).item();
        String submittedAt = reply.body().path("submittedAt").asText();
        LocalDate due = LocalDate.ofInstant(Instant.parse(submittedAt), ZoneId.of("Asia/Shanghai")).plusDays(10);
        assertThat(Items.str(item, "type")).isEqualTo("APPLICATION");
        assertThat(Items.str(item, "GSI1PK")).isEqualTo("ORG#" + OWN + "#APP");
        assertThat(Items.str(item, "GSI2PK")).isEqualTo("APP#SUBMITTED");
        assertThat(Items.str(item, "GSI3SK")).isEqualTo(submittedAt + "#" + id);
        assertThat(Items.str(item, "DUEPK")).startsWith("DUE#" + due + "#");
        assertThat(Items.str(item, "DUESK")).isEqualTo(due + "#APP#" + id);
        assertThat(auditActions(id)).containsExactly("APPLICATION_SUBMITTED");
    }

    @Test
    void readAndList_showAnApplicantItsOwnOnly_andStaffAll_newestFirst() {
        String mine = stack.submitted(OWN);
        String theirs = stack.submitted(OTHER);

        assertThat(owner(ApiEvent.sample("get-application.json"), OWN).path("applicationId", mine)
                .invoke(stack.handler).status()).isEqualTo(200);
        Reply foreign = owner(ApiEvent.sample("get-application.json"), OWN).path("applicationId", theirs)
                .invoke(stack.handler);
        Reply missing = owner(ApiEvent.sample("get-application.json"), OWN)
                .path("applicationId", "0190f1e2-3a4b-7c5d-8e6f-0123456789ab").invoke(stack.handler);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).isEqualTo(missing.raw());

        assertThat(ids(owner(list(), OWN).invoke(stack.handler))).containsExactly(mine);
        assertThat(ids(staff(list()).invoke(stack.handler))).containsExactly(theirs, mine);
        assertThat(ids(staff(list()).query("county", "520581").invoke(stack.handler))).containsExactly(theirs);
        assertThat(ids(staff(list()).query("status", "SUBMITTED").query("kind", "HIGH_TECH_ENTERPRISE")
                .invoke(stack.handler))).containsExactly(theirs, mine);
        assertThat(ids(staff(list()).query("status", "WITHDRAWN").invoke(stack.handler))).isEmpty();
    }

    @Test
    void withdraw_leavesSubmitted_dropsTheDueDate_andASecondWithdrawalIsConflict() {
        String id = stack.submitted(OWN);

        Reply withdrawn = withdrawal(id).invoke(stack.handler);
        Reply again = withdrawal(id).invoke(stack.handler);

        assertThat(withdrawn.status()).as(withdrawn.raw()).isEqualTo(200);
        assertThat(withdrawn.body().path("status").asText()).isEqualTo("WITHDRAWN");
        Map<String, AttributeValue> item = item(id);
        assertThat(Items.str(item, "GSI2PK")).isEqualTo("APP#WITHDRAWN");
        assertThat(item).doesNotContainKeys("DUEPK", "DUESK");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("CONFLICT");
        assertThat(auditActions(id)).containsExactly("APPLICATION_SUBMITTED", "APPLICATION_WITHDRAWN");
    }

    @Test
    void correct_resubmitsAReturnedApplication_andKeepsWhatTheDecisionWrote() {
        String id = stack.submitted(OWN);
        // what the staff decision (record-certification) does to the item: a conditional update of its status
        stack.dynamo.updateItem(u -> u.tableName(ScratchStack.TABLE).key(Keys.application(id))
                .updateExpression("SET #s = :r, GSI2PK = :p, reason = :why REMOVE DUEPK, DUESK")
                .conditionExpression("#s = :submitted")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":r", Items.s("RETURNED"), ":p", Items.s("APP#RETURNED"),
                        ":why", Items.s("请补充证书扫描件"), ":submitted", Items.s("SUBMITTED"))));
        ApiEvent correction = owner(ApiEvent.sample("correct-application.json"), OWN).path("applicationId", id)
                .header("idempotency-key", null).bodyField("certificateNo", "\"GR202652000999\"");

        Reply corrected = correction.copy().invoke(stack.handler);
        Reply again = correction.copy().invoke(stack.handler);

        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
        assertThat(corrected.body().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(corrected.body().path("certificateNo").asText()).isEqualTo("GR202652000999");
        Map<String, AttributeValue> item = item(id);
        assertThat(Items.str(item, "GSI2PK")).isEqualTo("APP#SUBMITTED");
        assertThat(Items.str(item, "reason")).isEqualTo("请补充证书扫描件");
        assertThat(item).containsKeys("DUEPK", "DUESK");
        assertThat(again.status()).as("a correction is only for a RETURNED application").isEqualTo(409);
    }

    @Test
    void idempotencyKey_replaysTheFirstResponse_andRefusesAnotherBody() {
        ApiEvent first = submit(OWN).header("idempotency-key", "key-1");

        Reply one = first.copy().invoke(stack.handler);
        Reply replay = first.copy().invoke(stack.handler);
        Reply otherBody = first.copy().bodyField("certificateNo", "\"GR-OTHER\"").invoke(stack.handler);

        assertThat(one.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.raw()).isEqualTo(one.raw());
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(ids(owner(list(), OWN).invoke(stack.handler))).hasSize(1);
    }

    @Test
    void idempotencyKey_replaysAWithdrawal_althoughTheApplicationHasMovedOn() {
        String id = stack.submitted(OWN);
        ApiEvent withdrawal = withdrawal(id).header("idempotency-key", "withdraw-1");

        Reply first = withdrawal.copy().invoke(stack.handler);
        Reply replay = withdrawal.copy().invoke(stack.handler);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.raw()).isEqualTo(first.raw());
    }

    @Test
    void thirtyTwoConcurrentSubmissions_withOneKey_makeOneApplication_andThirtyTwoIdenticalResponses()
            throws Exception {
        ApiEvent event = submit(OWN).header("idempotency-key", "race-1");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(() -> event.copy().invoke(stack.handler));
        }
        List<Reply> replies = new ArrayList<>();
        try {
            for (Future<Reply> future : pool.invokeAll(calls)) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies).extracting(Reply::raw).containsOnly(replies.get(0).raw());
        assertThat(ids(staff(list()).invoke(stack.handler))).hasSize(1);
        assertThat(stack.dynamo.scan(s -> s.tableName(ScratchStack.TABLE)).items()).filteredOn(
                i -> "APPLICATION".equals(Items.str(i, "type"))).hasSize(1);
    }

    @Test
    void nextToken_continuesTheList_butNotWhenAlteredOrSentByAnotherCaller() {
        String a = stack.submitted(OWN);
        String b = stack.submitted(OWN);
        String c = stack.submitted(OWN);

        Reply first = staff(list()).query("limit", "2").invoke(stack.handler);
        String token = first.body().path("nextToken").asText();
        Reply second = staff(list()).query("limit", "2").query("nextToken", token).invoke(stack.handler);
        char last = token.charAt(token.length() - 1);
        Reply altered = staff(list()).query("limit", "2")
                .query("nextToken", token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))
                .invoke(stack.handler);
        Reply foreign = list().as("u-staff-2", null, "staff").query("limit", "2").query("nextToken", token)
                .invoke(stack.handler);
        Reply otherList = staff(list()).query("limit", "2").query("county", "520502").query("nextToken", token)
                .invoke(stack.handler);

        assertThat(ids(first)).containsExactly(c, b);
        assertThat(ids(second)).containsExactly(a);
        assertThat(second.body().path("nextToken").isNull()).isTrue();
        for (Reply refused : List.of(altered, foreign, otherList)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().path("error").path("details").get(0).path("field").asText())
                    .isEqualTo("nextToken");
        }
    }

    @Test
    void awsCalls_aSubmissionReadsOnceAndWritesOnce_aReadOrAListIsOneCall() {
        String id = stack.submitted(OWN);

        stack.counter.reset();
        submit(OWN).header("idempotency-key", "count-1").invoke(stack.handler);
        List<String> submission = stack.counter.calls();
        stack.counter.reset();
        owner(ApiEvent.sample("get-application.json"), OWN).path("applicationId", id).invoke(stack.handler);
        List<String> read = stack.counter.calls();
        stack.counter.reset();
        staff(list()).query("county", "520502").invoke(stack.handler);
        List<String> listing = stack.counter.calls();
        stack.counter.reset();
        withdrawal(id).invoke(stack.handler);
        List<String> withdrawal = stack.counter.calls();

        // the profile (its county goes on the application) and the idempotency record in one read, then one write
        assertThat(submission).containsExactly("DynamoDb.TransactGetItems", "DynamoDb.TransactWriteItems");
        assertThat(read).containsExactly("DynamoDb.GetItem");
        assertThat(listing).containsExactly("DynamoDb.Query");
        assertThat(withdrawal).containsExactly("DynamoDb.GetItem", "DynamoDb.TransactWriteItems");
    }

    private ApiEvent list() {
        return ApiEvent.sample("list-applications.json").query("status", null).query("county", null);
    }

    private static ApiEvent withdrawal(String id) {
        return owner(ApiEvent.sample("withdraw-application.json"), OWN).path("applicationId", id)
                .header("idempotency-key", null);
    }

    private Map<String, AttributeValue> item(String id) {
        return stack.dynamo.getItem(g -> g.tableName(ScratchStack.TABLE).key(Keys.application(id))).item();
    }

    private List<String> auditActions(String id) {
        return stack.dynamo.query(q -> q.tableName(ScratchStack.TABLE)
                .keyConditionExpression("PK = :pk AND begins_with(SK, :audit)")
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.applicationPk(id)), ":audit", Items.s("AUDIT#"))))
                .items().stream().map(i -> Items.str(i, "action")).toList();
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.body().path("items").forEach(i -> ids.add(i.path("applicationId").asText()));
        return ids;
    }
}
