package cn.bijie.innovation.shared.organization;

import cn.bijie.innovation.shared.policy.Policy;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The key the directory sorts and searches names by: full-width folded to half-width (NFKC), lower case, without
 * white space, brackets and separators, and without the place names that begin most names here (贵州省, 毕节市, the
 * counties), so that "毕节（黔丰）新材料" and "黔丰新材料" share a key and a search finds a name by its distinctive part.
 */
public final class NameKey {
    private static final String DROPPED = "[\\s()\\[\\]{}<>（）【】〔〕〈〉《》「」『』·・,，、.。'\"“”‘’_#-]";

    private final List<String> places;

    /** {@code places}: the names to drop from the front, e.g. the policy's county names. */
    public NameKey(List<String> places) {
        List<String> all = new ArrayList<>(List.of("贵州省", "贵州", "毕节市", "毕节"));
        places.stream().map(NameKey::fold).forEach(all::add);
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.places = List.copyOf(all);
    }

    /** With the policy's county names as the place names to drop. */
    public static NameKey of(Policy policy) {
        return new NameKey(policy.counties().stream().map(Policy.Code::name).toList());
    }

    /** The key of {@code name}; a name that is only a place name keeps it. */
    public String of(String name) {
        String key = fold(name);
        for (String place = leadingPlace(key); place != null && key.length() > place.length();
                place = leadingPlace(key)) {
            key = key.substring(place.length());
        }
        return key;
    }

    /** The longest place name {@code key} begins with, or null. */
    private String leadingPlace(String key) {
        return places.stream().filter(key::startsWith).findFirst().orElse(null);
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replaceAll(DROPPED, "");
    }
}
