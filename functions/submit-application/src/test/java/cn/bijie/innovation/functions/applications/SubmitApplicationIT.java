package cn.bijie.innovation.functions.applications;

import static cn.bijie.innovation.functions.applications.ApplicationsFixture.owner;
import static cn.bijie.innovation.functions.applications.ApplicationsFixture.staff;
import static cn.bijie.innovation.functions.applications.ApplicationsFixture.submit;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.testing.ApiEvents;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.TestStack;
import cn.bijie.innovation.shared.http.ApiEvent.Answer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
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
    String own;
    String other;

    @BeforeEach
    void twoOrganisations() {
        stack = new ApplicationsFixture();
        own = stack.own;
        other = stack.other;
    }

    @Test
    void theRuntimeConstructor_wiresTheTableFromTheTemplatesEnvironment() {
        var environment = TestStack.shared().environment("SubmitApplicationFunction");
        Answer answer = submit(own).invoke(new SubmitApplicationHandler(environment));
        assertThat(answer.status()).as(answer.rawBody()).isEqualTo(201);
    }

    @Test
    void submit_storesTheApplication_inTheDocumentedLayout_withItsAuditEntryAndDueDate() {
        Answer reply = submit(own).invoke(stack.handler);

        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(201);
        String id = reply.body().path("applicationId").asText();
        assertThat(reply.body().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(reply.body().path("county").asText()).isEqualTo("520502");
        assertThat(reply.body().path("platformName").asText()).isEqualTo("毕节市某新材料科技有限公司");
        Map<String, AttributeValue> item = stack.dynamo.getItem(g -> g.tableName(stack.stack.table())
                .key(Keys.application(id))).item();
        String submittedAt = reply.body().path("submittedAt").asText();
        LocalDate due = LocalDate.ofInstant(Instant.parse(submittedAt), ZoneId.of("Asia/Shanghai")).plusDays(10);
        assertThat(Items.str(item, "type")).isEqualTo("APPLICATION");
        assertThat(Items.str(item, "GSI1PK")).isEqualTo("ORG#" + own + "#APP");
        assertThat(Items.str(item, "GSI2PK")).isEqualTo("APP#SUBMITTED");
        assertThat(Items.str(item, "GSI3SK")).isEqualTo(submittedAt + "#" + id);
        assertThat(Items.str(item, "DUEPK")).startsWith("DUE#" + due + "#");
        assertThat(Items.str(item, "DUESK")).isEqualTo(due + "#APP#" + id);
        assertThat(auditActions(id)).containsExactly("APPLICATION_SUBMITTED");
    }

    @Test
    void readAndList_showAnApplicantItsOwnOnly_andStaffAll_newestFirst() {
        String mine = stack.submitted(own);
        String theirs = stack.submitted(other);

        assertThat(owner(ApiEvents.sample("get-application.json"), own).path("applicationId", mine)
                .invoke(stack.handler).status()).isEqualTo(200);
        Answer foreign = owner(ApiEvents.sample("get-application.json"), own).path("applicationId", theirs)
                .invoke(stack.handler);
        Answer missing = owner(ApiEvents.sample("get-application.json"), own)
                .path("applicationId", "0190f1e2-3a4b-7c5d-8e6f-0123456789ab").invoke(stack.handler);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.rawBody()).isEqualTo(missing.rawBody());

        assertThat(ids(owner(list(), own).invoke(stack.handler))).containsExactly(mine);
        // the table is shared with other tests: ours are the newest, in order, among theirs
        assertThat(ids(staff(list()).invoke(stack.handler))).containsSubsequence(theirs, mine);
        assertThat(ids(staff(list()).query("county", "520581").invoke(stack.handler))).contains(theirs)
                .doesNotContain(mine);
        assertThat(ids(staff(list()).query("status", "SUBMITTED").query("kind", "HIGH_TECH_ENTERPRISE")
                .invoke(stack.handler))).containsSubsequence(theirs, mine);
        assertThat(ids(staff(list()).query("status", "WITHDRAWN").invoke(stack.handler))).doesNotContain(theirs,
                mine);
    }

    @Test
    void withdraw_leavesSubmitted_dropsTheDueDate_andASecondWithdrawalIsConflict() {
        String id = stack.submitted(own);

        Answer withdrawn = withdrawal(id).invoke(stack.handler);
        Answer again = withdrawal(id).invoke(stack.handler);

        assertThat(withdrawn.status()).as(withdrawn.rawBody()).isEqualTo(200);
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
        String id = stack.submitted(own);
        // what the staff decision (record-certification) does to the item: a conditional update of its status
        stack.dynamo.updateItem(u -> u.tableName(stack.stack.table()).key(Keys.application(id))
                .updateExpression("SET #s = :r, GSI2PK = :p, reason = :why REMOVE DUEPK, DUESK")
                .conditionExpression("#s = :submitted")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":r", Items.s("RETURNED"), ":p", Items.s("APP#RETURNED"),
                        ":why", Items.s("请补充证书扫描件"), ":submitted", Items.s("SUBMITTED"))));
        ApiEvent correction = owner(ApiEvents.sample("correct-application.json"), own).path("applicationId", id)
                .header("idempotency-key", null).bodyField("uscc", "\"" + own + "\"")
                .bodyField("certificateNo", "\"GR202652000999\"");

        Answer corrected = correction.copy().invoke(stack.handler);
        Answer again = correction.copy().invoke(stack.handler);

        assertThat(corrected.status()).as(corrected.rawBody()).isEqualTo(200);
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
        ApiEvent first = submit(own).header("idempotency-key", "key-1");

        Answer one = first.copy().invoke(stack.handler);
        Answer replay = first.copy().invoke(stack.handler);
        Answer otherBody = first.copy().bodyField("certificateNo", "\"GR-OTHER\"").invoke(stack.handler);

        assertThat(one.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.rawBody()).isEqualTo(one.rawBody());
        assertThat(otherBody.status()).isEqualTo(409);
        assertThat(otherBody.errorCode()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(ids(owner(list(), own).invoke(stack.handler))).hasSize(1);
    }

    @Test
    void idempotencyKey_replaysAWithdrawal_althoughTheApplicationHasMovedOn() {
        String id = stack.submitted(own);
        ApiEvent withdrawal = withdrawal(id).header("idempotency-key", "withdraw-1");

        Answer first = withdrawal.copy().invoke(stack.handler);
        Answer replay = withdrawal.copy().invoke(stack.handler);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.rawBody()).isEqualTo(first.rawBody());
    }

    @Test
    void thirtyTwoConcurrentSubmissions_withOneKey_makeOneApplication_andThirtyTwoIdenticalResponses()
            throws Exception {
        ApiEvent event = submit(own).header("idempotency-key", "race-1");
        List<Answer> replies = atOnce(32, () -> event.copy().invoke(stack.handler));

        assertThat(replies).extracting(Answer::status).containsOnly(201);
        assertThat(replies).extracting(Answer::rawBody).containsOnly(replies.get(0).rawBody());
        assertThat(ids(owner(list(), own).invoke(stack.handler))).hasSize(1);
        assertThat(stack.dynamo.scan(s -> s.tableName(stack.stack.table())).items()).filteredOn(
                i -> "APPLICATION".equals(Items.str(i, "type")) && own.equals(Items.str(i, "uscc"))).hasSize(1);
    }

    @Test
    void concurrentSubmissions_ofOneOrganisation_beyondTheCap_makeExactlyTheCap_andTheRestAre409NamingIt()
            throws Exception {
        int cap = Policy.active().openApplicationsPerOrganization().max();
        int attempts = cap + 6;
        List<Answer> replies = atOnce(attempts, () -> submit(own).invoke(stack.handler));

        assertThat(replies).filteredOn(a -> a.status() == 201).hasSize(cap);
        List<Answer> refused = replies.stream().filter(a -> a.status() != 201).toList();
        assertThat(refused).hasSize(attempts - cap).extracting(Answer::status).containsOnly(409);
        assertThat(refused).extracting(Answer::errorCode).containsOnly("CONFLICT");
        assertThat(refused.get(0).body().path("error").path("message").asText()).contains("上限 " + cap + " 件")
                .contains(cap + " open applications");
        assertThat(ids(owner(list(), own).query("limit", "100").invoke(stack.handler))).hasSize(cap);
        assertThat(openCount(own)).isEqualTo(cap);
        assertThat(stack.submitted(other)).as("another organisation has places of its own").isNotBlank();
    }

    @Test
    void aWithdrawal_freesAPlace_andAReturnKeepsItsPlace() {
        int cap = Policy.active().openApplicationsPerOrganization().max();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < cap; i++) {
            ids.add(stack.submitted(own));
        }
        // what the staff decision RETURNED does to the application item: it stays open, and the count with it
        stack.dynamo.updateItem(u -> u.tableName(stack.stack.table()).key(Keys.application(ids.get(0)))
                .updateExpression("SET #s = :r, GSI2PK = :p REMOVE DUEPK, DUESK")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":r", Items.s("RETURNED"), ":p", Items.s("APP#RETURNED"))));
        assertThat(submit(own).invoke(stack.handler).status()).isEqualTo(409);

        Answer withdrawn = withdrawal(ids.get(0)).invoke(stack.handler);

        assertThat(withdrawn.status()).as(withdrawn.rawBody()).isEqualTo(200);
        assertThat(openCount(own)).isEqualTo(cap - 1);
        assertThat(submit(own).invoke(stack.handler).status()).isEqualTo(201);
        assertThat(submit(own).invoke(stack.handler).status()).isEqualTo(409);
        assertThat(openCount(own)).isEqualTo(cap);
    }

    @Test
    void aWithdrawal_ofAnApplicationFromBeforeTheCounter_succeeds() {
        String id = stack.submitted(own);
        stack.dynamo.deleteItem(d -> d.tableName(stack.stack.table()).key(Keys.openApplications(own)));

        Answer withdrawn = withdrawal(id).invoke(stack.handler);

        assertThat(withdrawn.status()).as(withdrawn.rawBody()).isEqualTo(200);
        assertThat(openCount(own)).isEqualTo(-1);
    }

    @Test
    void nextToken_continuesTheList_butNotWhenAlteredOrSentByAnotherCaller() {
        String a = stack.submitted(own);
        String b = stack.submitted(own);
        String c = stack.submitted(own);

        Answer first = owner(list(), own).query("limit", "2").invoke(stack.handler);
        String token = first.body().path("nextToken").asText();
        Answer second = owner(list(), own).query("limit", "2").query("nextToken", token).invoke(stack.handler);
        char last = token.charAt(token.length() - 1);
        Answer altered = owner(list(), own).query("limit", "2")
                .query("nextToken", token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A'))
                .invoke(stack.handler);
        Answer foreign = list().as("u-" + own + "-colleague", own, "applicant").query("limit", "2")
                .query("nextToken", token).invoke(stack.handler);
        Answer otherList = owner(list(), own).query("limit", "2").query("county", "520502").query("nextToken", token)
                .invoke(stack.handler);

        assertThat(ids(first)).containsExactly(c, b);
        assertThat(ids(second)).containsExactly(a);
        assertThat(second.body().path("nextToken").isNull()).isTrue();
        for (Answer refused : List.of(altered, foreign, otherList)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().path("error").path("details").get(0).path("field").asText())
                    .isEqualTo("nextToken");
        }
    }

    @Test
    void aFilteredList_fillsItsPage_andOnlyTheLastPageIsEmpty() {
        // GIVEN an application of the other organisation's county, and newer ones of our county on top of it
        String theirs = stack.submitted(other);
        for (int i = 0; i < 3; i++) {
            stack.submitted(own);
        }

        // WHEN staff page through that county one application at a time
        List<List<String>> pages = new ArrayList<>();
        String token = null;
        do {
            ApiEvent page = staff(list()).query("county", "520581").query("limit", "1");
            Answer answer = (token == null ? page : page.query("nextToken", token)).invoke(stack.handler);
            List<String> ids = ids(answer);
            token = answer.body().path("nextToken").isNull() ? null : answer.body().path("nextToken").asText();
            assertThat(ids.isEmpty() && token != null).as("an empty page that says more follows").isFalse();
            pages.add(ids);
        } while (token != null);

        // THEN the first page is the newest match, not an empty page the filter left of the newest application
        assertThat(pages.get(0)).containsExactly(theirs);
    }

    @Test
    void aFilterTheListDoesNotOffer_isRefused_notIgnored() {
        Answer answer = staff(list()).query("uscc", own).invoke(stack.handler);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("error").path("details").get(0).path("field").asText()).isEqualTo("uscc");
    }

    @Test
    void awsCalls_aSubmissionReadsOnceAndWritesOnce_aReadOrAListIsOneCall() {
        String id = stack.submitted(own);

        stack.counter.reset();
        submit(own).header("idempotency-key", "count-1").invoke(stack.handler);
        List<String> submission = stack.counter.calls();
        stack.counter.reset();
        owner(ApiEvents.sample("get-application.json"), own).path("applicationId", id).invoke(stack.handler);
        List<String> read = stack.counter.calls();
        stack.counter.reset();
        staff(list()).invoke(stack.handler);
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

    @Test
    void priming_readsAnIdNoRecordHas_refusesAnEmptySubmission_andWritesNothing() {
        int before = stack.itemCount();
        new SubmitApplicationHandler(stack.stack.environment("SubmitApplicationFunction")); // registers priming

        Primed primed = Primed.primeAll();

        assertThat(primed.actions()).isGreaterThanOrEqualTo(2);
        assertThat(primed.errors()).isEmpty();
        assertThat(primed.statuses("GET /applications/{applicationId}")).isNotEmpty().containsOnly(404);
        assertThat(primed.statuses("GET /applications")).isNotEmpty().containsOnly(200);
        assertThat(primed.statuses("POST /applications")).isNotEmpty().containsOnly(400);
        assertThat(stack.itemCount()).isEqualTo(before);
    }

    private ApiEvent list() {
        return ApiEvents.sample("list-applications.json").query("status", null).query("county", null);
    }

    private ApiEvent withdrawal(String id) {
        return owner(ApiEvents.sample("withdraw-application.json"), own).path("applicationId", id)
                .header("idempotency-key", null);
    }

    /** {@code call} made {@code times} at once, one thread each; the answers in no particular order. */
    private static List<Answer> atOnce(int times, Callable<Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        List<Answer> replies = new ArrayList<>();
        try {
            for (Future<Answer> future : pool.invokeAll(Collections.nCopies(times, call))) {
                replies.add(future.get());
            }
        } finally {
            pool.shutdown();
        }
        return replies;
    }

    private int openCount(String uscc) {
        Map<String, AttributeValue> item = stack.dynamo.getItem(g -> g.tableName(stack.stack.table())
                .key(Keys.openApplications(uscc)).consistentRead(true)).item();
        return Integer.parseInt(item.get("open").n());
    }

    private Map<String, AttributeValue> item(String id) {
        return stack.dynamo.getItem(g -> g.tableName(stack.stack.table()).key(Keys.application(id))).item();
    }

    private List<String> auditActions(String id) {
        return stack.dynamo.query(q -> q.tableName(stack.stack.table())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :audit)")
                .expressionAttributeValues(Map.of(":pk", Items.s(Keys.applicationPk(id)), ":audit", Items.s("AUDIT#"))))
                .items().stream().map(i -> Items.str(i, "action")).toList();
    }

    private static List<String> ids(Answer reply) {
        assertThat(reply.status()).as(reply.rawBody()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.body().path("items").forEach(i -> ids.add(i.path("applicationId").asText()));
        return ids;
    }
}
