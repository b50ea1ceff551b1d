package cn.bijie.innovation.shared.certification;

import cn.bijie.innovation.shared.application.Application;
import cn.bijie.innovation.shared.application.ApplicationStatus;
import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.indicator.Holding;
import cn.bijie.innovation.shared.indicator.OrganizationHoldings;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.platform.Platform;
import cn.bijie.innovation.shared.subsidy.Subsidy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where certifications live, with what their writes touch: the application a decision moves, the indicator holdings
 * and counters, the subsidy a revocation cancels. Each write is one transaction; a condition that stands for a state
 * the request read and that changed meanwhile fails as {@code ReadOutdated}, one that stands for an illegal change as
 * {@code Conflict}.
 */
public interface CertificationStore {
    Optional<Certification> find(String certificationId);

    /** The organisation's profile and indicator holdings. */
    OrganizationHoldings organization(String uscc);

    Optional<Application> application(String applicationId);

    Slice<Certification> list(CertificationFilter filter, int limit, Map<String, String> start);

    /** A new certification (absent until now), counted if ACTIVE; with a transition, the application's decision. */
    PendingWrite record(Recording recording);

    /** A decision that records no certification (rejected, returned). */
    PendingWrite decide(ApplicationTransition transition);

    PendingWrite revoke(Revocation revocation);

    /** Staff's classification override, conditioned on the certification not being revoked (else a Conflict). */
    PendingWrite reclassify(Certification before, Certification after, String actor, Instant at);

    /** {@code platform} as read: new (no {@code createdAt}) or with the recognitions the write adds to. */
    record Recording(Certification certification, String county, List<Holding> holdings,
            ApplicationTransition transition, String actor, Instant at, Platform platform) {}

    /** An application leaving {@code SUBMITTED}. */
    record ApplicationTransition(Application before, ApplicationStatus toStatus, String reason,
            String certificationId, String actor, Instant at) {}

    /** {@code subsidyBefore} null: none yet (the write then requires that still none exists). */
    record Revocation(Certification before, Certification after, List<Holding> holdings, Subsidy subsidyBefore,
            Subsidy subsidyAfter, String actor, Instant at) {}
}
