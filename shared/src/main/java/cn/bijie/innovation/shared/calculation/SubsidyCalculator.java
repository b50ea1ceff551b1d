package cn.bijie.innovation.shared.calculation;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.certification.CertificationStatus;
import cn.bijie.innovation.shared.certification.CertificationStore;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.policy.PolicyParameterStore;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.retry.Retry;
import cn.bijie.innovation.shared.subsidy.Classifier;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyRules;
import cn.bijie.innovation.shared.subsidy.SubsidyStatus;
import cn.bijie.innovation.shared.subsidy.SubsidyStore;
import cn.bijie.innovation.shared.subsidy.SubsidyTerms;
import cn.bijie.innovation.shared.time.Shanghai;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The subsidy function's work, driven by the table's stream. A new certification yields at most one subsidy (its id
 * is derived from the certification's and the write requires that none exists), so repeated deliveries, retried
 * batches and concurrent deliveries all end with one; each platform-level is held by one payable subsidy at a time.
 * What a recognition earns is classified from its platform's record ({@link Classifier}). A parameter staff set, a
 * revocation on the platform or staff's override reassesses the unpaid subsidies it touches.
 */
public final class SubsidyCalculator {
    public static final String ACTOR = "system:calculate-subsidy";

    static final String MERGED_NOTE = "平台合并后按平台 {platformId} 的全部认定重新计算。";
    /** Reassessing a merged platform settles within a few passes; more would be a bug, not data. */
    static final int MAX_MERGE_PASSES = 4;

    public enum Outcome { CREATED, EXISTED, NOT_ELIGIBLE, NO_CERTIFICATION }

    private final CertificationStore certifications;
    private final SubsidyStore subsidies;
    private final SubsidyIssuer issuer;
    private final PolicyParameterStore parameters;
    private final SubsidyRules rules;
    private final Classifier classifier;
    private final Clock clock;

    public SubsidyCalculator(CertificationStore certifications, SubsidyStore subsidies, SubsidyIssuer issuer,
            PolicyParameterStore parameters, Policy policy, Clock clock) {
        this.certifications = certifications;
        this.subsidies = subsidies;
        this.issuer = issuer;
        this.parameters = parameters;
        this.rules = new SubsidyRules(policy);
        this.classifier = new Classifier(policy);
        this.clock = clock;
    }

    /**
     * The subsidy of a certification that was recorded. It reads the certification as it is now, not as the stream
     * image showed it: a record delivered late must not resurrect what a revocation settled meanwhile.
     */
    public Outcome onCertificationRecorded(String certificationId) {
        return Retry.unitOfWork(() -> {
            Certification certification = certifications.find(certificationId).orElse(null);
            if (certification == null) {
                return Outcome.NO_CERTIFICATION;
            }
            Policy policy = rules.policy();
            PolicyParameters in = parametersInForce();
            SubsidyTerms terms = assess(certification, in);
            if (!terms.recorded()) {
                return Outcome.NOT_ELIGIBLE;
            }
            Instant now = clock.instant();
            Subsidy subsidy = new Subsidy(Subsidy.idFor(certificationId), certificationId, certification.uscc(),
                    certification.kind(), certification.level(), terms.renewal(), terms.amountYuan(),
                    terms.status(), policy.version(), terms.rule(), terms.explanation(), now.toString(), null, null,
                    false, null, certification.platformId(), terms.classification(), terms.subtractedSubsidyId(),
                    terms.platformLevel(), null, null, null);
            if (certification.status() == CertificationStatus.REVOKED) {
                // revoked before this delivery: the subsidy is kept as a cancelled record of what it would have been
                subsidy = rules.onRevocation(subsidy, Shanghai.dateOf(Instant.parse(certification.revokedAt())));
            }
            return issuer.create(subsidy, certification, terms.parameters(), in, ACTOR, now)
                    ? Outcome.CREATED : Outcome.EXISTED;
        });
    }

    /**
     * A parameter staff set: every subsidy that waits ({@code PENDING_AMOUNT}) is reassessed with the values now in
     * force; the window's first day also reassesses those it ruled out. Each move is its own conditional write, so a
     * repeated delivery moves nothing twice.
     *
     * @return how many subsidies this call moved
     */
    public int onParameterChanged(String name) {
        Policy policy = rules.policy();
        List<Subsidy> waiting = new ArrayList<>(subsidies.inStatus(policy.version(), SubsidyStatus.PENDING_AMOUNT));
        if (name.equals(policy.window().parameter())) {
            waiting.addAll(subsidies.inStatus(policy.version(), SubsidyStatus.NOT_PAYABLE));
        }
        int moved = 0;
        for (Subsidy subsidy : waiting) {
            if (reassess(subsidy.subsidyId(), null)) {
                moved++;
            }
        }
        return moved;
    }

    /**
     * A certification revoked: its platform's other unpaid subsidies are reassessed — a {@code DIFFERENCE} that
     * subtracted the cancelled subsidy gets the full amount, a repeat of a cancelled platform-level becomes payable.
     *
     * @return how many subsidies this call moved
     */
    public int onCertificationRevoked(String certificationId) {
        Certification revoked = certifications.find(certificationId).orElse(null);
        if (revoked == null || revoked.platformId() == null) {
            return 0;
        }
        Platform platform = certifications.organization(revoked.uscc()).platform(revoked.platformId()).orElse(null);
        if (platform == null) {
            return 0;
        }
        String cancelled = Subsidy.idFor(certificationId);
        int moved = 0;
        for (Platform.Recognition other : platform.recognitions()) {
            if (!other.certificationId().equals(certificationId)
                    && reassess(Subsidy.idFor(other.certificationId()), rules.policy().classificationNotes()
                            .recalculated().replace("{subsidyId}", cancelled))) {
                moved++;
            }
        }
        return moved;
    }

    /**
     * A merge moved a certification to another platform: the unpaid subsidies of that platform are reassessed from its
     * whole history, as after a revocation, until none moves (one's new amount can change another's: an upgrade's
     * difference, a lower level's).
     *
     * @return how many reassessments moved a subsidy
     */
    public int onPlatformMerged(String certificationId) {
        Certification moved = certifications.find(certificationId).orElse(null);
        if (moved == null || moved.platformId() == null) {
            return 0;
        }
        String note = MERGED_NOTE.replace("{platformId}", moved.platformId());
        int moves = 0;
        for (int pass = 0; pass < MAX_MERGE_PASSES; pass++) {
            Platform platform = certifications.organization(moved.uscc()).platform(moved.platformId()).orElse(null);
            if (platform == null) {
                return moves;
            }
            int before = moves;
            for (Platform.Recognition r : platform.recognitions()) {
                if (reassess(Subsidy.idFor(r.certificationId()), note)) {
                    moves++;
                }
            }
            if (moves == before) {
                break;
            }
        }
        return moves;
    }

    /** Staff overrode the classification: the subsidy is created (if the stream had not yet) and reassessed. */
    public boolean onReclassified(String certificationId) {
        if (onCertificationRecorded(certificationId) == Outcome.CREATED) {
            return true;
        }
        return reassess(Subsidy.idFor(certificationId), null);
    }

    /**
     * Recalculates one unpaid subsidy from the record as it is now; {@code note} (may be null) says why.
     *
     * @return whether it changed
     */
    public boolean reassess(String subsidyId, String note) {
        return Retry.unitOfWork(() -> {
            Subsidy before = subsidies.find(subsidyId).orElse(null);
            if (before == null || !before.status().reassessable()) {
                return false;
            }
            Certification certification = certifications.find(before.certificationId()).orElse(null);
            if (certification == null || certification.status() == CertificationStatus.REVOKED) {
                return false;
            }
            PolicyParameters in = parametersInForce();
            SubsidyTerms terms = assess(certification, in);
            if (!terms.recorded()) {
                return false;
            }
            Subsidy after = before.reassessed(terms, before.note());
            if (after.equals(before)) {
                return false;
            }
            if (note != null && !Objects.equals(before.subtractedSubsidyId(), after.subtractedSubsidyId())) {
                after = after.withStatus(after.status(), after.amountYuan(), after.explanation(), note);
            }
            return subsidies.reassess(before, after, terms.parameters(), in, ACTOR, clock.instant());
        });
    }

    /** What the policy gives a certification, from its platform's other recognitions and their subsidies. */
    public SubsidyTerms assess(Certification certification, PolicyParameters in) {
        List<Classifier.Prior> priors = new ArrayList<>();
        if (certification.platformId() != null) {
            Platform platform = certifications.organization(certification.uscc())
                    .platform(certification.platformId()).orElse(null);
            for (Platform.Recognition other : platform == null ? List.<Platform.Recognition>of()
                    : platform.recognitions()) {
                if (!other.certificationId().equals(certification.certificationId())) {
                    priors.add(new Classifier.Prior(other.certificationId(), other.level(),
                            subsidies.find(Subsidy.idFor(other.certificationId())).orElse(null), other.issuedOn()));
                }
            }
        }
        return classifier.classify(in, new Classifier.Recognition(certification.certificationId(),
                certification.platformId(), certification.kind(), certification.level(), certification.renewal(),
                certification.issuedOn(), certification.classification(), certification.classificationReason()),
                priors);
    }

    public PolicyParameters parametersInForce() {
        Policy policy = rules.policy();
        return new PolicyParameters(policy, parameters.load(policy.version()));
    }
}
