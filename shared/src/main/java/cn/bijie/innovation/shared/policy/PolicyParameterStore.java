package cn.bijie.innovation.shared.policy;

import cn.bijie.innovation.shared.idempotency.PendingWrite;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.Prior;
import java.util.Map;

/** Where staff's parameter values and the proposals to change them live. */
public interface PolicyParameterStore {
    /** The values stored for one policy version, by name (one read). */
    Map<String, StoredParameter> load(String policyVersion);

    /**
     * The last change of {@code name} proposed (waiting or approved; null when none) and, with an {@code Idempotency-Key},
     * the stored answer of the same approval (one read).
     */
    Prior<ParameterProposal> proposal(String policyVersion, String name, IdempotencyKey key);

    /**
     * Stores {@code after} as the proposal waiting for approval, with its audit entry, only if the last proposal is
     * still {@code before} (null: none yet); otherwise a {@code Conflict}.
     */
    void propose(ParameterProposal before, ParameterProposal after);

    /**
     * Puts {@code after} in force and marks {@code approved} approved, with the audit entry naming both staff members,
     * in one write: only if the proposal still waits as read and the stored value is still {@code before} (null: none
     * yet); otherwise a {@code Conflict}. The edge commits it with its answer.
     */
    PendingWrite approve(ParameterProposal approved, StoredParameter before, StoredParameter after);
}
