package cn.bijie.innovation.shared.policy;

/**
 * The answer to a proposed parameter value: the proposal waiting for a second staff member ({@code pending}), or,
 * when the value proposed is the one in force, that parameter and nothing written ({@code pending} null).
 */
public record ParameterChange(ParameterProposal pending, PolicyView.ParameterView inForce) {}
