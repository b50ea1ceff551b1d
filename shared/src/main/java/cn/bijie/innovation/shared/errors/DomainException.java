package cn.bijie.innovation.shared.errors;

import java.util.List;

/**
 * A failure the caller can act on. Each subclass is one error code of the API contract; the HTTP edge maps it to its
 * status and the error body, so the domain never builds responses.
 */
public abstract class DomainException extends RuntimeException {
    private final transient List<FieldProblem> details;

    protected DomainException(String message, List<FieldProblem> details) {
        super(message, null, false, false);
        this.details = List.copyOf(details);
    }

    /** The API error code, e.g. {@code VALIDATION_FAILED}. */
    public abstract String code();

    /** The HTTP status that goes with {@link #code()}. */
    public abstract int status();

    public List<FieldProblem> details() {
        return details;
    }
}
