package cn.bijie.innovation.local.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The loaded functions by logical id, and whether all of them are in (the health route reports it). */
public final class FunctionRegistry {
    private final Map<String, LoadedFunction> functions = new ConcurrentHashMap<>();
    private volatile boolean complete;

    public void add(LoadedFunction function) {
        functions.put(function.logicalId(), function);
    }

    /** The function, or null if it is not loaded (unknown, or still loading). */
    public LoadedFunction get(String logicalId) {
        return functions.get(logicalId);
    }

    public List<String> logicalIds() {
        List<String> ids = new ArrayList<>(functions.keySet());
        ids.sort(null);
        return ids;
    }

    public void markComplete() {
        complete = true;
    }

    public boolean complete() {
        return complete;
    }

    void closeAll() {
        for (LoadedFunction function : functions.values()) {
            try {
                function.close();
            } catch (java.io.IOException ignored) {
                // shutting down anyway
            }
        }
    }
}
