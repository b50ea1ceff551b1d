package cn.bijie.innovation.local.support;

import java.time.Duration;

/** Waiting for something to come true, with a deadline: the one polling loop of the runner and its tests. */
public final class Await {
    private Await() {}

    /** A question that may be asked again; it may wait itself, so it may be interrupted. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws InterruptedException;
    }

    /**
     * Asks {@code condition} until it holds, pausing {@code pause} between two questions, for at most {@code patience}.
     *
     * @return whether it came true in time
     */
    public static boolean until(Duration patience, Duration pause, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(pause.toMillis());
        }
        return true;
    }
}
