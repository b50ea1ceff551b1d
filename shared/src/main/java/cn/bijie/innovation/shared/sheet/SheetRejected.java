package cn.bijie.innovation.shared.sheet;

/** The file cannot be read as a list (not CSV/XLSX, too large, a zip bomb, mixed encodings): the reason in Chinese. */
public final class SheetRejected extends RuntimeException {
    public SheetRejected(String reason) {
        super(reason);
    }
}
