package cn.bijie.innovation.e2e;

import cn.bijie.innovation.shared.testing.MiniStack;

/**
 * A MiniStack and a local runner of the hardening tests' own (matrix, fuzzing, load): they write thousands of records
 * and set policy parameters, which the shared runner's other tests (the reminder run reads every due item) must never
 * meet. Started once per test JVM, stopped when it ends.
 */
final class HardeningStack {
    private static LocalApi shared;

    private HardeningStack() {}

    static synchronized LocalApi api() {
        if (shared == null) {
            MiniStack miniStack = MiniStack.start();
            LocalApi api = LocalApi.start(miniStack);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                api.stop();
                miniStack.stop();
            }));
            shared = api;
        }
        return shared;
    }
}
