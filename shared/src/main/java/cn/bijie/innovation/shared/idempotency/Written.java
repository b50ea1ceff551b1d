package cn.bijie.innovation.shared.idempotency;

/**
 * What a service's write decided: its result and the pending write that makes it so, or, when the request's
 * {@code Idempotency-Key} was used before with the same request, the first response to replay.
 */
public record Written<T>(T result, PendingWrite write, Committed replay) {
    public static <T> Written<T> of(T result, PendingWrite write) {
        return new Written<>(result, write, null);
    }

    public static <T> Written<T> replayed(Committed replay) {
        return new Written<>(null, null, replay);
    }
}
