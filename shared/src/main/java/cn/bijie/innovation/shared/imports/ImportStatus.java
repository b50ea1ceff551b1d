package cn.bijie.innovation.shared.imports;

/** Where an import is: waiting for its file, reading it, or finished (with or without rejected rows, or refused). */
public enum ImportStatus {
    AWAITING_UPLOAD, PROCESSING, COMPLETED, COMPLETED_WITH_ERRORS, REJECTED;

    public boolean finished() {
        return this == COMPLETED || this == COMPLETED_WITH_ERRORS || this == REJECTED;
    }
}
