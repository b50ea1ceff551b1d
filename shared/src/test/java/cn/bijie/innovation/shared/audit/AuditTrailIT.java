package cn.bijie.innovation.shared.audit;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.FINANCE;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.documents.Document;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.organization.OrganizationInput;
import cn.bijie.innovation.shared.organization.OrganizationService;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.retry.Retry;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.store.dynamodb.DynamoAuditStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoDocumentStore;
import cn.bijie.innovation.shared.store.dynamodb.DynamoOrganizationStore;
import cn.bijie.innovation.shared.store.dynamodb.Items;
import cn.bijie.innovation.shared.store.dynamodb.Keys;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.testing.TestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit trail against a real table: each record's entries form a hash chain written in the transactions of the
 * changes; a changed, re-hashed or deleted entry is named by the verification; concurrent writers keep one chain.
 */
class AuditTrailIT {
    static final BureauFixture bureau = new BureauFixture();
    final AuditService audit = new AuditService(new DynamoAuditStore(bureau.dynamo, bureau.table), bureau.tokens);

    /** A recognition and its subsidy: two chains, the subsidy's with its creation. */
    String subsidyChain() {
        String uscc = TestData.newUscc();
        bureau.organization(uscc, "520502");
        Certification c = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-A1-" + uscc);
        return Keys.subsidyPk(Subsidy.idFor(c.certificationId()));
    }

    @Test
    void theChangesOfARecord_areListedInOrder_andTheirChainHolds() {
        String uscc = TestData.newUscc();
        bureau.organization(uscc, "520502");
        bureau.openSubsidyWindow();
        Certification c = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-A2-" + uscc);
        String subsidyId = Subsidy.idFor(c.certificationId());
        bureau.openNotice(subsidyId);
        String chain = Keys.subsidyPk(subsidyId);

        Page<AuditView> page = audit.list(SUPERVISOR, chain, "1", null);
        assertThat(page.items()).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(1);
            assertThat(e.action()).isEqualTo("SUBSIDY_CREATED");
            assertThat(e.prevHash()).isEqualTo(AuditChain.GENESIS);
            assertThat(e.before().isNull()).isTrue();
            assertThat(e.after().path("amountYuan").asLong()).isEqualTo(100_000L);
        });
        Page<AuditView> next = audit.list(SUPERVISOR, chain, "10", page.nextToken());
        assertThat(next.items()).singleElement().satisfies(e -> {
            assertThat(e.seq()).isEqualTo(2);
            assertThat(e.action()).isEqualTo("SUBSIDY_ON_NOTICE");
            assertThat(e.actor()).isEqualTo(STAFF.sub());
            assertThat(e.prevHash()).isEqualTo(page.items().get(0).hash());
            assertThat(e.before().path("status").asText()).isEqualTo("AWAITING_NOTICE");
            assertThat(e.after().path("status").asText()).isEqualTo("ON_NOTICE");
        });
        assertThat(audit.verify(STAFF, chain)).isEqualTo(new AuditReport(1, 2, true, List.of()));
    }

    @Test
    void onlyStaffAndSupervisorsReadTheTrail_andTheEntityIsARecordKey() {
        String chain = subsidyChain();
        assertThatThrownBy(() -> audit.list(FINANCE, chain, null, null)).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> audit.verify(BureauFixture.applicant(TestData.newUscc()), chain))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> audit.list(STAFF, null, null, null)).isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> audit.list(STAFF, "SUB#<script>", null, null)).isInstanceOf(ValidationFailed.class);
    }

    @Test
    void anEntryChangedInTheTable_isNamed_evenWhenItsHashIsRecomputed() {
        String chain = subsidyChain();
        Map<String, AttributeValue> first = entry(chain, 1);
        // someone with table access lowers the amount the subsidy was created with
        Map<String, AttributeValue> changed = new java.util.HashMap<>(first);
        changed.put("after", Items.s(Items.str(first, "after").replace("100000", "1000")));
        bureau.dynamo.putItem(p -> p.tableName(bureau.table).item(changed));

        AuditReport report = audit.verify(SUPERVISOR, chain);
        assertThat(report.intact()).isFalse();
        assertThat(report.breaks()).singleElement().satisfies(b -> {
            assertThat(b.chain()).isEqualTo(chain);
            assertThat(b.seq()).isEqualTo(1);
            assertThat(b.problem()).contains("does not match its hash");
        });
        assertThat(audit.verifyAll().breaks()).contains(report.breaks().get(0));

        // and with the entry's own hash recomputed, the head (or the next entry) no longer links to it
        StoredEntry forged = new StoredEntry(chain, 1, Items.str(changed, "actor"), Items.str(changed, "action"),
                Items.str(changed, "at"), Items.str(changed, "before"), Items.str(changed, "after"),
                AuditChain.GENESIS, null);
        changed.put("hash", Items.s(AuditChain.hash(chain, 1, AuditChain.GENESIS, forged.actor(), forged.action(),
                forged.at(), forged.before(), forged.after())));
        bureau.dynamo.putItem(p -> p.tableName(bureau.table).item(changed));
        assertThat(audit.verify(SUPERVISOR, chain).breaks()).singleElement()
                .satisfies(b -> assertThat(b.problem()).contains("head names entry 1"));
    }

    @Test
    void aDeletedEntry_isNamed() {
        String uscc = TestData.newUscc();
        bureau.organization(uscc, "520502");
        bureau.openSubsidyWindow();
        Certification c = bureau.recordAndCalculate(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR-A3-" + uscc);
        String subsidyId = Subsidy.idFor(c.certificationId());
        bureau.openNotice(subsidyId);
        String chain = Keys.subsidyPk(subsidyId);
        bureau.dynamo.deleteItem(d -> d.tableName(bureau.table).key(Keys.key(chain, "AUDIT#000000000001")));

        assertThat(audit.verify(STAFF, chain).breaks()).singleElement().satisfies(b -> {
            assertThat(b.seq()).isEqualTo(1);
            assertThat(b.problem()).contains("entry 1 is missing");
        });
    }

    @Test
    void twentyConcurrentWriters_ofOneRecord_leaveOneUnbrokenChain() throws Exception {
        String applicationId = UUID.randomUUID().toString();
        Document document = new Document("d1", applicationId, TestData.newUscc(), "证书.pdf", "application/pdf", 10,
                null, "CERTIFICATE", Instant.now().toString());
        String chain = Keys.downloadsPk(applicationId);
        int writers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String actor = "staff-" + i;
                // each writer a store (and table writer) of its own, as in separate containers
                DynamoDocumentStore store = new DynamoDocumentStore(bureau.dynamo, bureau.table, bureau.tokens);
                done.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    Retry.unitOfWork(() -> {
                        store.recordDownload(document, actor, Instant.now(), Instant.now().plusSeconds(300));
                        return null;
                    });
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }

        AuditReport report = audit.verify(STAFF, chain);
        assertThat(report).isEqualTo(new AuditReport(1, writers, true, List.of()));
        List<String> actors = new ArrayList<>();
        String next = null;
        do {
            Page<AuditView> page = audit.list(STAFF, chain, "7", next);
            page.items().forEach(e -> actors.add(e.actor()));
            next = page.nextToken();
        } while (next != null);
        assertThat(actors).hasSize(writers).doesNotHaveDuplicates();
    }

    @Test
    void twentyConcurrentProfileChanges_ofOneOrganisation_chainWhatCommitted() throws Exception {
        String uscc = TestData.newUscc();
        OrganizationService organizations = new OrganizationService(
                new DynamoOrganizationStore(bureau.dynamo, bureau.table), Policy::active, bureau.tokens, bureau.clock);
        organizations.put(STAFF, uscc, new OrganizationInput("毕节某科技有限公司", "520502", "NEW_MATERIALS",
                "a@example.com", null));
        int writers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> done = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String name = "毕节某科技有限公司（第 " + i + " 次更名）";
                done.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    try {
                        organizations.put(STAFF, uscc, new OrganizationInput(name, "520502", "NEW_MATERIALS",
                                "a@example.com", null));
                        return true;
                    } catch (Conflict lostTheRace) {
                        return false; // optimistic locking: another change came first (409)
                    }
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        long committed = done.stream().filter(CompletableFuture::join).count();

        assertThat(committed).isPositive();
        assertThat(audit.verify(SUPERVISOR, Keys.organizationPk(uscc)))
                .isEqualTo(new AuditReport(1, 1 + committed, true, List.of()));
    }

    Map<String, AttributeValue> entry(String chain, long seq) {
        return bureau.dynamo.getItem(g -> g.tableName(bureau.table)
                .key(Keys.key(chain, String.format("AUDIT#%012d", seq))).consistentRead(true)).item();
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
