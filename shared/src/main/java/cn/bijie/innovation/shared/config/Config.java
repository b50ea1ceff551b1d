package cn.bijie.innovation.shared.config;

import java.util.Map;

/**
 * A function's configuration, as the template's {@code Environment} sets it: on Lambda {@code System.getenv()}, in
 * the local runner and in tests the environment the template gives that function. Handed to what needs it, never
 * read from a static.
 */
public final class Config {
    private final Map<String, String> values;

    public Config(Map<String, String> environment) {
        this.values = Map.copyOf(environment);
    }

    /** The value of {@code name}, or null when it is unset or blank. */
    public String get(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    public String get(String name, String fallback) {
        String value = get(name);
        return value == null ? fallback : value;
    }

    public String require(String name) {
        String value = get(name);
        if (value == null) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    /** The table every function reads and writes. */
    public String table() {
        return require("TABLE_NAME");
    }
}
