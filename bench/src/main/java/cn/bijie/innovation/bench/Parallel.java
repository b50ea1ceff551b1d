package cn.bijie.innovation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Seeding on several threads: each index once, in rising order of taking, until the end or a deadline. */
public final class Parallel {
    /** One seeding step; an exception stops the seeding and reaches the caller. */
    @FunctionalInterface
    public interface Step {
        void run(int index) throws Exception;
    }

    private Parallel() {
    }

    /**
     * Runs {@code step} for {@code from..to-1} on {@code threads} threads; no index is taken once
     * {@link System#nanoTime()} passes {@code deadline}.
     *
     * @return how many steps ran, counting from {@code from}
     */
    public static int forEach(int from, int to, int threads, long deadline, Step step) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < to && System.nanoTime() - deadline < 0;
                            i = next.getAndIncrement()) {
                        step.run(i);
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return done.get();
    }

    /** {@link #forEach(int, int, int, long, Step)} without a deadline. */
    public static int forEach(int from, int to, int threads, Step step) throws Exception {
        return forEach(from, to, threads, System.nanoTime() + Long.MAX_VALUE / 2, step);
    }
}
