package cn.bijie.innovation.shared.documents;

/** What a document shows (API.md). */
public enum DocumentCategory {
    CERTIFICATE, APPROVAL_DOCUMENT, FINANCIAL, OTHER;

    public static boolean isCategory(String value) {
        for (DocumentCategory category : values()) {
            if (category.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
