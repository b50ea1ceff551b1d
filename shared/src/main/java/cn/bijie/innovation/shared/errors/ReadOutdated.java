package cn.bijie.innovation.shared.errors;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * What a request read changed before its transaction committed (a counter's holding, a subsidy, a parameter): the
 * transaction was cancelled whole, so the service reads again and retries. Seen by a client only when the retries
 * ran out, as a plain 409.
 */
public final class ReadOutdated extends DomainException {
    static final int ATTEMPTS = 8;

    public ReadOutdated() {
        super("数据已被并发修改，请重试 (the records changed meanwhile; retry)", List.of());
    }

    @Override
    public String code() {
        return "CONFLICT";
    }

    @Override
    public int status() {
        return 409;
    }

    /** Random backoff, so that the requests that lost a race do not meet again at once. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 10L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadOutdated();
        }
    }

    /** Runs {@code work} (read, decide, commit) again while its reads turn out outdated, a few times at most. */
    public static <T> T retry(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ReadOutdated e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }
}
