package cn.bijie.innovation.shared.imports;

import cn.bijie.innovation.shared.policy.Policy;
import java.util.List;
import java.util.Optional;

/**
 * Whether a row is of 毕节 and in which county: by the place a list writes (the city, a county by its full or short
 * name) and by the region part of the USCC (characters 3–8: {@code 5205xx}). Either naming another place sets the
 * row aside; the county is the policy's code where one of them names it.
 */
public final class Regions {
    private final List<Policy.Code> counties;
    private final ListHeaders.Bijie bijie;

    public Regions(Policy policy, ListHeaders headers) {
        this.counties = policy.counties();
        this.bijie = headers.bijie();
    }

    /** Empty: not of 毕节. Present: of 毕节, with its county code or null where unknown. */
    public Optional<Optional<String>> place(String uscc, String place) {
        Optional<String> county = Optional.empty();
        if (uscc != null) {
            String region = uscc.substring(2, 8);
            if (!region.startsWith(bijie.usccRegionPrefix())) {
                return Optional.empty();
            }
            county = counties.stream().map(Policy.Code::code).filter(region::equals).findFirst();
        }
        if (place != null && !place.isBlank()) {
            String p = Names.normalise(place).replaceFirst("^贵州省?", "");
            Optional<String> named = countyNamed(p);
            if (named.isPresent()) {
                return Optional.of(county.isPresent() ? county : named);
            }
            if (bijie.cityNames().stream().noneMatch(p::startsWith)) {
                return Optional.empty();
            }
        }
        return Optional.of(county);
    }

    private Optional<String> countyNamed(String place) {
        String inCity = bijie.cityNames().stream().filter(place::startsWith)
                .max(java.util.Comparator.comparingInt(String::length))
                .map(city -> place.substring(city.length())).orElse(place);
        return counties.stream().filter(c -> matches(inCity, c.name())).map(Policy.Code::code).findFirst();
    }

    /** 威宁县 names 威宁彝族回族苗族自治县; 七星关 names 七星关区. */
    private static boolean matches(String place, String countyName) {
        if (place.isEmpty()) {
            return false;
        }
        if (place.equals(countyName)) {
            return true;
        }
        String stem = countyName.replaceAll("(彝族回族苗族自治县|管理区|新区|开发区|县|区|市)$", "");
        String placeStem = place.replaceAll("(彝族回族苗族自治县|管理区|新区|开发区|县|区|市)$", "");
        return stem.length() >= 2 && stem.equals(placeStem);
    }
}
