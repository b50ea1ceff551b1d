package cn.bijie.innovation.shared.subsidy;

import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * New, renewal or upgrade from the record, not from the caller: what one recognition of a platform earns given the
 * platform's other recognitions and their subsidies, the parameters in force and the subsidy window. Each
 * platform-level is paid at most once; a lower or equal level than one paid pays nothing more; a higher one is an
 * upgrade ({@code FULL} or {@code DIFFERENCE}). Staff may override the classification ({@code NEW}, {@code RENEWAL},
 * {@code NONE}) with a reason.
 */
public final class Classifier {
    public static final List<String> OVERRIDES = List.of("NEW", "RENEWAL", "NONE");

    private final Policy policy;
    private final SubsidyRules rules;

    public Classifier(Policy policy) {
        this.policy = policy;
        this.rules = new SubsidyRules(policy);
    }

    /** The recognition being classified; {@code override} and {@code overrideReason} are staff's, null when none. */
    public record Recognition(String certificationId, String platformId, String kind, String level, boolean renewal,
            String issuedOn, String override, String overrideReason) {}

    /**
     * Another recognition of the same platform, with its subsidy (null when it has none); {@code issuedOn} null: known
     * to be earlier.
     */
    public record Prior(String certificationId, String level, Subsidy subsidy, String issuedOn) {
        public Prior(String certificationId, String level, Subsidy subsidy) {
            this(certificationId, level, subsidy, null);
        }

        /**
         * Whether a higher or lower level than {@code r}'s decides what {@code r} earns: it was recognised before
         * {@code r} (or the same day), or its money is settled (paid, on notice, owed back). A later unpaid one does
         * not: records merged or recorded out of order are classified in the order the platform was recognised.
         */
        boolean before(Recognition r) {
            if (issuedOn == null || (subsidy != null && !subsidy.status().reassessable())) {
                return true;
            }
            // recognised the same day: it counts, as it always did (nothing says which came first)
            return issuedOn.compareTo(r.issuedOn()) <= 0;
        }
    }

    public SubsidyTerms classify(PolicyParameters in, Recognition r, List<Prior> priors) {
        boolean renewal = r.override() == null || "NONE".equals(r.override()) ? r.renewal()
                : "RENEWAL".equals(r.override());
        if (policy.rule(r.kind(), r.level(), renewal).isEmpty()) {
            return rules.eligibility(r.kind(), r.level(), renewal);
        }
        String overrideNote = r.override() == null ? "" : Policy.fill(policy.classificationNotes().override(),
                Map.of("classification", r.override(), "reason", String.valueOf(r.overrideReason())));
        if ("NONE".equals(r.override())) {
            return notPayable(r.override(), renewal, overrideNote);
        }
        List<Prior> live = priors.stream()
                .filter(p -> p.subsidy() != null && p.subsidy().status().holdsPlatformLevel()).toList();
        String classification;
        SubsidyTerms base;
        String platformLevel = r.override() != null ? null
                : platformLevel(policy, r.platformId(), r.kind(), r.level(), renewal);
        if (policy.isRenewable(r.kind())) {
            classification = renewal ? "RENEWAL" : "NEW";
            Optional<Prior> paidNew = live.stream().filter(p -> !p.subsidy().renewal()).findFirst();
            if (!renewal && r.override() == null && paidNew.isPresent()) {
                return notPayable("REPEAT", false, note(policy.classificationNotes().alreadyPaid(), paidNew.get()));
            }
            base = rules.terms(in, r.kind(), r.level(), renewal, null);
        } else {
            int rank = policy.rank(r.level());
            Optional<Prior> same = live.stream().filter(p -> policy.rank(p.level()) == rank).findFirst();
            Optional<Prior> higher = live.stream().filter(p -> policy.rank(p.level()) > rank && p.before(r))
                    .findFirst();
            Optional<Prior> lower = live.stream().filter(p -> policy.rank(p.level()) < rank && p.before(r))
                    .max(Comparator.comparingInt(p -> policy.rank(p.level())));
            if (r.override() == null && higher.isPresent()) {
                return notPayable("LOWER", false, note(policy.classificationNotes().notHigher(), higher.get()));
            }
            if (r.override() == null && same.isPresent()) {
                return notPayable("REPEAT", false, note(policy.classificationNotes().alreadyPaid(), same.get()));
            }
            if (r.override() == null && lower.isPresent()) {
                Subsidy prior = lower.get().subsidy();
                base = rules.terms(in, r.kind(), r.level(), false, prior);
                classification = "UPGRADE";
                boolean subtracted = rules.isUpgrade(r.kind(), r.level(), false)
                        && "DIFFERENCE".equals(in.choice(policy.upgrade().modeParameter()));
                return window(in, r, with(base, classification, false,
                        subtracted ? prior.subsidyId() : null, platformLevel, ""));
            }
            // a lower level recognised before without a subsidy (a municipal one): an upgrade paid as new
            boolean earlier = r.override() == null
                    && priors.stream().anyMatch(p -> policy.rank(p.level()) < rank && p.before(r));
            classification = earlier ? "UPGRADE" : "NEW";
            base = rules.terms(in, r.kind(), r.level(), false, null);
            if (earlier) {
                overrideNote = policy.classificationNotes().upgradeNoPrior();
            }
        }
        return window(in, r, with(base, classification, renewal, null, platformLevel, overrideNote));
    }

    /**
     * The subsidy window applied last: while its first day is unset, a payable subsidy waits in
     * {@code PENDING_AMOUNT}; a recognition issued before it earns nothing, and the reason names the window.
     */
    private SubsidyTerms window(PolicyParameters in, Recognition r, SubsidyTerms terms) {
        Policy.Window window = policy.window();
        List<String> parameters = new ArrayList<>(terms.parameters());
        parameters.add(window.parameter());
        LocalDate from = in.date(window.parameter());
        if (from == null) {
            return new SubsidyTerms(true, terms.rule(), null, SubsidyStatus.PENDING_AMOUNT,
                    terms.explanation() + window.pending(), parameters, terms.classification(), terms.renewal(),
                    terms.subtractedSubsidyId(), terms.platformLevel());
        }
        if (LocalDate.parse(r.issuedOn()).isBefore(from)) {
            return new SubsidyTerms(true, terms.rule(), null, SubsidyStatus.NOT_PAYABLE,
                    Policy.fill(window.outside(), Map.of("issuedOn", r.issuedOn(), "from", from)), parameters,
                    terms.classification(), terms.renewal(), null, null);
        }
        return new SubsidyTerms(true, terms.rule(), terms.amountYuan(), terms.status(), terms.explanation(),
                parameters, terms.classification(), terms.renewal(), terms.subtractedSubsidyId(),
                terms.platformLevel());
    }

    private static SubsidyTerms with(SubsidyTerms base, String classification, boolean renewal, String subtracted,
            String platformLevel, String note) {
        return new SubsidyTerms(true, base.rule(), base.amountYuan(), base.status(), base.explanation() + note,
                base.parameters(), classification, renewal, subtracted, platformLevel);
    }

    private SubsidyTerms notPayable(String classification, boolean renewal, String reason) {
        return new SubsidyTerms(true, null, null, SubsidyStatus.NOT_PAYABLE, reason, List.of(), classification,
                renewal, null, null);
    }

    private String note(String template, Prior prior) {
        return Policy.fill(template, Map.of("level", policy.levelName(prior.level()).orElse(prior.level()),
                "subsidyId", prior.subsidy().subsidyId()));
    }

    /**
     * The platform-level a payable subsidy holds (what {@code PAID#<platform-level>} makes payable once): an
     * enterprise's first recognition of a renewable kind holds {@code <platform>#NEW} and a renewal none; any other
     * recognition holds its platform's level.
     */
    public static String platformLevel(Policy policy, String platformId, String kind, String level, boolean renewal) {
        if (policy.isRenewable(kind)) {
            return renewal ? null : platformId + "#NEW";
        }
        return platformId + "#" + level;
    }
}
