package cn.bijie.innovation.shared.errors;

import java.util.List;

/** The Idempotency-Key was used before with a different request. */
public final class IdempotencyKeyReused extends DomainException {
    public IdempotencyKeyReused(String message) {
        super(message, List.of());
    }

    @Override
    public String code() {
        return "IDEMPOTENCY_KEY_REUSED";
    }

    @Override
    public int status() {
        return 409;
    }
}
