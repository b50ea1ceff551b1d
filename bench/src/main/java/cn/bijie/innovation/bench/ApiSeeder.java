package cn.bijie.innovation.bench;

import cn.bijie.innovation.bench.harness.Harness;
import cn.bijie.innovation.shared.aws.AwsClients;
import cn.bijie.innovation.shared.config.Config;
import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.OrganizationMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Data for the cost measurements. Certifications are recorded through the API ({@code POST /certifications}, the
 * function's own handler in this JVM), so the figures hold for whatever that function writes; the organisations'
 * profiles they need are batch-written in the organisations store's own item layout (25 a call), which keeps seeding
 * thousands of organisations inside the suite's time budget.
 */
public final class ApiSeeder {
    static final int THREADS = 8;

    private final InProcessFunction certifications;
    private final DynamoDbClient dynamo;
    private final String table;

    public ApiSeeder(BenchContext bench) throws Exception {
        this.certifications = bench.inProcess(bench.function("RecordCertificationFunction")
                .orElseThrow(() -> new IllegalStateException("the template has no RecordCertificationFunction")));
        this.dynamo = new AwsClients(new Config(bench.environment("OrganizationsFunction"))).dynamoDb();
        this.table = bench.table();
    }

    /**
     * Organisation {@code i}'s profile and one recognised high-tech enterprise certification expiring on
     * {@code expiresOn}; answers the status of {@code POST /certifications} (409: recorded before, which is fine; 501:
     * the function has not landed yet).
     */
    public int organisationWithCertification(int i, LocalDate expiresOn) throws Exception {
        profiles(i, i + 1);
        return certify(i, expiresOn);
    }

    /**
     * Organisations {@code from..to-1} like {@link #organisationWithCertification}, on {@value #THREADS} threads, until
     * {@code deadline} ({@link System#nanoTime()}).
     *
     * @return how many organisations were recorded, counting from {@code from}
     */
    public int organisationsWithCertifications(int from, int to, IntFunction<LocalDate> expiresOn, long deadline)
            throws Exception {
        profiles(from, to);
        int done = Parallel.forEach(from, to, THREADS, deadline, i -> {
            int status = certify(i, expiresOn.apply(i));
            if (status != 201 && status != 200 && status != 409) {
                throw new IllegalStateException("POST /certifications for organisation " + i + " answered " + status);
            }
        });
        certifications.calls(); // the probe's records of the seeding are not wanted
        return done;
    }

    private int certify(int i, LocalDate expiresOn) throws Exception {
        byte[] request = ApiEvent.of("POST /certifications").caller("bench-staff", null, Role.STAFF)
                .body(BenchData.certification(BenchData.uscc(i), "BENCH-" + i, expiresOn.minusYears(3), expiresOn))
                .toString().getBytes(StandardCharsets.UTF_8);
        return Harness.status(certifications.invoke(request));
    }

    private void profiles(int from, int to) {
        String industry = Policy.active().industries().get(0).code();
        String now = Instant.now().toString();
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Organization organisation = new Organization(BenchData.uscc(i), "基准测试企业 " + i, BenchData.county(i),
                    industry, "bench-" + i + "@example.com", null, now);
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                    .item(OrganizationMapper.item(organisation)).build()).build());
            if (batch.size() == 25 || i == to - 1) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
    }

    private void write(List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> items = pending;
            var response = dynamo.batchWriteItem(r -> r.requestItems(items));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }
}
