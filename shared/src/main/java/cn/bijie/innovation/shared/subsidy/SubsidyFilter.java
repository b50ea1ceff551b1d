package cn.bijie.innovation.shared.subsidy;

/** The filters of {@code GET /subsidies}; null means "any". */
public record SubsidyFilter(String uscc, SubsidyStatus status) {

    /** Identifies the list a page token continues. */
    public String fingerprint() {
        return "GET /subsidies|" + uscc + "|" + status;
    }
}
