package cn.bijie.innovation.shared.errors;

import java.util.List;

/** No verified caller. */
public final class Unauthenticated extends DomainException {
    public Unauthenticated(String message) {
        super(message, List.of());
    }

    @Override
    public String code() {
        return "UNAUTHENTICATED";
    }

    @Override
    public int status() {
        return 401;
    }
}
