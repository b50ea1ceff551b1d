package cn.bijie.innovation.shared.application;

import cn.bijie.innovation.shared.errors.Conflict;
import cn.bijie.innovation.shared.errors.Forbidden;
import cn.bijie.innovation.shared.errors.NotFound;
import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.Prior;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.identity.Caller;
import cn.bijie.innovation.shared.identity.Role;
import cn.bijie.innovation.shared.ids.DerivedId;
import cn.bijie.innovation.shared.ids.SortableId;
import cn.bijie.innovation.shared.organization.Organization;
import cn.bijie.innovation.shared.paging.ListParameters;
import cn.bijie.innovation.shared.paging.Page;
import cn.bijie.innovation.shared.paging.PageToken;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.time.Shanghai;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Applications (申报): an applicant submits, corrects what staff returned, withdraws; everyone who may read them
 * lists and reads them. Staff decisions live in the certification module.
 */
public final class ApplicationService {
    static final int MAX_PLATFORM_NAME = 100;
    static final int MAX_CERTIFICATE_NO = 64;
    static final int MAX_NOTES = 1000;

    private final ApplicationStore store;
    private final Policy policy;
    private final PageToken pageTokens;
    private final Clock clock;

    public ApplicationService(ApplicationStore store, Policy policy, PageToken pageTokens, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.pageTokens = pageTokens;
        this.clock = clock;
    }

    /** {@code POST /applications}: the stored application, or the first response of a replayed key. */
    public Written<Application> submit(Caller caller, ApplicationInput input, IdempotencyKey key) {
        caller.requireAny(Role.APPLICANT);
        validate(input);
        if (!caller.actsFor(input.uscc())) {
            throw new Forbidden("只能为本单位申报 (you may apply only for your own organisation)");
        }
        Prior<Organization> prior = store.organization(input.uscc(), key);
        if (prior.replay() != null) {
            return Written.replayed(prior.replay());
        }
        Organization organization = prior.found().orElseThrow(() -> new Conflict(
                "请先填写单位资料 (the organisation needs a profile before it can apply: PUT /organizations/{uscc})"));
        requireOwnPlatform(input);
        String now = clock.instant().toString();
        Application application = new Application(SortableId.next(clock), ApplicationStatus.SUBMITTED, now,
                input.uscc(), input.kind(), input.level(), input.renewal(), input.platformName().strip(),
                input.certificateNo().strip(), input.issuedOn(), stripOrNull(input.notes()), organization.county(),
                now, null, null, input.platformId());
        return Written.of(application, store.create(application,
                policy.openApplicationsPerOrganization().max(), caller.sub()));
    }

    /** {@code GET /applications}: an applicant its own organisation's, the reading roles all, newest first. */
    public Page<Application> list(Caller caller, String status, String kind, String county, int limit,
            String nextToken) {
        Validator v = new Validator();
        v.optionalCode(ListParameters.STATUS, status, s -> ApplicationStatus.parse(s).isPresent());
        v.optionalCode("kind", kind, k -> policy.kind(k).isPresent());
        v.optionalCode("county", county, policy::isCounty);
        v.throwIfAny();
        String scope;
        if (caller.readsAll()) {
            scope = null;
        } else if (caller.has(Role.APPLICANT) && caller.uscc() != null) {
            scope = caller.uscc();
        } else {
            throw new Forbidden("当前角色无权执行此操作 (your role may not do this)");
        }
        ApplicationQuery query = new ApplicationQuery(scope, ApplicationStatus.parse(status).orElse(null), kind,
                county);
        Map<String, String> start = pageTokens.open(nextToken, caller.sub(), query.fingerprint());
        Slice<Application> slice = store.list(query, limit, start);
        return new Page<>(slice.items(), pageTokens.issue(slice.lastKey(), caller.sub(), query.fingerprint()));
    }

    /** {@code PUT /applications/{id}}: the owner's corrected body, only while {@code RETURNED}; → {@code SUBMITTED}. */
    public Written<Application> correct(Caller caller, String applicationId, ApplicationInput input,
            IdempotencyKey key) {
        validate(input);
        return transition(caller, applicationId, key, before -> {
            if (!before.uscc().equals(input.uscc())) {
                throw ValidationFailed.field("uscc",
                        "不能更改申报单位 (an application cannot move to another organisation)");
            }
            if (!before.status().correctable()) {
                throw new Conflict("只有被退回的申报可以修改 (only a RETURNED application can be corrected; it is "
                        + before.status() + ")");
            }
            requireOwnPlatform(input);
            return before.resubmitted(input, clock.instant().toString());
        }, "APPLICATION_CORRECTED");
    }

    /** {@code POST /applications/{id}/withdrawal}: the owner's, while {@code SUBMITTED} or {@code RETURNED}. */
    public Written<Application> withdraw(Caller caller, String applicationId, IdempotencyKey key) {
        return transition(caller, applicationId, key, before -> {
            if (!before.status().open()) {
                throw new Conflict("该申报已结束，不能撤回 (only a SUBMITTED or RETURNED application can be withdrawn; it is "
                        + before.status() + ")");
            }
            return before.withStatus(ApplicationStatus.WITHDRAWN, clock.instant().toString());
        }, "APPLICATION_WITHDRAWN");
    }

    private Written<Application> transition(Caller caller, String applicationId, IdempotencyKey key,
            UnaryOperator<Application> change, String action) {
        Prior<Application> prior = forOwnerChange(caller, applicationId, key,
                "只有申报单位可以修改或撤回申报 (only the applicant may change its application)");
        if (prior.replay() != null) {
            return Written.replayed(prior.replay());
        }
        Application after = change.apply(prior.record());
        return Written.of(after, store.change(prior.record(), after, action, caller.sub()));
    }

    /**
     * The application an owner's write request is about (a change here, a document elsewhere), read in one call with
     * the stored response of {@code key}. A replay comes back as it is; otherwise the application exists, the caller
     * may see it (else 404, as if missing) and is its applicant (else 403 {@code notOwner}).
     */
    public Prior<Application> forOwnerChange(Caller caller, String applicationId, IdempotencyKey key,
            String notOwner) {
        requireWellFormed(applicationId);
        Prior<Application> prior = store.application(applicationId, key);
        if (prior.replay() != null) {
            return prior;
        }
        Application application = prior.found().orElseThrow(ApplicationService::notFound);
        caller.requireRead(application.uscc(), "申报");
        if (!caller.actsFor(application.uscc())) {
            throw new Forbidden(notOwner);
        }
        return prior;
    }

    /** {@code GET /applications/{id}}: another organisation's answers exactly like a missing one. */
    public Application get(Caller caller, String applicationId) {
        requireWellFormed(applicationId);
        Application application = store.find(applicationId).orElseThrow(ApplicationService::notFound);
        caller.requireRead(application.uscc(), "申报");
        return application;
    }

    private void validate(ApplicationInput input) {
        Validator v = new Validator();
        v.uscc("uscc", input.uscc());
        boolean kindKnown = input.kind() != null && policy.kind(input.kind()).isPresent();
        v.code("kind", input.kind(), k -> policy.kind(k).isPresent());
        v.code("level", input.level(), this::isLevel);
        if (kindKnown && isLevel(input.level()) && !policy.isLevelOf(input.kind(), input.level())) {
            v.problem("level", input.kind() + " 没有 " + input.level() + " 级别 (the policy lists "
                    + policy.kind(input.kind()).orElseThrow().levels() + " for this kind)");
        }
        if (v.required("renewal", input.renewal()) && input.renewal() && kindKnown
                && !policy.kind(input.kind()).orElseThrow().renewable()) {
            v.problem("renewal", "只有高新技术企业有重新认定 (renewal applies only to a kind with a term, e.g. "
                    + "HIGH_TECH_ENTERPRISE)");
        }
        v.text("platformName", input.platformName(), MAX_PLATFORM_NAME);
        v.text("certificateNo", input.certificateNo(), MAX_CERTIFICATE_NO);
        LocalDate issuedOn = v.date("issuedOn", input.issuedOn());
        if (issuedOn != null && issuedOn.isAfter(Shanghai.today(clock))) {
            v.problem("issuedOn", "不能晚于今天 (must not be in the future)");
        }
        if (issuedOn != null && issuedOn.isBefore(policy.issuedOnFloor())) {
            v.problem("issuedOn", "不能早于 " + policy.issuedOnFloor() + " (not before " + policy.issuedOnFloor() + ")");
        }
        v.optionalMultilineText("notes", input.notes(), MAX_NOTES);
        if (input.platformId() != null && !DerivedId.isWellFormed("plat", input.platformId())) {
            v.problem("platformId", "不是平台编号 (not a platform id)");
        }
        v.throwIfAny();
    }

    /**
     * The platform the applicant named is one of its own organisation's, of the kind's family: another organisation's
     * answers exactly like an unknown one (400), so nothing is revealed.
     */
    private void requireOwnPlatform(ApplicationInput input) {
        if (input.platformId() == null) {
            return;
        }
        Platform platform = store.platform(input.uscc(), input.platformId()).orElseThrow(() -> ValidationFailed.field(
                "platformId", "本单位没有这个平台 (no such platform of your organisation)"));
        if (!platform.family().equals(policy.familyOf(input.kind()))) {
            throw ValidationFailed.field("platformId", "平台类别与申报类型不符 (the platform is of another kind family: "
                    + platform.family() + ")");
        }
    }

    private boolean isLevel(String level) {
        return policy.levels().stream().anyMatch(l -> l.code().equals(level));
    }

    private static void requireWellFormed(String applicationId) {
        if (!SortableId.isWellFormed(applicationId)) {
            throw notFound();
        }
    }

    /** Word for word what {@link Caller#requireRead} says, so a foreign id and a missing one cannot be told apart. */
    private static NotFound notFound() {
        return new NotFound("申报不存在 (not found)");
    }

    static String stripOrNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
