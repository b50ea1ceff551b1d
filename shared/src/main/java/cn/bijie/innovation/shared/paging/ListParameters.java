package cn.bijie.innovation.shared.paging;

/**
 * The query parameters that the list routes share, named once: services name them in their validation errors, so a
 * client reads which parameter was wrong ({@code openapi.yaml} spells the same names).
 */
public final class ListParameters {
    /** Filters a list by its records' status ({@code GET /applications}, {@code /certifications}, …). */
    public static final String STATUS = "status";
    public static final String LIMIT = "limit";
    public static final String NEXT_TOKEN = "nextToken";

    private ListParameters() {}
}
