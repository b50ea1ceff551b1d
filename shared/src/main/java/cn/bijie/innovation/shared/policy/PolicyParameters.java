package cn.bijie.innovation.shared.policy;

import java.util.Map;

/** The open parameters in force: each one's value in the policy file, overridden by the value staff stored. */
public record PolicyParameters(Policy policy, Map<String, StoredParameter> stored) {

    public PolicyParameters {
        stored = Map.copyOf(stored);
    }

    /** The policy file's defaults alone. */
    public static PolicyParameters defaults(Policy policy) {
        return new PolicyParameters(policy, Map.of());
    }

    /** The value in force, or null when neither the file nor staff set one. */
    public Object value(String name) {
        StoredParameter set = stored.get(name);
        if (set != null) {
            return set.value();
        }
        return policy.parameter(name).map(Policy.Parameter::value).orElse(null);
    }

    /** A {@code YUAN} parameter in force, or null while unset. */
    public Long yuan(String name) {
        Object value = value(name);
        return value instanceof Number number ? Long.valueOf(number.longValue()) : null;
    }

    /** A {@code CHOICE} parameter in force. */
    public String choice(String name) {
        Object value = value(name);
        return value == null ? null : value.toString();
    }

    /** A {@code DATE} parameter in force, or null while unset. */
    public java.time.LocalDate date(String name) {
        Object value = value(name);
        return value == null ? null : java.time.LocalDate.parse(value.toString());
    }

    /** What staff stored, or null when the file's default is in force. */
    public StoredParameter storedValue(String name) {
        return stored.get(name);
    }
}
