package cn.bijie.innovation.shared.certification;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.certification.CertificationStore.ApplicationTransition;
import cn.bijie.innovation.shared.certification.CertificationStore.Recording;
import cn.bijie.innovation.shared.certification.CertificationStore.Revocation;
import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.DerivedId;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.paging.ListParameters;
import cn.bijie.innovation.shared.paging.OwnedLists;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.subsidy.Classifier;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import cn.bijie.innovation.shared.subsidy.SubsidyRules;
import cn.bijie.innovation.shared.subsidy.SubsidyStore;
import cn.bijie.innovation.shared.subsidy.SubsidyTerms;
import cn.bijie.innovation.shared.time.Shanghai;
import cn.bijie.innovation.shared.validation.TextPolicy;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff decide applications and record recognitions; staff revoke them. A certification write moves, in the same
 * transaction, the application it decides and the indicator counters; a revocation also cancels the unpaid subsidy.
 * State conflicts are left to the transaction's conditions (never pre-checked), so that an idempotent replay of a
 * request that succeeded answers like the first time.
 */
public final class CertificationService {
    static final int MAX_NAME = 200;
    static final int MAX_CERTIFICATE_NO = 64;
    static final int MAX_AUTHORITY = 100;
    static final int MAX_REASON = 500;
    static final List<String> OUTCOMES = List.of("CERTIFIED", "REJECTED", "RETURNED");

    private final CertificationStore store;
    private final SubsidyStore subsidies;
    private final Policy policy;
    private final SubsidyRules rules;
    private final PageToken tokens;
    private final Clock clock;

    public CertificationService(CertificationStore store, SubsidyStore subsidies, Policy policy, PageToken tokens,
            Clock clock) {
        this.store = store;
        this.subsidies = subsidies;
        this.policy = policy;
        this.rules = new SubsidyRules(policy);
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code POST /certifications}: staff record a recognition from an official list. */
    public Written<Certification> record(Caller caller, CertificationInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.uscc("uscc", input.uscc());
        kindAndLevel(v, input.kind(), input.level());
        // renewal is only what the caller claims (the record decides); an official list claims nothing
        if (Boolean.TRUE.equals(input.renewal())
                && policy.kind(input.kind()).map(k -> !k.renewable()).orElse(false)) {
            v.problem("renewal", "该类型的认定没有重新认定 (this kind is not renewed)");
        }
        platformIdShape(v, input.platformId());
        v.text("platformName", input.platformName(), MAX_NAME);
        v.text("certificateNo", input.certificateNo(), MAX_CERTIFICATE_NO);
        LocalDate issuedOn = v.date("issuedOn", input.issuedOn());
        LocalDate expiresOn = v.optionalDate("expiresOn", input.expiresOn());
        dates(v, issuedOn, expiresOn);
        v.optionalText("authority", input.authority(), MAX_AUTHORITY);
        v.throwIfAny();

        OrganizationHoldings organization = store.organization(input.uscc());
        if (organization.profile() == null) {
            throw ValidationFailed.field("uscc",
                    "该组织尚未登记资料 (no organisation profile: PUT /organizations/{uscc} first)");
        }
        Instant now = clock.instant();
        Platform platform = platformFor(organization, input.uscc(), input.kind(), input.platformName().strip(),
                input.platformId());
        Certification certification = certification(input.uscc(), input.kind(), input.level(), input.renewal(),
                input.platformName().strip(), input.certificateNo().strip(), issuedOn, expiresOn,
                input.authority(), null, platform, now);
        return Written.of(certification, store.record(new Recording(certification,
                organization.profile().county(), organization.holdings(), null, caller.sub(), now, platform)));
    }

    /** {@code POST /applications/{id}/decision}: staff certify, reject or return a submitted application. */
    public Written<DecisionResult> decide(Caller caller, String applicationId, DecisionInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.code("outcome", input.outcome(), OUTCOMES::contains);
        if ("CERTIFIED".equals(input.outcome())) {
            v.optionalMultilineText("reason", input.reason(), MAX_REASON);
        } else {
            v.multilineText("reason", input.reason(), MAX_REASON);
        }
        v.optionalText("certificateNo", input.certificateNo(), MAX_CERTIFICATE_NO);
        if (input.certificateNo() != null && TextPolicy.isBlank(input.certificateNo())) {
            v.problem("certificateNo", "不能为空 (must not be blank)");
        }
        LocalDate issuedOverride = v.optionalDate("issuedOn", input.issuedOn());
        LocalDate expiresOverride = v.optionalDate("expiresOn", input.expiresOn());
        v.optionalText("authority", input.authority(), MAX_AUTHORITY);
        platformIdShape(v, input.platformId());
        v.throwIfAny();

        // a path id of another shape names nothing: 404 without a read
        Application application = (SortableId.isWellFormed(applicationId) ? store.application(applicationId)
                : Optional.<Application>empty()).orElseThrow(() -> new NotFound("申报不存在 (not found)"));
        // an account that is also an applicant never decides its own organisation's application
        if (caller.has(Role.APPLICANT) && application.uscc().equals(caller.uscc())) {
            throw new Forbidden("不能审核本单位的申报 (staff cannot decide their own organisation's application)");
        }
        if (!"CERTIFIED".equals(input.outcome())) {
            Instant now = clock.instant();
            var transition = new ApplicationTransition(application, ApplicationStatus.valueOf(input.outcome()),
                    input.reason(), null, caller.sub(), now);
            return Written.of(result(application, transition, null), store.decide(transition));
        }

        LocalDate issuedOn = issuedOverride != null ? issuedOverride : LocalDate.parse(application.issuedOn());
        Validator dates = new Validator();
        dates(dates, issuedOn, expiresOverride);
        dates.throwIfAny();
        String certificateNo = input.certificateNo() != null ? input.certificateNo().strip()
                : application.certificateNo();
        OrganizationHoldings organization = store.organization(application.uscc());
        if (organization.profile() == null) {
            throw new Conflict("申报组织的资料不存在 (the applicant's organisation profile is missing)");
        }
        Instant now = clock.instant();
        // staff's choice wins; else the platform the applicant named; else the family and name's match
        Platform platform = platformFor(organization, application.uscc(), application.kind(),
                application.platformName(), input.platformId() != null ? input.platformId() : application.platformId());
        Certification certification = certification(application.uscc(), application.kind(),
                application.level(), application.renewal(), application.platformName(), certificateNo,
                issuedOn, expiresOverride, input.authority(), application.applicationId(), platform, now);
        var transition = new ApplicationTransition(application, ApplicationStatus.CERTIFIED, input.reason(),
                certification.certificationId(), caller.sub(), now);
        return Written.of(result(application, transition, certification), store.record(new Recording(
                certification, organization.profile().county(), organization.holdings(), transition,
                caller.sub(), now, platform)));
    }

    /** {@code GET /certifications}. */
    public Page<Certification> list(Caller caller, String uscc, String kind, String status, String expiringBefore,
            String limit, String nextToken) {
        Validator v = new Validator();
        if (uscc != null) {
            v.uscc("uscc", uscc);
        }
        v.optionalCode("kind", kind, code -> policy.kind(code).isPresent());
        v.optionalCode(ListParameters.STATUS, status, code -> Arrays.stream(CertificationStatus.values())
                .anyMatch(s -> s.name().equals(code)));
        v.optionalDate("expiringBefore", expiringBefore);
        v.throwIfAny();
        int pageSize = Page.limit(limit);
        return OwnedLists.list(caller, uscc, visible -> {
            var filter = new CertificationFilter(visible, kind,
                    status == null ? null : CertificationStatus.valueOf(status), expiringBefore);
            String sub = caller.sub();
            Slice<Certification> slice = store.list(filter, pageSize,
                    tokens.open(nextToken, sub, filter.fingerprint()));
            return new Page<>(slice.items(), tokens.issue(slice.lastKey(), sub, filter.fingerprint()));
        });
    }

    /** {@code GET /certifications/{id}}: another organisation's is a 404 like a missing one. */
    public Certification get(Caller caller, String certificationId) {
        caller.requireAny(Role.values());
        Certification certification = find(certificationId)
                .orElseThrow(() -> new NotFound("认定记录不存在 (not found)"));
        caller.requireRead(certification.uscc(), "认定记录");
        return certification;
    }

    /** {@code POST /certifications/{id}/revocation}: staff; cancels the unpaid subsidy, flags a paid one. */
    public Written<Certification> revoke(Caller caller, String certificationId, RevocationInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.multilineText("reason", input.reason(), MAX_REASON);
        v.throwIfAny();
        Certification before = find(certificationId)
                .orElseThrow(() -> new NotFound("认定记录不存在 (not found)"));
        OrganizationHoldings organization = store.organization(before.uscc());
        Subsidy subsidyBefore = subsidies.find(Subsidy.idFor(certificationId)).orElse(null);
        Instant now = clock.instant();
        Certification after = before.revoked(now.toString(), input.reason().strip());
        Subsidy subsidyAfter = subsidyBefore == null ? null
                : rules.onRevocation(subsidyBefore, Shanghai.dateOf(now));
        return Written.of(after, store.revoke(new Revocation(before, after, organization.holdings(),
                subsidyBefore, subsidyAfter, caller.sub(), now)));
    }

    /**
     * {@code GET /organizations/{uscc}/platforms}: the organisation's platforms with their recognitions over time (one
     * Query); another organisation's are a 404 like a missing one.
     */
    public Map<String, List<Platform>> platforms(Caller caller, String uscc) {
        caller.requireAny(Role.values());
        Validator v = new Validator();
        v.uscc("uscc", uscc);
        v.throwIfAny();
        caller.requireRead(uscc, "组织");
        return Map.of("items", store.organization(uscc).platforms());
    }

    /**
     * {@code POST /certifications/{id}/classification}: staff override the derived classification with a written
     * reason (audited); the subsidy function reassesses the subsidy if it is not paid yet.
     */
    public Written<Certification> reclassify(Caller caller, String certificationId, ClassificationInput input) {
        caller.requireAny(Role.STAFF);
        Validator v = new Validator();
        v.code("classification", input.classification(), Classifier.OVERRIDES::contains);
        v.multilineText("reason", input.reason(), MAX_REASON);
        v.throwIfAny();
        Certification before = find(certificationId)
                .orElseThrow(() -> new NotFound("认定记录不存在 (not found)"));
        if ("RENEWAL".equals(input.classification()) && !policy.isRenewable(before.kind())) {
            throw ValidationFailed.field("classification", "该类型的认定没有重新认定 (this kind is not renewed)");
        }
        Certification after = before.classified(input.classification(), input.reason().strip());
        return Written.of(after, store.reclassify(before, after, caller.sub(), clock.instant()));
    }

    /** A path id of another shape names nothing: 404 without a read. */
    private Optional<Certification> find(String certificationId) {
        return DerivedId.isWellFormed("cert", certificationId) ? store.find(certificationId) : Optional.empty();
    }

    private Certification certification(String uscc, String kind, String level, Boolean renewalClaimed,
            String platformName, String certificateNo, LocalDate issuedOn, LocalDate expiresOn, String authority,
            String applicationId, Platform platform, Instant now) {
        if (expiresOn == null) {
            // the last valid day: issued 2023-12-26 for 3 years → valid until 2026-12-25
            expiresOn = policy.kind(kind).map(Policy.Kind::validityYears)
                    .map(years -> issuedOn.plusYears(years).minusDays(1)).orElse(null);
        }
        // recorded late (e.g. from an old official list): it never counts, and the reminder run has nothing to do
        CertificationStatus status = expiresOn != null && expiresOn.isBefore(Shanghai.today(clock))
                ? CertificationStatus.EXPIRED : CertificationStatus.ACTIVE;
        String id = Certification.idOf(uscc, kind, level, certificateNo, issuedOn.toString());
        // the record decides: a renewable kind's recognition is a renewal when the enterprise had an earlier one
        boolean renewal = policy.isRenewable(kind) && !platform.before(issuedOn.toString(), id).isEmpty();
        SubsidyTerms eligibility = rules.eligibility(kind, level, renewal);
        String note = eligibility.explanation();
        if (renewalClaimed != null && renewalClaimed != renewal) {
            note = note + Policy.fill(policy.classificationNotes().renewalMismatch(),
                    Map.of("claimed", renewalClaimed, "derived", renewal ? "重新认定" : "新认定"));
        }
        return new Certification(id, uscc, kind, level, renewal, platformName, certificateNo, issuedOn.toString(),
                expiresOn == null ? null : expiresOn.toString(), status, eligibility.eligible(),
                note, authority == null ? null : authority.strip(), applicationId,
                now.toString(), null, null, platform.platformId(), renewalClaimed, null, null);
    }

    /**
     * The platform a recognition belongs to: the one staff name (a merged one's successor), else the organisation's
     * platform of the kind's family and this name, else a new one.
     */
    private Platform platformFor(OrganizationHoldings organization, String uscc, String kind, String name,
            String platformId) {
        String family = policy.familyOf(kind);
        if (platformId != null && organization.platform(platformId).isEmpty()) {
            throw ValidationFailed.field("platformId", "该组织没有这个平台 (no such platform of this organisation)");
        }
        Platform found = organization.current(platformId != null ? platformId
                : Platform.idFor(policy, uscc, kind, name)).orElse(null);
        if (found == null) {
            return new Platform(Platform.idFor(policy, uscc, kind, name), uscc, family, kind, name, List.of(), null,
                    null);
        }
        if (!found.family().equals(family)) {
            throw ValidationFailed.field("platformId", "平台类别与认定类型不符 (the platform is of another kind family: "
                    + found.family() + ")");
        }
        return found;
    }

    private static void platformIdShape(Validator v, String platformId) {
        if (platformId != null && !DerivedId.isWellFormed("plat", platformId)) {
            v.problem("platformId", "不是平台编号 (not a platform id)");
        }
    }

    private void kindAndLevel(Validator v, String kind, String level) {
        v.code("kind", kind, code -> policy.kind(code).isPresent());
        if (v.required("level", level) && policy.kind(kind).isPresent() && !policy.isLevelOf(kind, level)) {
            v.problem("level", "该类型没有这一级别 (no such level for this kind): " + level);
        }
    }

    private void dates(Validator v, LocalDate issuedOn, LocalDate expiresOn) {
        if (issuedOn != null && issuedOn.isAfter(Shanghai.today(clock))) {
            v.problem("issuedOn", "不能晚于今天 (must not be in the future)");
        }
        if (issuedOn != null && issuedOn.isBefore(policy.issuedOnFloor())) {
            v.problem("issuedOn", "不能早于 " + policy.issuedOnFloor() + " (not before " + policy.issuedOnFloor() + ")");
        }
        if (issuedOn != null && expiresOn != null && !expiresOn.isAfter(issuedOn)) {
            v.problem("expiresOn", "须晚于发证日期 (must be after issuedOn)");
        }
    }

    private static DecisionResult result(Application application, ApplicationTransition transition,
            Certification certification) {
        return new DecisionResult(application.applicationId(), transition.toStatus().name(), application.uscc(),
                application.kind(), application.level(), application.renewal(), application.platformName(),
                certification == null ? application.certificateNo() : certification.certificateNo(),
                certification == null ? application.issuedOn() : certification.issuedOn(), transition.reason(),
                transition.at().toString(), transition.certificationId(), certification);
    }
}
