package cn.bijie.innovation.shared.store.dynamodb;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.calculation.SubsidyCalculator;
import cn.bijie.innovation.shared.calendar.WorkingDays;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationInput;
import cn.bijie.innovation.shared.certification.CertificationService;
import cn.bijie.innovation.shared.certification.DecisionInput;
import cn.bijie.innovation.shared.certification.RevocationInput;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.notice.Notice;
import cn.bijie.innovation.shared.notice.NoticeInput;
import cn.bijie.innovation.shared.notice.NoticeService;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyService;
import cn.bijie.innovation.shared.subsidy.DisbursementInput;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyService;
import cn.bijie.innovation.shared.testing.CallCounter;
import cn.bijie.innovation.shared.testing.FourEyes;
import cn.bijie.innovation.shared.testing.TestData;
import cn.bijie.innovation.shared.testing.TestStack;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The certification, subsidy and policy services wired to the test JVM's stack (the table of template.yaml on
 * MiniStack), through a client that counts its calls, with helpers that set up organisations and applications as
 * their modules store them and read counters and subsidies back. The table is shared by the tests of one JVM: each test
 * uses its own organisations ({@link TestData#newUscc()}) and compares counters before and after.
 */
public final class BureauFixture {
    public static final Caller STAFF = new Caller("staff-1", Set.of(Role.STAFF), null, "staff@example.com");
    public static final Caller FINANCE = new Caller("finance-1", Set.of(Role.FINANCE), null, "finance@example.com");
    public static final Caller SUPERVISOR = new Caller("supervisor-1", Set.of(Role.SUPERVISOR), null, null);

    public final TestStack stack = TestStack.shared();
    public final CallCounter calls = new CallCounter();
    public final DynamoDbClient dynamo = stack.dynamoDb(calls);
    public final String table = stack.table();
    public final Policy policy = Policy.active();
    public final Clock clock = Clock.systemUTC();
    public final DynamoCertificationStore certificationStore =
            new DynamoCertificationStore(dynamo, table, policy, clock);
    public final DynamoSubsidyStore subsidyStore = new DynamoSubsidyStore(dynamo, table, policy);
    public final DynamoPolicyParameterStore parameterStore = new DynamoPolicyParameterStore(dynamo, table);
    public final DynamoIndicatorStore indicatorStore = new DynamoIndicatorStore(dynamo, table);
    public final PageToken tokens = new PageToken(TestStack.PAGE_TOKEN_SECRET);
    public final CertificationService certifications =
            new CertificationService(certificationStore, subsidyStore, policy, tokens, clock);
    public final SubsidyService subsidies = new SubsidyService(subsidyStore, tokens, clock);
    public final cn.bijie.innovation.shared.certification.PlatformMerges platformMerges =
            new cn.bijie.innovation.shared.certification.PlatformMerges(certificationStore, subsidyStore,
                    new DynamoPlatformMergeStore(dynamo, table, policy), policy, clock);
    public final PolicyService policyService = new PolicyService(policy, parameterStore, clock);
    public final SubsidyCalculator calculator =
            new SubsidyCalculator(certificationStore, subsidyStore, subsidyStore, parameterStore, policy, clock);
    public final DynamoNoticeStore noticeStore = new DynamoNoticeStore(dynamo, table, policy);
    public final NoticeService notices = new NoticeService(noticeStore, policy, WorkingDays.china(), tokens, clock);

    public static Caller applicant(String uscc) {
        return new Caller("applicant-" + uscc, Set.of(Role.APPLICANT), uscc, "a@example.com");
    }

    public void organization(String uscc, String county) {
        TestData.profile(dynamo, table, uscc, county);
    }

    /** A SUBMITTED application, written by the applications module's store. */
    public String application(String uscc, String kind, String level, boolean renewal, String certificateNo) {
        String id = UUID.randomUUID().toString(); // the shape of an application id: another is a 404 unread
        String submittedAt = clock.instant().toString();
        new DynamoApplicationStore(dynamo, table, policy.reminders().applicationWaitingDays()).create(
                new Application(id, ApplicationStatus.SUBMITTED, submittedAt, uscc, kind, level, renewal,
                        "毕节测试平台", certificateNo, Shanghai.today(clock).minusDays(10).toString(), null,
                        "520502", submittedAt, null, null), policy.openApplicationsPerOrganization().max(), "test")
                .commit(null);
        return id;
    }

    public Certification record(String uscc, String kind, String level, boolean renewal, String certificateNo,
            String issuedOn) {
        return record(uscc, kind, level, renewal, "毕节测试平台", certificateNo, issuedOn);
    }

    /** A recognition of the organisation's platform named {@code platformName}. */
    public Certification record(String uscc, String kind, String level, boolean renewal, String platformName,
            String certificateNo, String issuedOn) {
        var committed = Answers.commit(201, null, () -> certifications.record(STAFF, new CertificationInput(uscc,
                kind, level, renewal, platformName, certificateNo, issuedOn, null, "贵州省科学技术厅", null)));
        return read(committed.bodyJson(), Certification.class);
    }

    /** Records and lets the subsidy function see it, as the stream would. */
    public Certification recordAndCalculate(String uscc, String kind, String level, boolean renewal,
            String certificateNo) {
        Certification c = record(uscc, kind, level, renewal, certificateNo, Shanghai.today(clock).minusDays(5)
                .toString());
        calculator.onCertificationRecorded(c.certificationId());
        return c;
    }

    public Subsidy subsidyOf(String certificationId) {
        return subsidyStore.find(Subsidy.idFor(certificationId)).orElse(null);
    }

    public long counter(String indicatorId) {
        return counter(indicatorId, "actual");
    }

    public long countyCounter(String indicatorId, String county) {
        return counter(indicatorId, IndicatorMapper.COUNTY_PREFIX + county);
    }

    private long counter(String indicatorId, String attribute) {
        Long value = Items.num(item(IndicatorMapper.counterKey("2020", indicatorId)), attribute);
        return value == null ? 0 : value;
    }

    /** One item as stored now, or an empty map. */
    public Map<String, AttributeValue> item(Map<String, AttributeValue> key) {
        var item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
        return item == null ? Map.of() : item;
    }

    /** The DynamoDB calls since the last {@link CallCounter#reset()}, by operation. */
    public Map<String, Integer> callsByOperation() {
        Map<String, Integer> counts = new TreeMap<>();
        calls.operations().forEach(operation -> counts.merge(operation, 1, Integer::sum));
        return counts;
    }

    /** The first day of the subsidy window the tests' money needs (every recognition they record is later). */
    public static final String WINDOW_FROM = "2019-01-01";

    /** Staff set the policy parameters the money needs: the subsidy window's first day (four-eyes). */
    public void openSubsidyWindow() {
        FourEyes.set(policyService, "SUBSIDY_WINDOW_FROM", WINDOW_FROM);
    }

    /** Staff's parameter values of the policy and the proposals to change them, removed: the file's defaults apply. */
    public void resetParameters() {
        for (Policy.Parameter parameter : policy.parameters()) {
            dynamo.deleteItem(r -> r.tableName(table).key(Keys.policyParameter(policy.version(), parameter.name())));
            dynamo.deleteItem(r -> r.tableName(table).key(Keys.policyProposal(policy.version(), parameter.name())));
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** A decision as the edge commits it (no Idempotency-Key). */
    public Committed decide(Caller caller, String applicationId, DecisionInput input) {
        return Answers.commit(200, null, () -> certifications.decide(caller, applicationId, input));
    }

    /** A revocation as the edge commits it (no Idempotency-Key). */
    public Committed revoke(Caller caller, String certificationId, RevocationInput input) {
        return Answers.commit(200, null, () -> certifications.revoke(caller, certificationId, input));
    }

    /** A notice opened by staff as the edge commits it (no Idempotency-Key). */
    public Notice openNotice(String... subsidyIds) {
        return read(Answers.commit(201, null, () -> notices.open(STAFF, new NoticeInput("补助拨付前公示",
                List.of(subsidyIds)))).bodyJson(), Notice.class);
    }

    /**
     * The step every test that pays takes first: the subsidies' public notice opened and passed with no objection
     * (the daily close run on the day after its last working day), so they await payment.
     *
     * @return the day the notice was closed
     */
    public LocalDate passNotice(String... subsidyIds) {
        return closeNotice(openNotice(subsidyIds));
    }

    /** The daily close run on the day after the notice's last working day; that day. */
    public LocalDate closeNotice(Notice notice) {
        LocalDate closedOn = LocalDate.parse(notice.endsOn()).plusDays(1);
        notices.closeEnded(closedOn.atTime(9, 0).atZone(Shanghai.ZONE).toInstant());
        return closedOn;
    }

    /** A disbursement as the edge commits it (no Idempotency-Key). */
    public Committed disburse(Caller caller, String subsidyId, DisbursementInput input) {
        return Answers.commit(200, null, () -> subsidies.disburse(caller, subsidyId, input));
    }
}
