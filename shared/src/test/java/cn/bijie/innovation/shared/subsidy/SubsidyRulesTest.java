package cn.bijie.innovation.shared.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.policy.StoredParameter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The subsidy rules of policy BJ-2019 as a table: every kind × level × renewal × upgrade switch. */
class SubsidyRulesTest {
    static final Policy POLICY = Policy.active();
    final SubsidyRules rules = new SubsidyRules(POLICY);

    /**
     * Columns: kind | level | renewal | the organisation's earlier provincial subsidy of that kind (yuan, - none) |
     * PLATFORM_UPGRADE_MODE (- file default) | HIGH_TECH_ENTERPRISE_RENEWAL_YUAN (- unset) | rule | amount |
     * status | what the explanation must name (the clause, or that there is no subsidy).
     */
    @ParameterizedTest(name = "{0} {1} renewal={2} prior={3} mode={4} renewalYuan={5} -> {6} {7}")
    @CsvSource(delimiter = '|', textBlock = """
            HIGH_TECH_ENTERPRISE | NATIONAL | false | - | - | - | HIGH_TECH_ENTERPRISE_NEW | 100000 | AWAITING_NOTICE | 三(一)
            HIGH_TECH_ENTERPRISE | NATIONAL | false | 500000 | DIFFERENCE | - | HIGH_TECH_ENTERPRISE_NEW | 100000 | AWAITING_NOTICE | 三(一)
            HIGH_TECH_ENTERPRISE | NATIONAL | true | - | - | - | HIGH_TECH_ENTERPRISE_RENEWAL |  | PENDING_AMOUNT | 三(一)
            HIGH_TECH_ENTERPRISE | NATIONAL | true | - | - | 50000 | HIGH_TECH_ENTERPRISE_RENEWAL | 50000 | AWAITING_NOTICE | 三(一)
            TECH_INNOVATION_CENTER | NATIONAL | false | - | FULL | - | PLATFORM_NATIONAL | 1000000 | AWAITING_NOTICE | 三(二)
            TECH_INNOVATION_CENTER | NATIONAL | false | - | DIFFERENCE | - | PLATFORM_NATIONAL | 1000000 | AWAITING_NOTICE | 三(二)
            TECH_INNOVATION_CENTER | NATIONAL | false | 500000 | FULL | - | PLATFORM_UPGRADE_FULL | 1000000 | AWAITING_NOTICE | 三(二)
            TECH_INNOVATION_CENTER | NATIONAL | false | 500000 | DIFFERENCE | - | PLATFORM_UPGRADE_DIFFERENCE | 500000 | AWAITING_NOTICE | 三(二)
            TECH_INNOVATION_CENTER | NATIONAL | true | - | - | - |  |  |  | 不设补助
            TECH_INNOVATION_CENTER | PROVINCIAL | false | - | DIFFERENCE | - | PLATFORM_PROVINCIAL | 500000 | AWAITING_NOTICE | 三(二)
            TECH_INNOVATION_CENTER | PROVINCIAL | true | - | - | - |  |  |  | 不设补助
            TECH_INNOVATION_CENTER | MUNICIPAL | false | - | - | - |  |  |  | 不设补助
            TECH_INNOVATION_CENTER | MUNICIPAL | true | - | - | - |  |  |  | 不设补助
            ENGINEERING_RESEARCH_CENTER | NATIONAL | false | - | FULL | - | PLATFORM_NATIONAL | 1000000 | AWAITING_NOTICE | 三(二)
            ENGINEERING_RESEARCH_CENTER | NATIONAL | false | - | DIFFERENCE | - | PLATFORM_NATIONAL | 1000000 | AWAITING_NOTICE | 三(二)
            ENGINEERING_RESEARCH_CENTER | NATIONAL | false | 500000 | FULL | - | PLATFORM_UPGRADE_FULL | 1000000 | AWAITING_NOTICE | 三(二)
            ENGINEERING_RESEARCH_CENTER | NATIONAL | false | 500000 | DIFFERENCE | - | PLATFORM_UPGRADE_DIFFERENCE | 500000 | AWAITING_NOTICE | 三(二)
            ENGINEERING_RESEARCH_CENTER | NATIONAL | true | - | - | - |  |  |  | 不设补助
            ENGINEERING_RESEARCH_CENTER | PROVINCIAL | false | - | DIFFERENCE | - | PLATFORM_PROVINCIAL | 500000 | AWAITING_NOTICE | 三(二)
            ENGINEERING_RESEARCH_CENTER | PROVINCIAL | true | - | - | - |  |  |  | 不设补助
            ENGINEERING_RESEARCH_CENTER | MUNICIPAL | false | - | - | - |  |  |  | 不设补助
            ENGINEERING_RESEARCH_CENTER | MUNICIPAL | true | - | - | - |  |  |  | 不设补助
            KEY_LABORATORY | NATIONAL | false | - | FULL | - | PLATFORM_NATIONAL | 1000000 | AWAITING_NOTICE | 三(二)
            KEY_LABORATORY | NATIONAL | false | - | DIFFERENCE | - | PLATFORM_NATIONAL | 1000000 | AWAITING_NOTICE | 三(二)
            KEY_LABORATORY | NATIONAL | false | 500000 | FULL | - | PLATFORM_UPGRADE_FULL | 1000000 | AWAITING_NOTICE | 三(二)
            KEY_LABORATORY | NATIONAL | false | 500000 | DIFFERENCE | - | PLATFORM_UPGRADE_DIFFERENCE | 500000 | AWAITING_NOTICE | 三(二)
            KEY_LABORATORY | NATIONAL | true | - | - | - |  |  |  | 不设补助
            KEY_LABORATORY | PROVINCIAL | false | - | DIFFERENCE | - | PLATFORM_PROVINCIAL | 500000 | AWAITING_NOTICE | 三(二)
            KEY_LABORATORY | PROVINCIAL | true | - | - | - |  |  |  | 不设补助
            KEY_LABORATORY | MUNICIPAL | false | - | - | - |  |  |  | 不设补助
            KEY_LABORATORY | MUNICIPAL | true | - | - | - |  |  |  | 不设补助
            ENTERPRISE_TECH_CENTER | NATIONAL | false | - | FULL | - | PLATFORM_NATIONAL | 1000000 | AWAITING_NOTICE | 三(二)
            ENTERPRISE_TECH_CENTER | NATIONAL | false | - | DIFFERENCE | - | PLATFORM_NATIONAL | 1000000 | AWAITING_NOTICE | 三(二)
            ENTERPRISE_TECH_CENTER | NATIONAL | false | 500000 | FULL | - | PLATFORM_UPGRADE_FULL | 1000000 | AWAITING_NOTICE | 三(二)
            ENTERPRISE_TECH_CENTER | NATIONAL | false | 500000 | DIFFERENCE | - | PLATFORM_UPGRADE_DIFFERENCE | 500000 | AWAITING_NOTICE | 三(二)
            ENTERPRISE_TECH_CENTER | NATIONAL | true | - | - | - |  |  |  | 不设补助
            ENTERPRISE_TECH_CENTER | PROVINCIAL | false | - | DIFFERENCE | - | PLATFORM_PROVINCIAL | 500000 | AWAITING_NOTICE | 三(二)
            ENTERPRISE_TECH_CENTER | PROVINCIAL | true | - | - | - |  |  |  | 不设补助
            ENTERPRISE_TECH_CENTER | MUNICIPAL | false | - | - | - |  |  |  | 不设补助
            ENTERPRISE_TECH_CENTER | MUNICIPAL | true | - | - | - |  |  |  | 不设补助
            ACADEMICIAN_WORKSTATION | NATIONAL | false | - | - | - |  |  |  | 不设补助
            ACADEMICIAN_WORKSTATION | NATIONAL | true | - | - | - |  |  |  | 不设补助
            ACADEMICIAN_WORKSTATION | PROVINCIAL | false | - | - | - |  |  |  | 不设补助
            ACADEMICIAN_WORKSTATION | PROVINCIAL | true | - | - | - |  |  |  | 不设补助
            ACADEMICIAN_WORKSTATION | MUNICIPAL | false | - | - | - |  |  |  | 不设补助
            ACADEMICIAN_WORKSTATION | MUNICIPAL | true | - | - | - |  |  |  | 不设补助
            TECH_BUSINESS_INCUBATOR | NATIONAL | false | - | - | - |  |  |  | 不设补助
            TECH_BUSINESS_INCUBATOR | NATIONAL | true | - | - | - |  |  |  | 不设补助
            TECH_BUSINESS_INCUBATOR | PROVINCIAL | false | - | - | - |  |  |  | 不设补助
            TECH_BUSINESS_INCUBATOR | PROVINCIAL | true | - | - | - |  |  |  | 不设补助
            TECH_BUSINESS_INCUBATOR | MUNICIPAL | false | - | - | - |  |  |  | 不设补助
            TECH_BUSINESS_INCUBATOR | MUNICIPAL | true | - | - | - |  |  |  | 不设补助
            MAKERSPACE | NATIONAL | false | - | - | - |  |  |  | 不设补助
            MAKERSPACE | NATIONAL | true | - | - | - |  |  |  | 不设补助
            MAKERSPACE | PROVINCIAL | false | - | - | - |  |  |  | 不设补助
            MAKERSPACE | PROVINCIAL | true | - | - | - |  |  |  | 不设补助
            MAKERSPACE | MUNICIPAL | false | - | - | - |  |  |  | 不设补助
            MAKERSPACE | MUNICIPAL | true | - | - | - |  |  |  | 不设补助
            INDUSTRY_TECH_ALLIANCE | NATIONAL | false | - | - | - |  |  |  | 不设补助
            INDUSTRY_TECH_ALLIANCE | NATIONAL | true | - | - | - |  |  |  | 不设补助
            INDUSTRY_TECH_ALLIANCE | PROVINCIAL | false | - | - | - |  |  |  | 不设补助
            INDUSTRY_TECH_ALLIANCE | PROVINCIAL | true | - | - | - |  |  |  | 不设补助
            INDUSTRY_TECH_ALLIANCE | MUNICIPAL | false | - | - | - |  |  |  | 不设补助
            INDUSTRY_TECH_ALLIANCE | MUNICIPAL | true | - | - | - |  |  |  | 不设补助
            TECH_TRANSFER_INSTITUTION | NATIONAL | false | - | - | - |  |  |  | 不设补助
            TECH_TRANSFER_INSTITUTION | NATIONAL | true | - | - | - |  |  |  | 不设补助
            TECH_TRANSFER_INSTITUTION | PROVINCIAL | false | - | - | - |  |  |  | 不设补助
            TECH_TRANSFER_INSTITUTION | PROVINCIAL | true | - | - | - |  |  |  | 不设补助
            """)
    void terms_followThePolicyTable(String kind, String level, boolean renewal, String prior, String mode,
            String renewalYuan, String rule, Long amount, String status, String named) {
        Map<String, StoredParameter> stored = new HashMap<>();
        if (!"-".equals(mode)) {
            stored.put("PLATFORM_UPGRADE_MODE", set("PLATFORM_UPGRADE_MODE", mode));
        }
        if (!"-".equals(renewalYuan)) {
            stored.put("HIGH_TECH_ENTERPRISE_RENEWAL_YUAN",
                    set("HIGH_TECH_ENTERPRISE_RENEWAL_YUAN", Long.parseLong(renewalYuan)));
        }
        Subsidy provincial = "-".equals(prior) ? null : provincialSubsidy(kind, Long.parseLong(prior));

        SubsidyTerms terms = rules.terms(new PolicyParameters(POLICY, stored), kind, level, renewal, provincial);

        assertThat(terms.eligible()).isEqualTo(rule != null);
        assertThat(terms.rule()).isEqualTo(rule);
        assertThat(terms.amountYuan()).isEqualTo(amount);
        assertThat(terms.status()).isEqualTo(status == null ? null : SubsidyStatus.valueOf(status));
        assertThat(terms.explanation()).contains(named);
        if (amount != null) {
            assertThat(terms.explanation()).as("the explanation states the amount")
                    .containsAnyOf(amount + "元", amount / 10_000 + "万元");
        }
    }

    @Test
    void terms_explainTheUpgradeDifference_withBothAmounts() {
        var parameters = new PolicyParameters(POLICY,
                Map.of("PLATFORM_UPGRADE_MODE", set("PLATFORM_UPGRADE_MODE", "DIFFERENCE")));

        SubsidyTerms terms = rules.terms(parameters, "KEY_LABORATORY", "NATIONAL", false,
                provincialSubsidy("KEY_LABORATORY", 500_000));

        assertThat(terms.explanation()).contains("500000元", "差额", "三(二)");
        assertThat(terms.parameters()).containsExactly("PLATFORM_UPGRADE_MODE");
    }

    @Test
    void terms_dependOnTheRenewalParameter_soItsChangeIsSeenByTheWriter() {
        SubsidyTerms terms = rules.terms(PolicyParameters.defaults(POLICY), "HIGH_TECH_ENTERPRISE", "NATIONAL", true,
                null);

        assertThat(terms.parameters()).containsExactly("HIGH_TECH_ENTERPRISE_RENEWAL_YUAN");
        assertThat(terms.explanation()).contains("待市科技局设定政策参数 HIGH_TECH_ENTERPRISE_RENEWAL_YUAN");
    }

    @Test
    void eligibility_namesTheReason_whenThePolicyGivesNoSubsidy() {
        SubsidyTerms terms = rules.eligibility("ACADEMICIAN_WORKSTATION", "PROVINCIAL", false);

        assertThat(terms.eligible()).isFalse();
        assertThat(terms.explanation()).startsWith("省级院士工作站").contains(POLICY.noSubsidyNote());
    }

    @Test
    void onRevocation_cancelsAnUnpaidSubsidy_andMakesAPaidOneDueForRecovery() {
        Subsidy awaiting = provincialSubsidy("KEY_LABORATORY", 500_000);
        Subsidy paid = awaiting.paid("2026-11-01", "V-1");
        LocalDate revokedOn = LocalDate.parse("2026-11-20");

        Subsidy cancelled = rules.onRevocation(awaiting, revokedOn);
        Subsidy flagged = rules.onRevocation(paid, revokedOn);

        assertThat(cancelled.status()).isEqualTo(SubsidyStatus.CANCELLED);
        assertThat(cancelled.note()).contains("2026-11-20");
        assertThat(flagged.status()).isEqualTo(SubsidyStatus.RECOVERY_DUE);
        assertThat(flagged.certificationRevoked()).isTrue();
        assertThat(rules.onRevocation(cancelled, revokedOn)).isEqualTo(cancelled);
    }

    static StoredParameter set(String name, Object value) {
        return new StoredParameter(POLICY.version(), name, value, "2026-11-01T00:00:00Z", "staff-1");
    }

    static Subsidy provincialSubsidy(String kind, long amount) {
        return new Subsidy(Subsidy.idFor("cert-p"), "cert-p", "91520500MA6DKQ5X35", kind, "PROVINCIAL", false, amount,
                SubsidyStatus.AWAITING_PAYMENT, POLICY.version(), "PLATFORM_PROVINCIAL", "…", "2026-01-01T00:00:00Z",
                null, null, false, null, null, null, null, null, null, null, null);
    }
}
