package cn.bijie.innovation.shared.policy;

import java.util.Map;

/** Where staff's parameter values live. */
public interface PolicyParameterStore {
    /** The values stored for one policy version, by name (one read). */
    Map<String, StoredParameter> load(String policyVersion);

    /**
     * Stores {@code after} with its audit entry, only if the stored value is still {@code before} (null: none yet);
     * otherwise a {@code Conflict}.
     */
    void save(StoredParameter before, StoredParameter after);
}
