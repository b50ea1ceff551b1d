package cn.bijie.innovation.shared.application;

/**
 * A list of applications: one organisation's ({@code uscc} set) or all, narrowed by the optional filters.
 * {@link #fingerprint()} binds a {@code nextToken} to exactly this list.
 */
public record ApplicationQuery(String uscc, ApplicationStatus status, String kind, String county) {
    public String fingerprint() {
        return "GET /applications?uscc=" + uscc + "&status=" + status + "&kind=" + kind + "&county=" + county;
    }
}
