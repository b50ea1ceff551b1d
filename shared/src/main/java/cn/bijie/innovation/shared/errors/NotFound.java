package cn.bijie.innovation.shared.errors;

import java.util.List;

/** No such record, or one the caller may not see (never a hint which). */
public final class NotFound extends DomainException {
    public NotFound(String message) {
        super(message, List.of());
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }

    @Override
    public int status() {
        return 404;
    }
}
