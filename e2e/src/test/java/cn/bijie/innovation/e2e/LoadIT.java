package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 2,000 mixed requests — submissions, document declarations, staff decisions and certifications, reads and lists of
 * every kind, public pages — from 16 callers at once through the local runner: no error, and every write that was
 * acknowledged is in the table, once.
 */
class LoadIT {
    static final int WORKERS = 16;
    static final int REQUESTS = 2_000;

    /** What one worker acknowledged, by kind of write. */
    record Acknowledged(List<String> applications, List<String> documents, List<String> returned,
            List<String> certifications) {
        static Acknowledged empty() {
            return new Acknowledged(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    @Test
    void twoThousandMixedRequests_at16AtOnce_allSucceed_andEveryAcknowledgedWriteIsStored() throws Exception {
        ContractedApi api = new ContractedApi(HardeningStack.api());
        Bureau bureau = new Bureau(api);
        List<String> organizations = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            organizations.add(bureau.organization());
            bureau.applicant(organizations.get(w));
        }
        bureau.staff();
        AtomicInteger sent = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        for (String uscc : organizations) {
            workers.add(pool.submit(() -> acknowledged.put(uscc, work(api, bureau, uscc, sent, latencies))));
        }
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        api.api().drainStreams();

        // THEN no error of any kind, and every answer one that openapi.yaml documents
        assertThat(sent.get()).isEqualTo(REQUESTS);
        assertThat(api.statuses().keySet()).allMatch(status -> status < 300);
        api.assertConforms();

        // AND the table holds exactly what was acknowledged
        TableItems table = TableItems.read(api.api().miniStack());
        for (String uscc : organizations) {
            Acknowledged ack = acknowledged.get(uscc);
            assertThat(ids(table, "APPLICATION", uscc, "applicationId"))
                    .containsExactlyInAnyOrderElementsOf(ack.applications());
            assertThat(ids(table, "DOCUMENT", uscc, "documentId")).containsExactlyInAnyOrderElementsOf(ack.documents());
            assertThat(table.ofType("APPLICATION").stream().filter(i -> uscc.equals(TableItems.s(i, "uscc"))
                    && "RETURNED".equals(TableItems.s(i, "status"))).map(i -> TableItems.s(i, "applicationId")))
                    .containsExactlyInAnyOrderElementsOf(ack.returned());
            assertThat(ids(table, "CERTIFICATION", uscc, "certificationId"))
                    .containsExactlyInAnyOrderElementsOf(ack.certifications());
            assertThat(ids(table, "SUBSIDY", uscc, "certificationId"))
                    .containsExactlyInAnyOrderElementsOf(ack.certifications());
        }
        assertThat(table.partialRecords()).isEmpty();

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("load: %d requests, %d at once, %.1f s, %.0f requests/s, p50 %d ms, p95 %d ms, p99 %d ms,"
                        + " statuses %s%n", REQUESTS, WORKERS, seconds, REQUESTS / seconds, percentile(sorted, 50),
                percentile(sorted, 95), percentile(sorted, 99), api.statuses());
    }

    /** One caller's share: a cycle of ten requests, writes and reads mixed, until its share is sent. */
    static Acknowledged work(ContractedApi api, Bureau bureau, String uscc, AtomicInteger sent, List<Long> latencies) {
        Acknowledged ack = Acknowledged.empty();
        String applicant = bureau.applicant(uscc);
        String staff = bureau.staff();
        String application = null;
        for (int i = 0; i < REQUESTS / WORKERS; i++) {
            long t = System.nanoTime();
            Reply reply = switch (i % 10) {
                case 0 -> api.call("POST", "/applications", applicant, Bureau.applicationBody(uscc),
                        "Idempotency-Key", "load-" + uscc + "-" + i);
                case 1 -> api.call("GET", "/applications/" + application, applicant, null);
                case 2 -> api.call("POST", "/applications/" + application + "/documents", applicant,
                        Bureau.documentBody());
                case 3 -> api.call("GET", "/applications?limit=20", applicant, null);
                case 4 -> api.call("GET", "/policy", null, null);
                case 5 -> api.call("POST", "/certifications", staff, Bureau.certificationBody(uscc));
                case 6 -> api.call("GET", "/certifications?uscc=" + uscc, applicant, null);
                // every other decision a rejection: a returned application stays open, and an organisation may
                // have 10 open at once (openApplicationsPerOrganization)
                case 7 -> api.call("POST", "/applications/" + application + "/decision", staff, returns(i)
                        ? "{\"outcome\":\"RETURNED\",\"reason\":\"请补充材料\"}"
                        : "{\"outcome\":\"REJECTED\",\"reason\":\"不符合条件\"}");
                case 8 -> api.call("GET", "/indicators", null, null);
                default -> api.call("GET", "/subsidies?uscc=" + uscc, applicant, null);
            };
            latencies.add((System.nanoTime() - t) / 1_000_000);
            sent.incrementAndGet();
            if (reply.status() >= 300) {
                continue; // counted in the statuses; the assertion names it
            }
            switch (i % 10) {
                case 0 -> {
                    application = reply.json().path("applicationId").asText();
                    ack.applications().add(application);
                }
                case 2 -> ack.documents().add(reply.json().path("documentId").asText());
                case 5 -> ack.certifications().add(reply.json().path("certificationId").asText());
                case 7 -> {
                    if (returns(i)) {
                        ack.returned().add(application);
                    }
                }
                default -> { }
            }
        }
        return ack;
    }

    /** Whether the cycle of request {@code i} returns its application (the other cycles reject theirs). */
    static boolean returns(int i) {
        return i / 10 % 2 == 1;
    }

    static List<String> ids(TableItems table, String type, String uscc, String attribute) {
        return table.ofType(type).stream().filter(i -> uscc.equals(TableItems.s(i, "uscc")))
                .map(i -> TableItems.s(i, attribute)).toList();
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
