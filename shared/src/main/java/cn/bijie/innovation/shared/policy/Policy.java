package cn.bijie.innovation.shared.policy;

import cn.bijie.innovation.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy as data: one versioned file ({@code policy/BJ-2019.json}) read off the city's plan — kinds, levels,
 * amounts with the clause each comes from, open parameters, reminder thresholds, codes and targets. No other place
 * in the code holds these numbers.
 */
public record Policy(
        String version,
        String title,
        String source,
        List<Code> levels,
        List<Kind> kinds,
        List<Rule> rules,
        String noSubsidyNote,
        Upgrade upgrade,
        Notes notes,
        String earliestIssuedOn,
        List<Parameter> parameters,
        Reminders reminders,
        List<Code> counties,
        List<Code> industries,
        List<Code> growthTiers,
        List<TargetPeriod> targetPeriods,
        Notice notice,
        List<Family> families,
        Renewal renewal,
        Window window,
        ClassificationNotes classificationNotes,
        OpenApplications openApplicationsPerOrganization) {

    public static final String ACTIVE_VERSION = "BJ-2019";

    private static final Policy ACTIVE = load(ACTIVE_VERSION);

    /**
     * The earliest {@code issuedOn} a recognition may have: older dates (0000-01-01, 1900-01-01) are typing errors,
     * not recognitions of organisations in 毕节.
     */
    public LocalDate issuedOnFloor() {
        return LocalDate.parse(earliestIssuedOn);
    }

    /** The policy version in force. */
    public static Policy active() {
        return ACTIVE;
    }

    public static Policy load(String version) {
        try (InputStream in = Policy.class.getResourceAsStream("/policy/" + version + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no policy file for version " + version);
            }
            return Json.MAPPER.readValue(in, Policy.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How many applications one organisation may have open ({@code SUBMITTED} or {@code RETURNED}) at once: the
     * bureau's operating setting, not a clause of the plan ({@code basis} says so in the file).
     */
    public record OpenApplications(int max, String basis) {}

    /** A code with its Chinese name (county, industry, growth tier, level). */
    public record Code(String code, String name) {}

    /**
     * A recognition kind and the levels that exist for it. Kinds of one {@code family} are one sort of platform (the
     * plan's 技术创新中心（或工程技术研究中心）): a platform keeps its family when a later recognition names the other kind.
     */
    public record Kind(String code, String name, List<String> levels, Integer validityYears, boolean renewable,
            String family) {
        /** The family, or the kind itself when it stands alone. */
        public String familyCode() {
            return family == null ? code : family;
        }
    }

    /** A family of kinds the plan names together, with the clause that does. */
    public record Family(String code, String name, String clause, String description) {}

    /** Which kinds are re-recognised, and the rule that tells a renewal from the record. */
    public record Renewal(List<String> kinds, String clause, String description) {}

    /** The subsidy window: the parameter that holds its first day, and the sentences that explain it. */
    public record Window(String parameter, String clause, String pending, String outside) {}

    /** Sentences of the classification; {@code {name}} placeholders are filled by {@link #fill}. */
    public record ClassificationNotes(String renewalMismatch, String alreadyPaid, String notHigher,
            String upgradeNoPrior, String override, String recalculated, String recovered) {}

    /** The family of {@code kind} (the kind itself when the policy names none). */
    public String familyOf(String kind) {
        return kind(kind).map(Kind::familyCode).orElse(kind);
    }

    /** Whether the record decides renewals of {@code kind}. */
    public boolean isRenewable(String kind) {
        return renewal.kinds().contains(kind);
    }

    /** The rank of a level, higher for a higher level: the order of {@code levels} in the file, highest first. */
    public int rank(String level) {
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).code().equals(level)) {
                return levels.size() - i;
            }
        }
        return 0;
    }

    /** A subsidy rule: which recognitions it covers, the amount (or the parameter that holds it) and its clause. */
    public record Rule(String id, List<String> kinds, List<String> levels, boolean renewal, Long amountYuan,
            String amountParameter, String clause, String explanation) {}

    /** A point the plan leaves open, held as data that staff set. */
    public record Parameter(String name, String type, Object value, List<String> allowed, String description) {}

    /**
     * A platform that got the provincial amount and is later recognised nationally: the plan's 分别给予 is read as
     * {@code FULL}; {@code DIFFERENCE} is the switch's other setting. Each mode names its rule id and explanation.
     */
    public record Upgrade(List<String> kinds, String fromLevel, String toLevel, String modeParameter, String clause,
            List<UpgradeMode> modes) {
        public Optional<UpgradeMode> mode(String mode) {
            return modes.stream().filter(m -> m.mode().equals(mode)).findFirst();
        }
    }

    public record UpgradeMode(String mode, String rule, String explanation) {}

    /** Sentences added to explanations; {@code {name}} placeholders are filled by {@link #fill}. */
    public record Notes(String pendingAmount, String parameterAmount, String cancelled, String revokedAfterPayment) {}

    /** 公示 before payment: how many working days a notice runs, and the clause it cites. */
    public record Notice(int workingDays, String source) {}

    public record Reminders(List<Integer> expiryThresholdDays, int applicationWaitingDays, int subsidyUnpaidDays) {}

    public record TargetPeriod(String period, String deadline, String source, List<Indicator> indicators) {}

    /**
     * A target: {@code unit} 家 (enterprises, the high-tech enterprise's) or 个 (platforms); {@code reading} is how the
     * plan's words were read into {@code counts}, with its {@code clause}, and {@code otherReading} the other one the
     * plan allows (a configuration change, not code).
     */
    public record Indicator(String id, String name, int target, List<Counts> counts, String unit, String clause,
            String reading, String otherReading) {
        /** Whether a recognition of {@code kind} at {@code level} counts toward this indicator. */
        public boolean counts(String kind, String level) {
            return counts.stream().anyMatch(c -> c.kind().equals(kind) && c.levels().contains(level));
        }
    }

    /** An indicator counts organisations holding an active recognition of this kind at one of these levels. */
    public record Counts(String kind, List<String> levels) {}

    public Optional<Kind> kind(String code) {
        return kinds.stream().filter(k -> k.code().equals(code)).findFirst();
    }

    /**
     * The reminder rule: a recognition granted for a term (its kind has {@code validityYears}, the high-tech
     * enterprise's 3) expires, and its holder is reminded at each of {@code reminders.expiryThresholdDays} before.
     */
    public boolean remindsBeforeExpiry(String kind) {
        return kind(kind).map(k -> k.validityYears() != null).orElse(false);
    }

    public boolean isLevelOf(String kind, String level) {
        return kind(kind).map(k -> k.levels().contains(level)).orElse(false);
    }

    /** The subsidy rule for a recognition, if the policy gives one. */
    public Optional<Rule> rule(String kind, String level, boolean renewal) {
        return rules.stream()
                .filter(r -> r.kinds().contains(kind) && r.levels().contains(level) && r.renewal() == renewal)
                .findFirst();
    }

    public Optional<Parameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<String> levelName(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).map(Code::name).findFirst();
    }

    /** Fills {@code {name}} placeholders of a text from the policy file. */
    public static String fill(String template, Map<String, ?> values) {
        String text = template;
        for (Map.Entry<String, ?> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", String.valueOf(value.getValue()));
        }
        return text;
    }

    public boolean isCounty(String code) {
        return has(counties, code);
    }

    public boolean isIndustry(String code) {
        return has(industries, code);
    }

    public boolean isGrowthTier(String code) {
        return has(growthTiers, code);
    }

    public Optional<TargetPeriod> targetPeriod(String period) {
        return targetPeriods.stream().filter(p -> p.period().equals(period)).findFirst();
    }

    private static boolean has(List<Code> codes, String code) {
        return codes.stream().anyMatch(c -> c.code().equals(code));
    }
}
