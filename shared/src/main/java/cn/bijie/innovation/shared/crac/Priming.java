package cn.bijie.innovation.shared.crac;

import cn.bijie.innovation.shared.http.ApiEvent;
import cn.bijie.innovation.shared.http.HttpApi;
import cn.bijie.innovation.shared.log.Log;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming. Lambda snapshots a function after its constructor ran and calls every registered CRaC
 * {@link Resource#beforeCheckpoint} first: what a priming action does then (load and initialise the hot path's classes,
 * serialise a sample, open the HTTPS connection and sign a request) is in the snapshot, not in the first request.
 *
 * <p>A handler's no-arg constructor registers its action in one line; for an HTTP handler, side-effect-free requests
 * served through its own routes:
 * <pre>{@code
 * Priming.register(api, ApiEvent.of("GET /organizations/{uscc}").path("uscc", Priming.NO_SUCH_USCC)
 *         .caller("priming", null, Role.STAFF));
 * }</pre>
 * A priming action must never write: reads of keys that cannot exist, and writes whose body fails validation.
 */
public final class Priming implements Resource {
    /**
     * A well-formed USCC that no organisation has: registration authority {@code 0} does not exist in GB 32100, and the
     * check character is right, so a request with it gets past validation to the store's {@code GetItem}.
     */
    public static final String NO_SUCH_USCC = "000000000000000000";

    /**
     * A well-formed record id that no record has: the nil UUID passes the id shape check, and the ids the system makes
     * are version 7 ({@code SortableId}) or {@code <prefix>-<hash>} ({@code DerivedId}), so a read of it finds nothing.
     */
    public static final String NO_SUCH_ID = "00000000-0000-0000-0000-000000000000";

    // CRaC holds registered resources weakly; this list keeps them until they ran (the bench and tests call them from
    // here, as a plain JDK has no checkpoint to call them).
    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String name;
    private final Runnable action;

    private Priming(String name, Runnable action) {
        this.name = name;
        this.action = action;
    }

    /** Registers {@code action} to run before the snapshot; its failures are logged, never thrown. */
    public static void register(String name, Runnable action) {
        Priming priming = new Priming(name, action);
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
    }

    /** Registers the requests {@code api} serves to itself before the snapshot. */
    public static void register(HttpApi api, ApiEvent... requests) {
        register("http", () -> {
            for (ApiEvent request : requests) {
                api.handle(request.toJson());
            }
        });
    }

    /**
     * Runs every action registered since the last call, what the snapshot would run (the bench and tests; no CRaC
     * runtime needed), and forgets them: a handler built later primes its own actions only.
     *
     * @return how many actions ran
     */
    public static synchronized int primeAll() {
        List<Priming> due = List.copyOf(REGISTERED);
        REGISTERED.removeAll(due);
        for (Priming priming : due) {
            priming.beforeCheckpoint(null);
        }
        return due.size();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        long started = System.nanoTime();
        try {
            action.run();
            Log.info("primed", Map.of("action", name, "ms", (System.nanoTime() - started) / 1_000_000));
        } catch (RuntimeException e) {
            // a failed priming only costs the first request its warm-up; it must not fail the snapshot
            Log.error("priming failed", Map.of("action", name, "exception", e.getClass().getName()));
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to renew: the SDK re-resolves credentials, and a dead pooled connection is retried by the client
    }
}
