package cn.bijie.innovation.shared.indicator;

import static cn.bijie.innovation.shared.store.dynamodb.BureauFixture.STAFF;
import static cn.bijie.innovation.shared.testing.TestData.newUscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.RevocationInput;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.store.dynamodb.BureauFixture;
import cn.bijie.innovation.shared.time.Shanghai;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The counts on a date, from the recognition history against a real table: valid on the day (issued on or before it,
 * its last valid day not before it, not revoked by then), one per platform. The table is shared with other tests, so
 * each test compares the counts before and after its own recognitions.
 */
class IndicatorsAsOfIT {
    static final BureauFixture bureau = new BureauFixture();
    static final IndicatorService service = new IndicatorService(bureau.policy, bureau.indicatorStore, bureau.clock);

    static Map<String, Long> counts(String indicator, List<String> days) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String day : days) {
            counts.put(day, service.report("2020", day).indicators().stream()
                    .filter(p -> p.id().equals(indicator)).findFirst().orElseThrow().actual());
        }
        return counts;
    }

    @Test
    void aHighTechEnterprise_countsFromItsIssueDay_toItsLastValidDay() {
        List<String> days = List.of("2020-02-29", "2020-03-01", "2023-02-28", "2023-03-01");
        Map<String, Long> before = counts("HIGH_TECH_ENTERPRISE", days);
        String uscc = newUscc();
        bureau.organization(uscc, "520502");
        Certification c = bureau.record(uscc, "HIGH_TECH_ENTERPRISE", "NATIONAL", false, "GR2020-" + uscc,
                "2020-03-01");
        assertThat(c.expiresOn()).isEqualTo("2023-02-28");

        Map<String, Long> after = counts("HIGH_TECH_ENTERPRISE", days);

        assertThat(days).extracting(d -> after.get(d) - before.get(d)).containsExactly(0L, 1L, 1L, 0L);
        IndicatorReport report = service.report("2020", "2020-12-31");
        assertThat(report.deadline()).isEqualTo("2020-12-31");
        assertThat(report.asOf()).isEqualTo("2020-12-31");
        assertThat(report.indicators().get(0).unit()).isEqualTo("家");
    }

    @Test
    void twoPlatformsOfOneOrganisation_countTwo_andARevokedOneDropsOutFromItsRevocationDay() {
        String indicator = "PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER";
        String today = Shanghai.today(bureau.clock).toString();
        String yesterday = Shanghai.today(bureau.clock).minusDays(1).toString();
        List<String> days = List.of("2020-05-31", "2020-06-02", yesterday, today);
        Map<String, Long> before = counts(indicator, days);
        String uscc = newUscc();
        bureau.organization(uscc, "520521");
        Certification a = bureau.record(uscc, "ENGINEERING_RESEARCH_CENTER", "PROVINCIAL", false, "毕节 A 中心",
                "ERC-ASOF-" + uscc, "2020-06-01");
        bureau.record(uscc, "TECH_INNOVATION_CENTER", "PROVINCIAL", false, "毕节 B 中心", "TIC-ASOF-" + uscc,
                "2020-06-02");

        Map<String, Long> recorded = counts(indicator, days);
        assertThat(days).extracting(d -> recorded.get(d) - before.get(d)).containsExactly(0L, 2L, 2L, 2L);

        bureau.revoke(STAFF, a.certificationId(), new RevocationInput("撤销"));
        Map<String, Long> revoked = counts(indicator, days);
        assertThat(days).extracting(d -> revoked.get(d) - before.get(d)).containsExactly(0L, 2L, 2L, 1L);
    }

    @Test
    void asOf_isADate() {
        assertThatThrownBy(() -> service.report("2020", "2020-13-01")).isInstanceOf(ValidationFailed.class);
    }
}
