package cn.bijie.innovation.shared.subsidy;

import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.paging.Slice;
import cn.bijie.innovation.shared.policy.PolicyParameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where subsidies live. Only the subsidy function creates them; every change leaves an audit entry. */
public interface SubsidyStore {
    Optional<Subsidy> find(String subsidyId);

    Slice<Subsidy> list(SubsidyFilter filter, int limit, Map<String, String> start);

    /** {@code AWAITING_PAYMENT → PAID}; any other state is a {@code Conflict}. */
    PendingWrite disburse(Subsidy before, Subsidy after, String actor, Instant at);

    /** Every subsidy of the policy version in {@code status} (background work, paged through). */
    List<Subsidy> inStatus(String policyVersion, SubsidyStatus status);

    /**
     * A recalculated subsidy ({@code before} as read, not paid): its status, amount, rule and explanation change,
     * the platform-level it holds moves with it, and the write holds only while each of {@code parameters} has the
     * value {@code in} shows. False when it was no longer in the state read.
     */
    boolean reassess(Subsidy before, Subsidy after, List<String> parameters,
            PolicyParameters in, String actor, Instant at);

    /** {@code RECOVERY_DUE → RECOVERED}; any other state is a {@code Conflict}. */
    PendingWrite recover(Subsidy before, Subsidy after, String actor, Instant at);
}
