package cn.bijie.innovation.shared.http;

import cn.bijie.innovation.shared.idempotency.Answer;
import cn.bijie.innovation.shared.idempotency.Committed;
import cn.bijie.innovation.shared.idempotency.IdempotencyKey;
import cn.bijie.innovation.shared.idempotency.Written;
import cn.bijie.innovation.shared.json.Json;
import cn.bijie.innovation.shared.retry.Retry;
import java.util.function.Supplier;

/**
 * The edge's side of an idempotent write: it chooses the status, serialises the body and commits the domain's pending
 * write with that answer (stored under the request's {@code Idempotency-Key}) in the same transaction. The whole unit
 * of work (read, decide, commit) is the call path's one retry layer.
 */
public final class Answers {
    private Answers() {}

    /** Runs {@code work} and answers {@code status} with its result, or the first response of a replayed key. */
    public static <T> Committed commit(int status, IdempotencyKey key, Supplier<Written<T>> work) {
        return Retry.unitOfWork(() -> {
            Written<T> written = work.get();
            if (written.replay() != null) {
                return written.replay();
            }
            return written.write().commit(new Answer(key, status, Json.write(written.result())));
        });
    }

    /** {@link #commit} as the HTTP response. */
    public static <T> ApiResponse respond(int status, IdempotencyKey key, Supplier<Written<T>> work) {
        return ApiResponse.of(commit(status, key, work));
    }
}
