package cn.bijie.innovation.shared.subsidy;

import cn.bijie.innovation.shared.certification.Certification;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import cn.bijie.innovation.shared.idempotency.Committed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where subsidies live. Only the subsidy function creates them; every change leaves an audit entry. */
public interface SubsidyStore {
    Optional<Subsidy> find(String subsidyId);

    Slice<Subsidy> list(SubsidyFilter filter, int limit, Map<String, String> start);

    /** {@code AWAITING_PAYMENT → PAID}; any other state is a {@code Conflict}. */
    Committed disburse(Subsidy before, Subsidy after, String actor, Instant at, IdempotencyKey key, int status,
            Object body);

    /** The organisation's subsidy of {@code kind} at {@code level} that is paid or awaiting payment, if any. */
    Optional<Subsidy> paidOrAwaiting(String uscc, String kind, String level);

    /**
     * Creates the subsidy of a certification, only if none exists yet, only while the certification has the status
     * {@code seen} had and each of {@code parameters} still has the value {@code in} shows ({@code ReadOutdated}
     * otherwise).
     *
     * @return false when the subsidy existed already (a repeated delivery): nothing was written
     */
    boolean create(Subsidy subsidy, Certification seen, List<String> parameters, PolicyParameters in, String actor,
            Instant at);

    /** Every {@code PENDING_AMOUNT} subsidy of one rule (background work, paged through). */
    List<Subsidy> pending(String policyVersion, String rule);

    /** {@code PENDING_AMOUNT → AWAITING_PAYMENT}; false when it was no longer pending. */
    boolean assignAmount(Subsidy before, Subsidy after, String actor, Instant at);
}
