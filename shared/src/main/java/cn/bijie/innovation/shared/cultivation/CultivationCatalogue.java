package cn.bijie.innovation.shared.cultivation;

import cn.bijie.innovation.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The reserve pool's data beside the policy ({@code policy/<version>-cultivation.json}): the criteria the bureau
 * records when it admits an enterprise (values as measured, no thresholds of ours), the readiness checklist of the
 * national high-tech recognition as its measures word it, the kinds of coaching, and the recognition that converts.
 */
public record CultivationCatalogue(String version, String source, String conversionKind, List<Criterion> criteria,
        Checklist checklist, List<Code> coachingKinds) {

    public static final String ACTIVE_VERSION = "BJ-2019";
    private static final CultivationCatalogue ACTIVE = load(ACTIVE_VERSION);

    /** {@code type}: {@code INDUSTRY}, {@code GROWTH_TIER} (a code of the policy), {@code PERCENT}, {@code COUNT}. */
    public record Criterion(String code, String name, String type, String source) {}

    public record Checklist(String source, List<Code> items) {}

    public record Code(String code, String name) {}

    public static CultivationCatalogue active() {
        return ACTIVE;
    }

    public static CultivationCatalogue load(String version) {
        try (InputStream in = CultivationCatalogue.class.getResourceAsStream(
                "/policy/" + version + "-cultivation.json")) {
            if (in == null) {
                throw new IllegalStateException("no cultivation file for version " + version);
            }
            return Json.MAPPER.readValue(in, CultivationCatalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Criterion> criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean isChecklistItem(String code) {
        return checklist.items().stream().anyMatch(i -> i.code().equals(code));
    }

    public boolean isCoachingKind(String code) {
        return coachingKinds.stream().anyMatch(k -> k.code().equals(code));
    }
}
