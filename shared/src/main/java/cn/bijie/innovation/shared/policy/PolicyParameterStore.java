package cn.bijie.innovation.shared.policy;

import java.util.Map;

/** Where staff's parameter values and the proposals to change them live. */
public interface PolicyParameterStore {
    /** The values stored for one policy version, by name (one read). */
    Map<String, StoredParameter> load(String policyVersion);

    /** The last change of {@code name} proposed (waiting or approved), or null. */
    ParameterProposal proposal(String policyVersion, String name);

    /**
     * Stores {@code after} as the proposal waiting for approval, with its audit entry, only if the last proposal is
     * still {@code before} (null: none yet); otherwise a {@code Conflict}.
     */
    void propose(ParameterProposal before, ParameterProposal after);

    /**
     * Puts {@code after} in force and marks {@code approved} approved, with the audit entry naming both staff members,
     * in one write: only if the proposal still waits as read and the stored value is still {@code before} (null: none
     * yet); otherwise a {@code Conflict}.
     */
    void approve(ParameterProposal approved, StoredParameter before, StoredParameter after);
}
