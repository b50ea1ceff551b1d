package cn.bijie.innovation.shared.policy;

import java.util.List;

/** {@code GET /policy}: the policy in force with every amount and parameter as it applies today. */
public record PolicyView(
        String version,
        String title,
        String source,
        List<Policy.Code> levels,
        List<Policy.Kind> kinds,
        List<RuleView> rules,
        Policy.Upgrade upgrade,
        String noSubsidyNote,
        List<ParameterView> parameters,
        Policy.Reminders reminders,
        List<Policy.Code> counties,
        List<Policy.TargetPeriod> targetPeriods,
        List<Policy.Code> industries,
        List<Policy.Code> growthTiers,
        List<Policy.Family> families,
        Policy.Renewal renewal,
        Policy.Window window) {

    /** A rule with the amount in force: its fixed amount, or its parameter's value (null while unset). */
    public record RuleView(String id, List<String> kinds, List<String> levels, boolean renewal, Long amountYuan,
            String amountParameter, String clause, String explanation) {}

    /**
     * A parameter with the value in force, the policy file's default, and who set it when (null while the default
     * applies).
     */
    public record ParameterView(String name, String type, Object value, Object defaultValue, List<String> allowed,
            String description, String updatedAt, String updatedBy) {}
}
