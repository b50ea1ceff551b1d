package cn.bijie.innovation.shared.cultivation;

/**
 * An application window the bureau opened (e.g. the year's national high-tech recognition round); its id is derived
 * from title and dates, so opening the same window twice lands on one item and mails the pool once.
 */
public record ApplicationWindow(String windowId, String title, String opensOn, String closesOn, String openedBy,
        String openedAt) {}
