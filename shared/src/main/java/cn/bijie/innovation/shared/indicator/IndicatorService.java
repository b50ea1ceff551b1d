package cn.bijie.innovation.shared.indicator;

import cn.bijie.innovation.shared.errors.ValidationFailed;
import cn.bijie.innovation.shared.indicator.IndicatorStore.CertificationRef;
import cn.bijie.innovation.shared.policy.Policy;
import cn.bijie.innovation.shared.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The published progress of the targets (public), and the operators' recount: the counters rebuilt from the
 * certifications themselves, with every difference reported — counters can be trusted only if they can be checked.
 */
public final class IndicatorService {
    private final Policy policy;
    private final IndicatorStore store;
    private final Clock clock;

    public IndicatorService(Policy policy, IndicatorStore store, Clock clock) {
        this.policy = policy;
        this.store = store;
        this.clock = clock;
    }

    /** {@code GET /indicators?period=…}; without a period, the policy's latest. Today's counts: one Query. */
    public IndicatorReport report(String period) {
        return report(period, null);
    }

    /**
     * {@code GET /indicators?period=…&asOf=…}: without {@code asOf} today's counts (the counters, one Query); with it,
     * the counts on that day from the recognition history — valid on it (issued on or before it, its last valid day not
     * before it, not revoked by then), one per platform (a high-tech enterprise's is the enterprise).
     */
    public IndicatorReport report(String period, String asOf) {
        Policy.TargetPeriod target = period == null
                ? policy.targetPeriods().get(policy.targetPeriods().size() - 1)
                : policy.targetPeriod(period).orElseThrow(() -> ValidationFailed.field("period",
                        "没有这个目标期 (no such target period): " + period));
        if (asOf == null) {
            return IndicatorReport.of(policy, target, store.counters(target.period()), clock.instant().toString());
        }
        Validator v = new Validator();
        java.time.LocalDate day = v.date("asOf", asOf);
        v.throwIfAny();
        return IndicatorReport.of(policy, target, countsOn(target, day.toString()), day.toString());
    }

    private Map<String, Counter> countsOn(Policy.TargetPeriod period, String day) {
        Map<String, Set<String>> platforms = new HashMap<>();
        Map<String, Counter> counters = new HashMap<>();
        for (IndicatorStore.Recognition r : store.history()) {
            if (!r.activeOn(day)) {
                continue;
            }
            for (Policy.Indicator indicator : period.indicators()) {
                String platform = r.platformId() == null ? r.uscc() : r.platformId();
                if (indicator.counts(r.kind(), r.level())
                        && platforms.computeIfAbsent(indicator.id(), k -> new HashSet<>()).add(platform)) {
                    counters.merge(indicator.id(), new Counter(period.period(), indicator.id(), 1,
                            r.county() == null ? Map.of() : Map.of(r.county(), 1L)), IndicatorService::add);
                }
            }
        }
        return counters;
    }

    /** What a recount found and repaired. */
    public record Recount(int certifications, int organisations, List<Drift> drift, int holdingsRepaired) {}

    /**
     * Rebuilds every holding and counter from the ACTIVE certifications and reports what differed. Run by an operator
     * ({@code ./dev invoke IndicatorsRecountFunction -e events/indicators-recount.json}); its cost follows the number of
     * certifications, which is why no request path ever does it.
     */
    public Recount recount() {
        List<CertificationRef> active = store.certifications("ACTIVE");
        // every organisation that may hold something: whoever has a certification in any state
        Set<String> organisations = new LinkedHashSet<>();
        active.forEach(c -> organisations.add(c.uscc()));
        for (String status : List.of("EXPIRED", "REVOKED")) {
            store.certifications(status).forEach(c -> organisations.add(c.uscc()));
        }
        Map<String, Counter> expected = new HashMap<>();
        int holdingsRepaired = 0;
        for (String uscc : organisations) {
            OrganizationHoldings organization = store.organization(uscc);
            for (Holding should : expectedHoldings(uscc, active, organization)) {
                Holding stored = find(organization.holdings(), should.period(), should.indicatorId(),
                        should.platformId());
                if (stored == null ? !should.certs().isEmpty() : !stored.certs().equals(should.certs())) {
                    store.replaceHolding(stored, should);
                    holdingsRepaired++;
                }
                if (!should.certs().isEmpty()) {
                    expected.merge(key(should.period(), should.indicatorId()), new Counter(should.period(),
                            should.indicatorId(), 1, should.county() == null ? Map.of() : Map.of(should.county(), 1L)),
                            IndicatorService::add);
                }
            }
        }
        List<Drift> drift = new ArrayList<>();
        for (Policy.TargetPeriod period : policy.targetPeriods()) {
            Map<String, Counter> stored = store.counters(period.period());
            for (Policy.Indicator indicator : period.indicators()) {
                Counter was = stored.getOrDefault(indicator.id(), Counter.zero(period.period(), indicator.id()));
                Counter should = expected.getOrDefault(key(period.period(), indicator.id()),
                        Counter.zero(period.period(), indicator.id()));
                List<Drift> found = compare(was, should);
                if (!found.isEmpty()) {
                    drift.addAll(found);
                    store.replaceCounter(was, should);
                }
            }
        }
        return new Recount(active.size(), organisations.size(), drift, holdingsRepaired);
    }

    /**
     * The holdings an organisation should have: for every indicator of every period and every platform, the ACTIVE
     * certifications that count there, in the county it was counted in (or its profile's, for a holding that starts
     * now); a stored holding that should hold nothing is emptied.
     */
    private List<Holding> expectedHoldings(String uscc, List<CertificationRef> active, OrganizationHoldings organization) {
        List<Holding> holdings = new ArrayList<>();
        String profileCounty = organization.profile() == null ? null : organization.profile().county();
        for (Policy.TargetPeriod period : policy.targetPeriods()) {
            for (Policy.Indicator indicator : period.indicators()) {
                Map<String, Set<String>> byPlatform = new HashMap<>();
                active.stream().filter(c -> c.uscc().equals(uscc) && indicator.counts(c.kind(), c.level()))
                        .forEach(c -> byPlatform.computeIfAbsent(platformKey(c.platformId()), k -> new HashSet<>())
                                .add(c.certificationId()));
                organization.holdings().stream()
                        .filter(h -> h.period().equals(period.period()) && h.indicatorId().equals(indicator.id()))
                        .forEach(h -> byPlatform.computeIfAbsent(platformKey(h.platformId()), k -> new HashSet<>()));
                byPlatform.forEach((platform, certs) -> {
                    String platformId = platform.isEmpty() ? null : platform;
                    Holding stored = find(organization.holdings(), period.period(), indicator.id(), platformId);
                    String county = stored != null && !stored.certs().isEmpty() ? stored.county() : profileCounty;
                    holdings.add(new Holding(uscc, period.period(), indicator.id(), county, certs, platformId));
                });
            }
        }
        return holdings;
    }

    private static String platformKey(String platformId) {
        return platformId == null ? "" : platformId;
    }

    private static List<Drift> compare(Counter was, Counter should) {
        List<Drift> drift = new ArrayList<>();
        if (was.actual() != should.actual()) {
            drift.add(new Drift(was.period(), was.indicatorId(), "actual", was.actual(), should.actual()));
        }
        Map<String, Long> counties = new TreeMap<>(was.byCounty());
        should.byCounty().forEach(counties::putIfAbsent);
        for (String county : counties.keySet()) {
            if (was.inCounty(county) != should.inCounty(county)) {
                drift.add(new Drift(was.period(), was.indicatorId(), county, was.inCounty(county),
                        should.inCounty(county)));
            }
        }
        return drift;
    }

    private static Counter add(Counter a, Counter b) {
        Map<String, Long> byCounty = new HashMap<>(a.byCounty());
        b.byCounty().forEach((county, n) -> byCounty.merge(county, n, Long::sum));
        return new Counter(a.period(), a.indicatorId(), a.actual() + b.actual(), byCounty);
    }

    private static String key(String period, String indicatorId) {
        return period + "#" + indicatorId;
    }

    private static Holding find(List<Holding> holdings, String period, String indicatorId, String platformId) {
        return holdings.stream().filter(h -> h.period().equals(period) && h.indicatorId().equals(indicatorId)
                        && java.util.Objects.equals(h.platformId(), platformId))
                .findFirst().orElse(null);
    }
}
