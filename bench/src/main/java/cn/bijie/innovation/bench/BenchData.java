package cn.bijie.innovation.bench;

import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.uscc.Uscc;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies of the API contract for the suite's own organisations, spread over the policy's counties. */
public final class BenchData {
    static final ZoneId BIJIE = ZoneId.of("Asia/Shanghai");

    private BenchData() {}

    /** The {@code i}th benchmark organisation's USCC (a valid check character; {@code 9152…} like Bijie's). */
    public static String uscc(int i) {
        String first17 = "91520500" + String.format("%09d", i);
        return first17 + Uscc.checkCharacter(first17);
    }

    public static String county(int i) {
        var counties = Policy.active().counties();
        return counties.get(i % counties.size()).code();
    }

    /** {@code PUT /organizations/{uscc}} */
    public static String organisation(int i, String name) {
        return Json.write(Map.of("name", name, "county", county(i),
                "industry", Policy.active().industries().get(0).code(), "contactEmail", "bench-" + i + "@example.com"));
    }

    /** {@code POST /applications}: a new high-tech enterprise recognition, issued {@code daysAgo} days ago. */
    public static String application(String uscc, String certificateNo, int daysAgo) {
        return Json.write(recognition(uscc, certificateNo, today().minusDays(daysAgo)));
    }

    /** {@code POST /certifications}: the same recognition recorded by staff, expiring on {@code expiresOn}. */
    public static String certification(String uscc, String certificateNo, LocalDate issuedOn, LocalDate expiresOn) {
        Map<String, Object> body = recognition(uscc, certificateNo, issuedOn);
        body.put("expiresOn", expiresOn.toString());
        return Json.write(body);
    }

    private static Map<String, Object> recognition(String uscc, String certificateNo, LocalDate issuedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uscc", uscc);
        body.put("kind", "HIGH_TECH_ENTERPRISE");
        body.put("level", "NATIONAL");
        body.put("renewal", false);
        body.put("platformName", "基准测试企业 " + uscc);
        body.put("certificateNo", certificateNo);
        body.put("issuedOn", issuedOn.toString());
        return body;
    }

    public static LocalDate today() {
        return LocalDate.now(BIJIE);
    }
}
