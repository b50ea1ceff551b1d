package cn.bijie.innovation.shared.idempotency;

import java.util.Optional;

/**
 * What a write request finds before it writes, read in one call: the record it would change (null when there is
 * none) and, when its {@code Idempotency-Key} was used before with the same request, the first response to replay.
 * The replay comes first: the record may have moved on since (a withdrawn application), yet the same request still
 * answers what it answered the first time.
 */
public record Prior<T>(T record, Committed replay) {
    public Optional<T> found() {
        return Optional.ofNullable(record);
    }

    public Optional<Committed> replayed() {
        return Optional.ofNullable(replay);
    }
}
