package cn.bijie.innovation.shared.errors;

import java.util.List;

/** The caller is known but its role may not do this. */
public final class Forbidden extends DomainException {
    public Forbidden(String message) {
        super(message, List.of());
    }

    @Override
    public String code() {
        return "FORBIDDEN";
    }

    @Override
    public int status() {
        return 403;
    }
}
