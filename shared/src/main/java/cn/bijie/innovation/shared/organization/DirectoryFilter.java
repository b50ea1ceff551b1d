package cn.bijie.innovation.shared.organization;

/**
 * What {@code GET /organizations} narrows to; every part is optional. {@code nameKey} is the search text as
 * {@link NameKey} normalises it: a prefix of the organisations' name keys.
 */
public record DirectoryFilter(String county, String industry, String tier, Boolean inPool, String holds,
        String nameKey) {

    /** Binds a page token to the list it continues. */
    public String fingerprint() {
        return String.join("|", "directory", String.valueOf(county), String.valueOf(industry), String.valueOf(tier),
                String.valueOf(inPool), String.valueOf(holds), String.valueOf(nameKey));
    }
}
