package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.local.support.Await;
import cn.bijie.innovation.e2e.LocalApi.Reply;
import cn.bijie.innovation.shared.testing.MiniStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Broken dependencies, each on a MiniStack and a runner of the test's own: the emulator stopped in the middle of a run
 * of submissions (and started again), S3 alone unreachable, the runner (and with it the subsidy stream poller) stopped
 * in the middle of a stream of certifications.
 */
class FaultsIT {
    static final String UNAVAILABLE_MESSAGE =
            "服务暂时不可用，请稍后重试 (a dependency is unavailable; nothing was changed, retry later)";

    @Test
    void emulatorStoppedMidRun_failsWith503_leavesNothingHalfWritten_andTheSameKeysThenSucceedOnce()
            throws IOException {
        Path state = Files.createTempDirectory("ministack-state-");
        // PERSIST_STATE: MiniStack saves its tables when stopped and loads them when it starts again, as a real
        // table outlives an outage; its stream records are not kept, so this test looks at the table only.
        Map<String, String> persist = Map.of("PERSIST_STATE", "1", "STATE_DIR", state.toString());
        int port = MiniStack.freePort();
        MiniStack miniStack = MiniStack.start(port, persist);
        LocalApi runner = LocalApi.start(miniStack);
        try {
            ContractedApi api = new ContractedApi(runner);
            Bureau bureau = new Bureau(api);
            // three organisations: one may have 10 applications open at once (openApplicationsPerOrganization)
            List<String> usccs = List.of(bureau.organization(), bureau.organization(), bureau.organization());
            int total = 30;
            int beforeStop = 12;
            Map<String, String> bodies = new LinkedHashMap<>();
            Map<String, String> tokens = new LinkedHashMap<>();
            for (int i = 0; i < total; i++) {
                String uscc = usccs.get(i % usccs.size());
                bodies.put("fault-run-" + i, Bureau.applicationBody(uscc));
                tokens.put("fault-run-" + i, bureau.applicant(uscc));
            }
            List<String> keys = new ArrayList<>(bodies.keySet());

            // GIVEN a run of submissions, the emulator stopped after the first 12
            Map<String, Reply> first = new LinkedHashMap<>();
            for (int i = 0; i < total; i++) {
                if (i == beforeStop) {
                    miniStack.stop();
                }
                String key = keys.get(i);
                first.put(key, api.call("POST", "/applications", tokens.get(key), bodies.get(key), "Idempotency-Key",
                        key));
            }

            // THEN the ones after it fail with 503 UNAVAILABLE, readable and without internals
            List<Reply> failed = first.values().stream().filter(r -> r.status() != 201).toList();
            assertThat(failed).hasSize(total - beforeStop);
            assertThat(failed).allSatisfy(r -> {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.errorCode()).isEqualTo("UNAVAILABLE");
                assertThat(r.json().path("error").path("message").asText()).isEqualTo(UNAVAILABLE_MESSAGE);
            });

            // WHEN the emulator is back (with its table as it was at the stop)
            miniStack = MiniStack.start(port, persist);
            awaitHealthy(runner);
            TableItems afterOutage = TableItems.read(miniStack);
            List<String> applicationsAfterOutage = applicationIds(afterOutage, usccs);

            // THEN nothing is half-written: the acknowledged ones are there whole, the failed ones not at all
            assertThat(afterOutage.partialRecords()).isEmpty();
            Set<String> acknowledged = new HashSet<>();
            first.values().stream().filter(r -> r.status() == 201)
                    .forEach(r -> acknowledged.add(r.json().path("applicationId").asText()));
            assertThat(applicationsAfterOutage).containsExactlyInAnyOrderElementsOf(acknowledged);

            // AND the same requests with their keys succeed, each exactly once
            Map<String, Reply> again = new LinkedHashMap<>();
            for (String key : keys) {
                again.put(key, api.call("POST", "/applications", tokens.get(key), bodies.get(key), "Idempotency-Key",
                        key));
            }
            assertThat(again.values()).extracting(Reply::status).containsOnly(201);
            for (String key : keys) {
                if (first.get(key).status() == 201) {
                    assertThat(again.get(key).body()).as("the first answer, replayed").isEqualTo(first.get(key).body());
                }
            }
            TableItems after = TableItems.read(miniStack);
            assertThat(applicationIds(after, usccs)).hasSize(total).doesNotHaveDuplicates();
            assertThat(after.partialRecords()).isEmpty();
            api.assertConforms();
        } finally {
            runner.stop();
            miniStack.stop();
        }
    }

    @Test
    void s3Unreachable_documentReadsFailWith503_andEverythingElseKeepsWorking() {
        MiniStack miniStack = MiniStack.start();
        // the SDK's own service-specific endpoint setting: S3 alone goes to a port where nothing listens
        LocalApi runner = LocalApi.start(miniStack,
                Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + MiniStack.freePort()));
        try {
            ContractedApi api = new ContractedApi(runner);
            Bureau bureau = new Bureau(api);
            String uscc = bureau.organization();
            String token = bureau.applicant(uscc);
            String applicationId = bureau.submittedApplication(uscc);
            // declaring a document only signs a URL (no call to S3): it still works, the upload itself cannot
            Reply declared = api.call("POST", "/applications/" + applicationId + "/documents", token,
                    Bureau.documentBody());
            assertThat(declared.status()).isEqualTo(201);
            String documentId = declared.json().path("documentId").asText();

            Reply list = api.call("GET", "/applications/" + applicationId + "/documents", token, null);
            Reply download = api.call("GET", "/applications/" + applicationId + "/documents/" + documentId, token,
                    null);

            for (Reply reply : List.of(list, download)) {
                assertThat(reply.status()).as(reply.body()).isEqualTo(503);
                assertThat(reply.errorCode()).isEqualTo("UNAVAILABLE");
                assertThat(reply.json().path("error").path("message").asText()).isEqualTo(UNAVAILABLE_MESSAGE);
            }
            assertThat(api.call("GET", "/applications/" + applicationId, token, null).status()).isEqualTo(200);
            assertThat(api.call("POST", "/applications", token, Bureau.applicationBody(uscc)).status())
                    .isEqualTo(201);
            assertThat(api.call("GET", "/organizations/" + uscc, token, null).status()).isEqualTo(200);
            assertThat(api.call("GET", "/policy", null, null).status()).isEqualTo(200);
            assertThat(api.call("GET", "/indicators", null, null).status()).isEqualTo(200);
            assertThat(bureau.certification(uscc)).isNotBlank();
            assertThat(TableItems.read(miniStack).partialRecords()).isEmpty();
            api.assertConforms();
        } finally {
            runner.stop();
            miniStack.stop();
        }
    }

    @Test
    void subsidyPoller_stoppedMidStream_resumesWithoutLosingOrDoublingASubsidy() {
        MiniStack miniStack = MiniStack.start();
        LocalApi first = LocalApi.start(miniStack);
        LocalApi second = null;
        try {
            ContractedApi api = new ContractedApi(first);
            Bureau bureau = new Bureau(api);
            String uscc = bureau.organization();
            int count = 25;
            Set<String> certifications = new HashSet<>();

            // GIVEN certifications recorded while the poller turns them into subsidies, and the runner stopped
            // right after the last one, before it could deliver everything
            for (int i = 0; i < count; i++) {
                certifications.add(bureau.certification(uscc));
            }
            first.stop();
            int beforeRestart = TableItems.read(miniStack).ofType("SUBSIDY").size();

            // WHEN a new runner starts (its poller reads the stream from the trim horizon again)
            second = LocalApi.start(miniStack);
            // the drain's "failed" also counts the mail readers of the same stream: a mail the stopped runner had
            // claimed is left to its 5-minute lease and reported failed meanwhile (RELIABILITY.md), so the
            // subsidies below are the measure here, not that count
            second.drainStreams();

            // THEN every certification has exactly one subsidy, complete and audited (the subsidy reader lost and doubled nothing)
            TableItems table = TableItems.read(miniStack);
            List<String> subsidyOf = table.ofType("SUBSIDY").stream()
                    .map(i -> TableItems.s(i, "certificationId")).toList();
            System.out.println("stream poller restart: " + beforeRestart + " of " + count
                    + " subsidies written before the stop, " + subsidyOf.size() + " after");
            assertThat(subsidyOf).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(certifications);
            assertThat(table.ofType("SUBSIDY")).allSatisfy(s -> assertThat(s.get("amountYuan").n()).isEqualTo("500000"));
            assertThat(table.partialRecords()).isEmpty();
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
            miniStack.stop();
        }
    }

    /** The runner answers health again once the emulator does. */
    static void awaitHealthy(LocalApi runner) {
        try {
            if (!Await.until(Duration.ofSeconds(60), Duration.ofMillis(200), runner::healthy)) {
                throw new IllegalStateException("the runner did not see the emulator again within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> applicationIds(TableItems table, List<String> usccs) {
        return table.ofType("APPLICATION").stream().filter(i -> usccs.contains(TableItems.s(i, "uscc")))
                .map(i -> TableItems.s(i, "applicationId")).toList();
    }
}
