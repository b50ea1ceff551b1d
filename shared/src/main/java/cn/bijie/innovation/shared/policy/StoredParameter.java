package cn.bijie.innovation.shared.policy;

/**
 * A parameter value staff set ({@code POLICY#<version> / PARAM#<name>}): a {@code Long} for a {@code YUAN}
 * parameter, a {@code String} for a {@code CHOICE}.
 */
public record StoredParameter(String policyVersion, String name, Object value, String updatedAt, String updatedBy) {}
