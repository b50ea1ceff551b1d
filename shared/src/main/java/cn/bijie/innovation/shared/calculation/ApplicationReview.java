package cn.bijie.innovation.shared.calculation;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationFilter;
import cn.bijie.innovation.shared.certification.CertificationStore;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameterStore;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.subsidy.Classifier;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyFilter;
import cn.bijie.innovation.shared.subsidy.SubsidyRules;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.subsidy.SubsidyStore;
import cn.bijie.innovation.shared.subsidy.SubsidyTerms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /applications/{id}} shows: to everyone whether the policy funds the kind and level at all
 * ({@code subsidyEligible}, {@code subsidyNote}, known at once); to staff, who decide, the organisation's platforms,
 * earlier recognitions and subsidies, and what the policy would pay for this application and why (classification,
 * rule, clause) — the same classification the subsidy function applies once the recognition is recorded.
 */
public final class ApplicationReview {
    /** At most this many earlier recognitions and subsidies are shown (one page each). */
    static final int SHOWN = 100;

    private final CertificationStore certifications;
    private final SubsidyStore subsidies;
    private final PolicyParameterStore parameters;
    private final Policy policy;
    private final SubsidyRules rules;
    private final Classifier classifier;

    public ApplicationReview(CertificationStore certifications, SubsidyStore subsidies,
            PolicyParameterStore parameters, Policy policy) {
        this.certifications = certifications;
        this.subsidies = subsidies;
        this.parameters = parameters;
        this.policy = policy;
        this.rules = new SubsidyRules(policy);
        this.classifier = new Classifier(policy);
    }

    /** What the policy would pay for the application, and why. */
    public record WouldPay(boolean eligible, String classification, boolean renewal, String rule, String clause,
            Long amountYuan, SubsidyStatus status, String explanation, String subtractedSubsidyId) {}

    /**
     * The staff's view: the organisation's record and the policy's answer for this application. {@code platformId} is
     * the platform a decision without staff's choice records it on: the one the applicant named
     * ({@code namedPlatformId}, followed to where it was merged), else the one its kind family and platform name match
     * ({@code matchedPlatformId}; {@code matchedPlatformExists} false: a new platform would be created).
     */
    public record Review(String platformId, List<Platform> platforms, List<Certification> recognitions,
            List<Subsidy> subsidies, WouldPay wouldPay, String namedPlatformId, String matchedPlatformId,
            boolean matchedPlatformExists) {}

    /** The application as the caller sees it: the application's fields, the eligibility, and for staff the review. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> view(Caller caller, Application application) {
        Map<String, Object> view = new LinkedHashMap<>(Json.MAPPER.convertValue(application, Map.class));
        SubsidyTerms eligibility = rules.eligibility(application.kind(), application.level(), application.renewal());
        view.put("subsidyEligible", eligibility.eligible());
        view.put("subsidyNote", eligibility.explanation());
        if (caller.has(Role.STAFF)) {
            view.put("review", review(application));
        }
        return view;
    }

    public Review review(Application a) {
        OrganizationHoldings organization = certifications.organization(a.uscc());
        String matchedId = Platform.idFor(policy, a.uscc(), a.kind(), a.platformName());
        Platform matched = organization.platform(matchedId).orElse(null);
        Platform platform = organization.current(a.platformId() == null ? matchedId : a.platformId()).orElse(null);
        String platformId = platform != null ? platform.platformId() : matchedId;
        List<Certification> recognitions = certifications.list(new CertificationFilter(a.uscc(), null, null, null),
                SHOWN, null).items();
        List<Subsidy> paid = subsidies.list(new SubsidyFilter(a.uscc(), null), SHOWN, null).items();
        String certificationId = Certification.idOf(a.uscc(), a.kind(), a.level(), a.certificateNo(), a.issuedOn());
        boolean renewal = policy.isRenewable(a.kind()) && platform != null
                && !platform.before(a.issuedOn(), certificationId).isEmpty();
        List<Classifier.Prior> priors = new ArrayList<>();
        if (platform != null) {
            for (Platform.Recognition r : platform.recognitions()) {
                if (!r.certificationId().equals(certificationId)) {
                    priors.add(new Classifier.Prior(r.certificationId(), r.level(), paid.stream()
                            .filter(s -> s.certificationId().equals(r.certificationId())).findFirst().orElse(null),
                            r.issuedOn()));
                }
            }
        }
        PolicyParameters in = new PolicyParameters(policy, parameters.load(policy.version()));
        SubsidyTerms terms = classifier.classify(in, new Classifier.Recognition(certificationId, platformId,
                a.kind(), a.level(), renewal, a.issuedOn(), null, null), priors);
        String clause = policy.rule(a.kind(), a.level(), renewal).map(Policy.Rule::clause).orElse(null);
        return new Review(platformId, organization.platforms(), recognitions, paid, new WouldPay(terms.eligible(),
                terms.classification(), renewal, terms.rule(), clause, terms.amountYuan(), terms.status(),
                terms.explanation(), terms.subtractedSubsidyId()), a.platformId(), matchedId, matched != null);
    }
}
