package cn.bijie.innovation.shared.subsidy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.policy.StoredParameter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The policy calculation over every input it can meet — known and unknown kinds and levels, renewal, an earlier
 * provincial subsidy, either upgrade mode, the renewal amount set or not: amounts come only from the policy (or the
 * parameter staff set), are never negative, and exist exactly when the subsidy can be paid.
 */
class SubsidyRulesPropertiesTest {
    static final Policy POLICY = Policy.active();
    static final String RENEWAL_YUAN = "HIGH_TECH_ENTERPRISE_RENEWAL_YUAN";
    final SubsidyRules rules = new SubsidyRules(POLICY);

    /** What one case is: the certification, the organisation's earlier provincial subsidy, the parameters set. */
    record Case(String kind, String level, boolean renewal, Long priorYuan, String mode, Long renewalYuan) {
        PolicyParameters parameters() {
            Map<String, StoredParameter> stored = new HashMap<>();
            if (mode != null) {
                String name = POLICY.upgrade().modeParameter();
                stored.put(name, new StoredParameter(POLICY.version(), name, mode, "2026-11-01T00:00:00Z", "s1"));
            }
            if (renewalYuan != null) {
                stored.put(RENEWAL_YUAN, new StoredParameter(POLICY.version(), RENEWAL_YUAN, renewalYuan,
                        "2026-11-01T00:00:00Z", "s1"));
            }
            return new PolicyParameters(POLICY, stored);
        }

        Subsidy prior() {
            return priorYuan == null ? null : new Subsidy("sub-prior", "cert-prior", "91520500MA6DKQ5X35", kind,
                    "PROVINCIAL", false, priorYuan < 0 ? null : priorYuan, SubsidyStatus.PAID, POLICY.version(),
                    "PLATFORM_PROVINCIAL", "三(二)", "2025-01-01T00:00:00Z", "2025-02-01", "v1", false, null, null, null, null, null, null, null, null);
        }
    }

    @Property(tries = 2000, seed = "20191108")
    void theAmount_isNullOrOneThePolicyGives_andNeverNegative(@ForAll("cases") Case c) {
        SubsidyTerms terms = rules.terms(c.parameters(), c.kind(), c.level(), c.renewal(), c.prior());

        if (terms.amountYuan() != null) {
            assertThat(terms.amountYuan()).as(c.toString()).isNotNegative().isIn(allowedAmounts(c));
        }
    }

    @Property(tries = 2000, seed = "20191108")
    void anAmountExists_exactlyWhenTheSubsidyAwaitsPayment(@ForAll("cases") Case c) {
        SubsidyTerms terms = rules.terms(c.parameters(), c.kind(), c.level(), c.renewal(), c.prior());

        assertThat(terms.amountYuan() != null).as(c.toString())
                .isEqualTo(terms.status() == SubsidyStatus.AWAITING_NOTICE);
        assertThat(terms.eligible()).as(c.toString()).isEqualTo(terms.status() != null);
    }

    @Property(tries = 2000, seed = "20191108")
    void aSubsidyExists_exactlyWhenThePolicyHasARule_andItExplainsItself(@ForAll("cases") Case c) {
        SubsidyTerms terms = rules.terms(c.parameters(), c.kind(), c.level(), c.renewal(), c.prior());

        assertThat(terms.eligible()).as(c.toString())
                .isEqualTo(POLICY.rule(c.kind(), c.level(), c.renewal()).isPresent());
        assertThat(terms.explanation()).as(c.toString()).isNotBlank();
        assertThat(terms.rule() != null).as(c.toString()).isEqualTo(terms.eligible());
    }

    @Property(tries = 1000, seed = "20191108")
    void anUpgrade_neverPaysMoreThanTheNationalAmount(@ForAll("cases") Case c) {
        SubsidyTerms withPrior = rules.terms(c.parameters(), c.kind(), c.level(), c.renewal(), c.prior());
        SubsidyTerms without = rules.terms(c.parameters(), c.kind(), c.level(), c.renewal(), null);

        if (withPrior.amountYuan() != null && without.amountYuan() != null) {
            assertThat(withPrior.amountYuan()).as(c.toString()).isLessThanOrEqualTo(without.amountYuan());
        }
    }

    @Property(tries = 500, seed = "20191108")
    void theSameCase_alwaysGivesTheSameTerms(@ForAll("cases") Case c) {
        assertThat(rules.terms(c.parameters(), c.kind(), c.level(), c.renewal(), c.prior()))
                .isEqualTo(rules.terms(c.parameters(), c.kind(), c.level(), c.renewal(), c.prior()));
    }

    /** The amounts of the policy file, the renewal amount staff set, and what a DIFFERENCE upgrade leaves. */
    static Set<Long> allowedAmounts(Case c) {
        Set<Long> amounts = new HashSet<>();
        POLICY.rules().stream().map(Policy.Rule::amountYuan).filter(Objects::nonNull).forEach(amounts::add);
        if (c.renewalYuan() != null) {
            amounts.add(c.renewalYuan());
        }
        if (c.prior() != null && c.prior().amountYuan() != null) {
            Set<Long> differences = new HashSet<>();
            for (Long amount : amounts) {
                differences.add(Math.max(0, amount - c.prior().amountYuan()));
            }
            amounts.addAll(differences);
        }
        return amounts;
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<String> kinds = Arbitraries.oneOf(
                Arbitraries.of(POLICY.kinds().stream().map(Policy.Kind::code).toList()),
                Arbitraries.strings().alpha().ofMaxLength(12));
        Arbitrary<String> levels = Arbitraries.oneOf(
                Arbitraries.of(POLICY.levels().stream().map(Policy.Code::code).toList()),
                Arbitraries.strings().alpha().ofMaxLength(8));
        // a prior subsidy's amount: one of the policy's, none yet (-1 → null), or none at all (null → no prior)
        Arbitrary<Long> prior = Arbitraries.oneOf(
                Arbitraries.of(POLICY.rules().stream().map(Policy.Rule::amountYuan).filter(Objects::nonNull).toList()),
                Arbitraries.just(-1L)).injectNull(0.4);
        Arbitrary<String> modes = Arbitraries.of("FULL", "DIFFERENCE").injectNull(0.3);
        Arbitrary<Long> renewal = Arbitraries.longs().between(1, 1_000_000_000L).injectNull(0.4);
        return net.jqwik.api.Combinators.combine(kinds, levels, Arbitraries.of(true, false), prior, modes, renewal)
                .as(Case::new);
    }
}
