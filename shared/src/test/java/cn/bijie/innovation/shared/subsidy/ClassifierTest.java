package cn.bijie.innovation.shared.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.policy.StoredParameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classification as a table: every kind family × level sequence × upgrade mode × window → what each recognition
 * of one platform earns, in order. A step reads {@code CLASSIFICATION:STATUS[:AMOUNT]}, or {@code -} when the policy
 * funds no such recognition (no subsidy record).
 */
class ClassifierTest {
    static final Policy POLICY = Policy.active();
    static final Classifier CLASSIFIER = new Classifier(POLICY);

    /** A family's kinds in the order a sequence uses them (the centre family changes kind on the way up). */
    static final Map<String, List<String>> FAMILIES = Map.of(
            "KEY_LABORATORY", List.of("KEY_LABORATORY", "KEY_LABORATORY"),
            "INNOVATION_OR_ENGINEERING_CENTER", List.of("ENGINEERING_RESEARCH_CENTER", "TECH_INNOVATION_CENTER"),
            "MAKERSPACE", List.of("MAKERSPACE", "MAKERSPACE"));

    record Row(String family, String sequence, String mode, String window, List<String> expected) {}

    static Stream<Row> table() {
        List<Row> rows = new ArrayList<>();
        for (String family : List.of("KEY_LABORATORY", "INNOVATION_OR_ENGINEERING_CENTER")) {
            for (String mode : List.of("FULL", "DIFFERENCE")) {
                String upgrade = mode.equals("FULL") ? "UPGRADE:AWAITING_NOTICE:1000000"
                        : "UPGRADE:AWAITING_NOTICE:500000";
                add(rows, family, "PROVINCIAL,NATIONAL", mode,
                        List.of("NEW:AWAITING_NOTICE:500000", upgrade));
                add(rows, family, "NATIONAL,PROVINCIAL", mode,
                        List.of("NEW:AWAITING_NOTICE:1000000", "LOWER:NOT_PAYABLE"));
                add(rows, family, "PROVINCIAL,PROVINCIAL", mode,
                        List.of("NEW:AWAITING_NOTICE:500000", "REPEAT:NOT_PAYABLE"));
                add(rows, family, "MUNICIPAL,PROVINCIAL", mode, List.of("-", "UPGRADE:AWAITING_NOTICE:500000"));
            }
        }
        for (String mode : List.of("FULL", "DIFFERENCE")) {
            for (String sequence : List.of("PROVINCIAL,NATIONAL", "NATIONAL,PROVINCIAL", "PROVINCIAL,PROVINCIAL",
                    "MUNICIPAL,PROVINCIAL")) {
                add(rows, "MAKERSPACE", sequence, mode, List.of("-", "-"));
            }
            add(rows, "HIGH_TECH_ENTERPRISE", "NATIONAL,NATIONAL", mode,
                    List.of("NEW:AWAITING_NOTICE:100000", "RENEWAL:PENDING_AMOUNT"));
        }
        return rows.stream();
    }

    /** One row per window: inside as written; unset: what would be paid waits; before: nothing is paid. */
    static void add(List<Row> rows, String family, String sequence, String mode, List<String> inside) {
        rows.add(new Row(family, sequence, mode, "INSIDE", inside));
        rows.add(new Row(family, sequence, mode, "UNSET", inside.stream()
                .map(step -> step.contains("AWAITING_NOTICE") ? step.replaceAll(":AWAITING_NOTICE.*", ":PENDING_AMOUNT")
                        : step).toList()));
        rows.add(new Row(family, sequence, mode, "BEFORE", inside.stream()
                .map(step -> step.equals("-") ? step : "WINDOW:NOT_PAYABLE").toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void eachRecognitionOfAPlatform_earnsWhatTheRecordAndTheWindowSay(Row row) {
        Map<String, StoredParameter> stored = new HashMap<>();
        stored.put("PLATFORM_UPGRADE_MODE", set("PLATFORM_UPGRADE_MODE", row.mode()));
        if (!row.window().equals("UNSET")) {
            stored.put("SUBSIDY_WINDOW_FROM", set("SUBSIDY_WINDOW_FROM",
                    row.window().equals("INSIDE") ? "2019-01-01" : "2030-01-01"));
        }
        PolicyParameters in = new PolicyParameters(POLICY, stored);
        String[] levels = row.sequence().split(",");
        List<Classifier.Prior> priors = new ArrayList<>();
        for (int step = 0; step < levels.length; step++) {
            String kind = row.family().equals("HIGH_TECH_ENTERPRISE") ? row.family()
                    : FAMILIES.get(row.family()).get(step);
            String certificationId = "cert-" + step;
            boolean renewal = row.family().equals("HIGH_TECH_ENTERPRISE") && step > 0;
            SubsidyTerms terms = CLASSIFIER.classify(in, new Classifier.Recognition(certificationId, "plat-1", kind,
                    levels[step], renewal, "2025-0" + (step + 1) + "-10", null, null), priors);

            String expected = row.expected().get(step);
            String as = row + " step " + (step + 1) + ": " + terms;
            if (expected.equals("-")) {
                assertThat(terms.recorded()).as(as).isFalse();
                assertThat(terms.explanation()).as(as).contains(POLICY.noSubsidyNote());
                priors.add(new Classifier.Prior(certificationId, levels[step], null));
                continue;
            }
            String[] parts = expected.split(":");
            assertThat(terms.status()).as(as).isEqualTo(SubsidyStatus.valueOf(parts[1]));
            if (parts[0].equals("WINDOW")) {
                assertThat(terms.explanation()).as(as).contains("SUBSIDY_WINDOW_FROM").contains("2030-01-01");
            } else {
                assertThat(terms.classification()).as(as).isEqualTo(parts[0]);
            }
            assertThat(terms.amountYuan()).as(as).isEqualTo(parts.length > 2 ? Long.valueOf(parts[2]) : null);
            if (terms.status() == SubsidyStatus.PENDING_AMOUNT && row.window().equals("UNSET")) {
                assertThat(terms.explanation()).as(as).contains("SUBSIDY_WINDOW_FROM");
            }
            if (parts[0].equals("REPEAT") || parts[0].equals("LOWER")) {
                assertThat(terms.explanation()).as(as).contains("sub-0");
            }
            if (parts[0].equals("UPGRADE") && row.mode().equals("DIFFERENCE") && levels[0].equals("PROVINCIAL")) {
                assertThat(terms.subtractedSubsidyId()).as(as).isEqualTo("sub-0");
            }
            priors.add(new Classifier.Prior(certificationId, levels[step], new Subsidy("sub-" + step,
                    certificationId, "91520500MA6DKQ5X35", kind, levels[step], renewal, terms.amountYuan(),
                    terms.status(), POLICY.version(), terms.rule(), terms.explanation(), "2025-01-01T00:00:00Z",
                    null, null, false, null, "plat-1", terms.classification(), terms.subtractedSubsidyId(),
                    terms.platformLevel(), null, null, null)));
        }
    }

    /**
     * Records merged or recorded out of order are classified in the order the platform was recognised: a national
     * recognition issued later and not yet paid does not make the earlier provincial one LOWER; once its money is
     * settled (paid) it does, so nothing is paid twice.
     */
    @org.junit.jupiter.api.Test
    void aLaterUnpaidHigherLevel_doesNotDecideAnEarlierRecognition_aPaidOneDoes() {
        PolicyParameters in = new PolicyParameters(POLICY, Map.of("SUBSIDY_WINDOW_FROM",
                set("SUBSIDY_WINDOW_FROM", "2019-01-01")));
        var provincial = new Classifier.Recognition("cert-p", "plat-1", "KEY_LABORATORY", "PROVINCIAL", false,
                "2025-03-01", null, null);
        Subsidy national = new Subsidy("sub-n", "cert-n", "91520500MA6DKQ5X35", "KEY_LABORATORY", "NATIONAL", false,
                1_000_000L, SubsidyStatus.AWAITING_NOTICE, POLICY.version(), "PLATFORM_NATIONAL", "…",
                "2025-09-10T00:00:00Z", null, null, false, null, "plat-1", "NEW", null, "plat-1#NATIONAL", null, null,
                null);

        SubsidyTerms unpaid = CLASSIFIER.classify(in, provincial,
                List.of(new Classifier.Prior("cert-n", "NATIONAL", national, "2025-09-01")));
        SubsidyTerms paid = CLASSIFIER.classify(in, provincial, List.of(new Classifier.Prior("cert-n", "NATIONAL",
                national.paid("2025-10-01", "V-1"), "2025-09-01")));

        assertThat(unpaid.classification()).isEqualTo("NEW");
        assertThat(unpaid.amountYuan()).isEqualTo(500_000L);
        assertThat(paid.classification()).isEqualTo("LOWER");
        assertThat(paid.status()).isEqualTo(SubsidyStatus.NOT_PAYABLE);
    }

    static StoredParameter set(String name, Object value) {
        return new StoredParameter(POLICY.version(), name, value, "2026-11-01T00:00:00Z", "staff-1");
    }
}
