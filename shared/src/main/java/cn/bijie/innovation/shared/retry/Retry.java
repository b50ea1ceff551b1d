package cn.bijie.innovation.shared.retry;

import cn.bijie.innovation.shared.errors.ReadOutdated;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The one retry policy. A unit of work (read, decide, commit) runs again when it fails as {@link ReadOutdated}: what
 * it read changed before its transaction committed, or DynamoDB cancelled the transaction for a conflict with another
 * one or for throttling. Nothing else is retried. Each call path has this one layer, where its unit of work starts
 * ({@code http/Answers} around an idempotent write, the services' other writes, the subsidy calculation); the table
 * writer below it never retries.
 */
public final class Retry {
    public static final int ATTEMPTS = 8;
    static final Duration FIRST_PAUSE = Duration.ofMillis(10);

    private Retry() {}

    /** Runs {@code work} until it does not fail as {@link ReadOutdated}, {@value #ATTEMPTS} times at most. */
    public static <T> T unitOfWork(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ReadOutdated e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(backoff(FIRST_PAUSE, attempt));
            }
        }
    }

    /**
     * The pause before try {@code attempt + 1}: {@code first} doubled per attempt (six times at most), spread randomly
     * from half to one and a half of it, so that the requests that lost a race do not meet again at once.
     */
    public static Duration backoff(Duration first, int attempt) {
        long base = first.toMillis() << Math.min(attempt - 1, 6);
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base + 1));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadOutdated();
        }
    }
}
