package cn.bijie.innovation.shared.errors;

import java.util.List;

/** The record's state does not allow the change, or it exists already. */
public final class Conflict extends DomainException {
    public Conflict(String message) {
        super(message, List.of());
    }

    @Override
    public String code() {
        return "CONFLICT";
    }

    @Override
    public int status() {
        return 409;
    }
}
