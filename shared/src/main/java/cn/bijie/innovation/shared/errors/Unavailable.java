package cn.bijie.innovation.shared.errors;

import java.util.List;

/** A dependency (the table, the bucket, mail) did not answer; the request changed nothing and may be retried. */
public final class Unavailable extends DomainException {
    public Unavailable(String message) {
        super(message, List.of());
    }

    @Override
    public String code() {
        return "UNAVAILABLE";
    }

    @Override
    public int status() {
        return 503;
    }
}
