package cn.bijie.innovation.shared.cultivation;

import java.util.List;

/** The body of {@code PUT /organizations/{uscc}/readiness}: the checklist items the bureau found met. */
public record ReadinessInput(List<String> met) {}
