package cn.bijie.innovation.shared.errors;

import java.util.List;

/** The caller went over a rate limit (the public objections): try again later. */
public final class TooManyRequests extends DomainException {
    public TooManyRequests(String message) {
        super(message, List.of());
    }

    @Override
    public String code() {
        return "TOO_MANY_REQUESTS";
    }

    @Override
    public int status() {
        return 429;
    }
}
