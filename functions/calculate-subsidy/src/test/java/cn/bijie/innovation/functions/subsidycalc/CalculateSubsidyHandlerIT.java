package cn.bijie.innovation.functions.subsidycalc;

import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.MergeInput;
import cn.bijie.innovation.shared.http.Answers;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.testing.FourEyes;
import cn.bijie.innovation.shared.testing.Primed;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import cn.bijie.innovation.shared.testing.StreamRecords;
import cn.bijie.innovation.shared.testing.TestStack;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
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

/**
 * The subsidy function fed DynamoDB stream events against MiniStack: one subsidy per recognition whatever the stream
 * does — the same batch again and again, deliveries racing, a poisoned record among good ones.
 */
class CalculateSubsidyHandlerIT {
    static final BureauFixture bureau = new BureauFixture();
    static final CalculateSubsidyHandler handler = new CalculateSubsidyHandler(bureau.calculator);

    @BeforeEach
    void money() {
        bureau.openSubsidyWindow();
    }

    static List<String> deliver(CalculateSubsidyHandler to, String event) {
        return StreamRecords.deliver(to, event);
    }

    @Test
    void theSampleEvent_deliveredFiveTimes_yieldsOneSubsidyOf100000() throws IOException {
        // GIVEN the certification of events/calculate-subsidy-certification.json, recorded
        String event = Files.readString(ProjectRoot.path().resolve("events/calculate-subsidy-certification.json"));
        String certificationId = Json.tree(event).at("/Records/0/dynamodb/NewImage/certificationId/S").asText();
        if (bureau.certificationStore.find(certificationId).isEmpty()) {
            bureau.organization("91520500MA6DKQ5X35", "520502");
            Certification c = bureau.record("91520500MA6DKQ5X35", "HIGH_TECH_ENTERPRISE", "NATIONAL", false,
                    "GR202652000101", "2026-11-02");
            assertThat(c.certificationId()).isEqualTo(certificationId);
        }

        // WHEN the stream delivers it five times
        for (int i = 0; i < 5; i++) {
            assertThat(deliver(handler, event)).isEmpty();
        }

        // THEN one subsidy, written once
        Subsidy subsidy = bureau.subsidyOf(certificationId);
        assertThat(subsidy.amountYuan()).isEqualTo(100_000L);
        assertThat(subsidy.status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
        assertThat(auditActions(subsidy.subsidyId())).containsExactly("SUBSIDY_CREATED");
    }

    @Test
    void theSameBatch_deliveredFiveTimes_yieldsOneSubsidyPerRecognition() {
        List<Certification> certifications = certifications(4);
        String batch = StreamRecords.batch(certifications.stream().map(CalculateSubsidyHandlerIT::insertOf)
                .toList());

        for (int i = 0; i < 5; i++) {
            assertThat(deliver(handler, batch)).as("delivery " + (i + 1)).isEmpty();
        }

        assertOneSubsidyEach(certifications);
    }

    @Test
    void twentyConcurrentDeliveries_yieldOneSubsidyPerRecognition() throws Exception {
        List<Certification> certifications = certifications(3);
        String batch = StreamRecords.batch(certifications.stream().map(CalculateSubsidyHandlerIT::insertOf)
                .toList());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> failed = new ArrayList<>();
        try {
            List<Callable<List<String>>> deliveries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                deliveries.add(() -> deliver(handler, batch));
            }
            for (Future<List<String>> delivery : pool.invokeAll(deliveries)) {
                failed.addAll(delivery.get());
            }
        } finally {
            pool.shutdown();
        }
        // Lambda retries a reported record; the retry changes nothing more
        if (!failed.isEmpty()) {
            assertThat(deliver(handler, batch)).isEmpty();
        }

        assertOneSubsidyEach(certifications);
    }

    @Test
    void aPoisonedRecord_isReported_whileTheOthersOfTheBatchGetTheirSubsidies() {
        List<Certification> certifications = certifications(2);
        ObjectNode poisoned = insertOf(certifications.get(0));
        ((ObjectNode) poisoned.path("dynamodb").path("NewImage")).remove("certificationId");
        String poisonedSequence = poisoned.path("dynamodb").path("SequenceNumber").asText();
        ObjectNode good = insertOf(certifications.get(1));

        List<String> failed = deliver(handler, StreamRecords.batch(List.of(poisoned, good)));

        assertThat(failed).containsExactly(poisonedSequence);
        assertThat(bureau.subsidyOf(certifications.get(1).certificationId())).isNotNull();
        assertThat(bureau.subsidyOf(certifications.get(0).certificationId())).isNull();
    }

    @Test
    void aParameterRecord_movesTheRenewalsThatWaitedForIt() {
        bureau.resetParameters();
        bureau.openSubsidyWindow();
        String uscc = newUscc();
        bureau.organization(uscc, "520527");
        bureau.record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-RN-S0", "2023-10-30");
        Certification renewal = bureau.record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", true, "GR-RN-S1",
                "2026-11-03");
        deliver(handler, StreamRecords.batch(List.of(insertOf(renewal))));
        assertThat(bureau.subsidyOf(renewal.certificationId()).status()).isEqualTo(SubsidyStatus.PENDING_AMOUNT);

        FourEyes.set(bureau.policyService, "HIGH_TECH_ENTERPRISE_RENEWAL_YUAN", 80_000);
        var parameter = bureau.item(Keys.policyParameter("BJ-2019", "HIGH_TECH_ENTERPRISE_RENEWAL_YUAN"));
        assertThat(deliver(handler, StreamRecords.batch(List.of(StreamRecords.insert(parameter))))).isEmpty();

        Subsidy moved = bureau.subsidyOf(renewal.certificationId());
        assertThat(moved.status()).isEqualTo(SubsidyStatus.AWAITING_NOTICE);
        assertThat(moved.amountYuan()).isEqualTo(80_000L);
        bureau.resetParameters();
    }

    @Test
    void aCertificationAMergeMoved_recalculatesTheKeptPlatform_aNationalOneBecomesAnUpgrade() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        Certification provincial = bureau.record(uscc, "KEY_LABORATORY", "PROVINCIAL", false, "毕节甲实验室",
                "KL-MP-" + uscc, "2025-03-01");
        Certification national = bureau.record(uscc, "KEY_LABORATORY", "NATIONAL", false, "毕节乙实验室",
                "KL-MN-" + uscc, "2025-09-01");
        deliver(handler, StreamRecords.batch(List.of(insertOf(provincial), insertOf(national))));
        assertThat(bureau.subsidyOf(national.certificationId()).classification()).isEqualTo("NEW");
        var before = bureau.item(Keys.certification(national.certificationId()));
        Answers.commit(200, null, () -> bureau.platformMerges.merge(BureauFixture.STAFF, uscc,
                national.platformId(), new MergeInput(provincial.platformId(), "同一实验室")));
        ObjectNode modify = StreamRecords.modify(before, bureau.item(Keys.certification(national.certificationId())));

        assertThat(deliver(handler, StreamRecords.batch(List.of(modify)))).isEmpty();

        Subsidy upgrade = bureau.subsidyOf(national.certificationId());
        assertThat(upgrade.classification()).isEqualTo("UPGRADE");
        assertThat(upgrade.platformId()).isEqualTo(provincial.platformId());
    }

    @Test
    void recordsOfOtherItems_areIgnored() {
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        var profile = bureau.item(Keys.organization(uscc));

        assertThat(deliver(handler, StreamRecords.batch(List.of(StreamRecords.insert(profile))))).isEmpty();
    }

    @Test
    void theRuntimeWiring_handlesTheSampleEvent() throws IOException {
        String event = Files.readString(ProjectRoot.path().resolve("events/calculate-subsidy-certification.json"));

        var environment = TestStack.shared().environment("CalculateSubsidyFunction");
        assertThat(deliver(new CalculateSubsidyHandler(environment), event)).isEmpty();
    }

    @Test
    void priming_parsesARecordItIgnores_readsAKeyNoItemHas_andWritesNothing() {
        int before = bureau.stack.countItems(bureau.dynamo);
        // the runtime's wiring registers the SnapStart priming
        new CalculateSubsidyHandler(TestStack.shared().environment("CalculateSubsidyFunction"));

        Primed primed = Primed.primeAll();

        assertThat(primed.actions()).isGreaterThanOrEqualTo(3);
        assertThat(primed.errors()).isEmpty();
        assertThat(bureau.stack.countItems(bureau.dynamo)).isEqualTo(before);
    }

    static List<Certification> certifications(int count) {
        List<Certification> certifications = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String uscc = newUscc();
            bureau.organization(uscc, "520502");
            certifications.add(bureau.record(uscc, i % 2 == 0 ? "HIGH_TECH_ENTERPRISE" : "KEY_LABORATORY",
                    i % 2 == 0 ? "NATIONAL" : "PROVINCIAL", false, "NO-" + i + "-" + uscc, "2026-11-01"));
        }
        return certifications;
    }

    static void assertOneSubsidyEach(List<Certification> certifications) {
        for (Certification c : certifications) {
            Subsidy subsidy = bureau.subsidyOf(c.certificationId());
            assertThat(subsidy).as(c.certificationId()).isNotNull();
            assertThat(auditActions(subsidy.subsidyId())).as("written once").containsExactly("SUBSIDY_CREATED");
            var byOrganization = bureau.subsidies.list(BureauFixture.applicant(c.uscc()), null, null, null, null);
            assertThat(byOrganization.items()).hasSize(1);
        }
    }

    static List<String> auditActions(String subsidyId) {
        return bureau.dynamo.query(q -> q.tableName(bureau.table)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :a)")
                        .expressionAttributeValues(Map.of(":pk", Items.s(Keys.subsidyPk(subsidyId)),
                                ":a", Items.s("AUDIT#"))))
                .items().stream().map(i -> Items.str(i, "action")).toList();
    }

    static ObjectNode insertOf(Certification c) {
        return StreamRecords.insert(bureau.item(Keys.certification(c.certificationId())));
    }
}
