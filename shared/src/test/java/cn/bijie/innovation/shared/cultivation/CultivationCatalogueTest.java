package cn.bijie.innovation.shared.cultivation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.policy.Policy;
import org.junit.jupiter.api.Test;

/** The cultivation data beside the policy: it names what the bureau records, and the policy knows its codes. */
class CultivationCatalogueTest {
    final CultivationCatalogue catalogue = CultivationCatalogue.active();

    @Test
    void theConvertingKind_isAKindOfThePolicy_thatCountsTowardAnIndicator() {
        Policy policy = Policy.active();

        assertThat(policy.kind(catalogue.conversionKind())).isPresent();
        assertThat(policy.targetPeriods().get(0).indicators()).anySatisfy(i -> assertThat(i.counts())
                .anySatisfy(c -> assertThat(c.kind()).isEqualTo(catalogue.conversionKind())));
    }

    @Test
    void theChecklist_isTheNationalMeasuresEightConditions_withItsSource() {
        assertThat(catalogue.checklist().items()).hasSize(8);
        assertThat(catalogue.checklist().source()).contains("国科发火〔2016〕32号");
    }

    @Test
    void everyCriterion_hasAKnownType() {
        assertThat(catalogue.criteria()).extracting(CultivationCatalogue.Criterion::type)
                .allMatch(t -> t.equals("INDUSTRY") || t.equals("GROWTH_TIER") || t.equals("PERCENT")
                        || t.equals("COUNT"));
    }
}
