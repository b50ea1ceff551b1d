package cn.bijie.innovation.bench;

import cn.bijie.innovation.bench.harness.Harness;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.Role;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Data for the cost measurements, written through the API contract (the functions' own handlers, in this JVM), never
 * into the table directly: the figures then hold for whatever the functions write.
 */
public final class ApiSeeder {
    static final int THREADS = 4;

    private final InProcessFunction organizations;
    private final InProcessFunction certifications;

    public ApiSeeder(BenchContext bench) throws Exception {
        this.organizations = bench.inProcess(require(bench, "OrganizationsFunction"));
        this.certifications = bench.inProcess(require(bench, "RecordCertificationFunction"));
    }

    /**
     * Organisation {@code i} with a profile and one recognised high-tech enterprise certification expiring on
     * {@code expiresOn}; answers the status of {@code POST /certifications} (409: recorded before, which is fine;
     * 501: the function has not landed yet).
     */
    public int organisationWithCertification(int i, LocalDate expiresOn) throws Exception {
        String uscc = BenchData.uscc(i);
        send(organizations, ApiEvent.of("PUT /organizations/{uscc}").path("uscc", uscc)
                .body(BenchData.organisation(i, "基准测试企业 " + i)));
        return send(certifications, ApiEvent.of("POST /certifications")
                .body(BenchData.certification(uscc, "BENCH-" + i, expiresOn.minusYears(3), expiresOn)));
    }

    /**
     * Organisations {@code from..to-1}, each with a profile and one recognised high-tech enterprise certification
     * expiring on {@code expiresOn.apply(i)}.
     */
    public void organisationsWithCertifications(int from, int to, IntFunction<LocalDate> expiresOn) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = from + t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < to; i += THREADS) {
                        int status = organisationWithCertification(i, expiresOn.apply(i));
                        if (status != 201 && status != 200 && status != 409) {
                            throw new IllegalStateException("POST /certifications for organisation " + i
                                    + " answered " + status);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } finally {
            pool.shutdownNow();
        }
        organizations.calls();
        certifications.calls();
    }

    private static int send(InProcessFunction function, ApiEvent event) throws Exception {
        byte[] request = event.caller("bench-staff", null, Role.STAFF).toString().getBytes(StandardCharsets.UTF_8);
        return Harness.status(function.invoke(request));
    }

    static FunctionUnderTest require(BenchContext bench, String logicalId) {
        return bench.function(logicalId)
                .orElseThrow(() -> new IllegalStateException("the template has no " + logicalId));
    }
}
