package cn.bijie.innovation.shared.config;

import java.util.Map;

/**
 * The function's configuration, as the template's {@code Environment} sets it.
 *
 * <p>Reads {@code System.getenv()} unless {@link #use(Map)} was called first: the local runner loads every function
 * in its own class loader, so each copy of this class carries the environment its own function was given.
 */
public final class Env {
    private static volatile Map<String, String> values = System.getenv();

    private Env() {}

    /** Replaces the environment for this class loader (called by the local runner before the handler is built). */
    public static void use(Map<String, String> environment) {
        values = Map.copyOf(environment);
    }

    public static String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public static String get(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    public static String require(String name) {
        String value = get(name);
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
