package cn.bijie.innovation.shared.errors;

import java.util.List;

/** The body or a declared size is over the limit. */
public final class PayloadTooLarge extends DomainException {
    public PayloadTooLarge(String message) {
        super(message, List.of());
    }

    @Override
    public String code() {
        return "PAYLOAD_TOO_LARGE";
    }

    @Override
    public int status() {
        return 413;
    }
}
