package cn.bijie.innovation.shared.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The counter moves of one transaction: netted per row, so no row is written twice in it, and none moved by 0. */
class StatisticsCountersTest {

    @Test
    void aTierChange_movesOnlyTheTierRows() {
        var tx = new WriteTransaction("t");
        new StatisticsCounters.Moves().organizationMoved(new StatisticsCounters.Place("520502", "OTHER", null),
                new StatisticsCounters.Place("520502", "OTHER", "SEED")).into(tx);

        assertThat(tx.items()).extracting(i -> i.update().key().get("SK").s())
                .containsExactlyInAnyOrder("TIER#NONE", "TIER#SEED");
        assertThat(tx.items()).allSatisfy(i -> assertThat(i.update().updateExpression()).startsWith("ADD #a0 :a0 SET"));
    }

    @Test
    void aNewOrganisation_countsInEveryRowOfItsPlace_onceEach() {
        var tx = new WriteTransaction("t");
        new StatisticsCounters.Moves().organizationMoved(null, new StatisticsCounters.Place("520521", "BIOMEDICINE",
                null)).poolEntered(new StatisticsCounters.Place("520521", "BIOMEDICINE", null)).into(tx);

        assertThat(tx.items()).extracting(i -> i.update().key().get("SK").s())
                .containsExactly("ALL#ALL", "COUNTY#520521", "INDUSTRY#BIOMEDICINE", "TIER#NONE");
        assertThat(tx.items()).allSatisfy(i -> assertThat(i.update().expressionAttributeValues())
                .containsKeys(":a0", ":a1"));
    }

    @Test
    void anOrganisationWithoutAProfile_countsInTheRowOfAllOnly() {
        var tx = new WriteTransaction("t");
        new StatisticsCounters.Moves().recognised(StatisticsCounters.Place.unknown(), "HIGH_TECH_ENTERPRISE").into(tx);

        assertThat(tx.items()).singleElement().satisfies(i -> {
            assertThat(i.update().key().get("SK").s()).isEqualTo("ALL#ALL");
            assertThat(i.update().expressionAttributeNames()).containsValue("recognitions#HIGH_TECH_ENTERPRISE");
        });
    }
}
