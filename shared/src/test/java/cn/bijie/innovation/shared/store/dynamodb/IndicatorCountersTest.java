package cn.bijie.innovation.shared.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.indicator.Holding;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.store.dynamodb.IndicatorCounters.Change;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counters count organisations holding an ACTIVE recognition: the changes a certification makes, from what was read. */
class IndicatorCountersTest {
    static final String USCC = "91520500MA6DKQ5X35";
    final IndicatorCounters counters = new IndicatorCounters(Policy.active());

    static Certification cert(String id, String kind, String level) {
        return new Certification(id, USCC, kind, level, false, "平台", "NO-" + id, "2026-01-01", null,
                CertificationStatus.ACTIVE, true, null, null, null, "2026-01-01T00:00:00Z", null, null, null, null, null, null);
    }

    static Holding holding(String indicatorId, String... certs) {
        return new Holding(USCC, "2020", indicatorId, "520502", Set.of(certs), null);
    }

    @Test
    void activate_countsTheOrganisation_whenItHoldsNothingYet() {
        List<Change> changes = counters.activate(List.of(), cert("c1", "HIGH_TECH_ENTERPRISE", "NATIONAL"), "520521");

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.indicatorId()).isEqualTo("HIGH_TECH_ENTERPRISE");
            assertThat(change.period()).isEqualTo("2020");
            assertThat(change.counterDelta()).isEqualTo(1);
            assertThat(change.county()).isEqualTo("520521");
            assertThat(change.seen()).isEmpty();
        });
    }

    @Test
    void activate_doesNotCountTwice_whenTheOrganisationHoldsAnotherOfTheKind() {
        // a renewal recorded while the previous term is still active
        List<Change> changes = counters.activate(List.of(holding("HIGH_TECH_ENTERPRISE", "c1")),
                cert("c2", "HIGH_TECH_ENTERPRISE", "NATIONAL"), "520502");

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.counterDelta()).isZero();
            assertThat(change.seen()).containsExactly("c1");
        });
    }

    @Test
    void activate_changesNothing_whenTheCertificationIsCountedAlready() {
        assertThat(counters.activate(List.of(holding("HIGH_TECH_ENTERPRISE", "c1")),
                cert("c1", "HIGH_TECH_ENTERPRISE", "NATIONAL"), "520502")).isEmpty();
    }

    @Test
    void activate_changesNothing_forARecognitionNoIndicatorCounts() {
        assertThat(counters.activate(List.of(), cert("c1", "KEY_LABORATORY", "MUNICIPAL"), "520502")).isEmpty();
    }

    @Test
    void activate_countsBothKinds_ofTheEngineeringOrInnovationCentreIndicator() {
        List<Change> changes = counters.activate(List.of(holding("PROVINCIAL_ENGINEERING_OR_INNOVATION_CENTER", "c1")),
                cert("c2", "TECH_INNOVATION_CENTER", "PROVINCIAL"), "520502");

        assertThat(changes).singleElement().extracting(Change::counterDelta).isEqualTo(0);
    }

    @Test
    void deactivate_uncounts_whenTheLastCertificationGoes() {
        List<Change> changes = counters.deactivate(List.of(holding("HIGH_TECH_ENTERPRISE", "c1")), "c1");

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.add()).isFalse();
            assertThat(change.counterDelta()).isEqualTo(-1);
            assertThat(change.county()).as("the county it was counted in").isEqualTo("520502");
        });
    }

    @Test
    void deactivate_keepsTheCount_whileAnotherCertificationRemains() {
        List<Change> changes = counters.deactivate(List.of(holding("HIGH_TECH_ENTERPRISE", "c1", "c2")), "c1");

        assertThat(changes).singleElement().extracting(Change::counterDelta).isEqualTo(0);
    }

    @Test
    void deactivate_changesNothing_forACertificationNotCounted() {
        assertThat(counters.deactivate(List.of(holding("HIGH_TECH_ENTERPRISE", "c2")), "c1")).isEmpty();
    }
}
