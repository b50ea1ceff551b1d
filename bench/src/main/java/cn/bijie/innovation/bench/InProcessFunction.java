package cn.bijie.innovation.bench;

import cn.bijie.innovation.bench.harness.Invoker;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A function loaded in this JVM from its deployment jar, in its own class loader (parent: the platform loader, as in
 * the local runner), with the template's environment, and with the probe jar beside it so every SDK call it makes is
 * counted by {@code DynamoProbe}.
 */
public final class InProcessFunction implements AutoCloseable {
    private final FunctionUnderTest function;
    private final URLClassLoader loader;
    private final Invoker invoker;

    private InProcessFunction(FunctionUnderTest function, URLClassLoader loader, Invoker invoker) {
        this.function = function;
        this.loader = loader;
        this.invoker = invoker;
    }

    public static InProcessFunction load(FunctionUnderTest function, Map<String, String> environment, Path probeJar)
            throws Exception {
        URLClassLoader loader = new URLClassLoader("bench-" + function.logicalId(),
                new URL[] {function.jar().toUri().toURL(), probeJar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        try {
            return new InProcessFunction(function, loader, Invoker.load(loader, function.handler(), environment));
        } catch (Exception | LinkageError e) {
            loader.close();
            throw e;
        }
    }

    public FunctionUnderTest function() {
        return function;
    }

    public byte[] invoke(byte[] event) throws Exception {
        return invoker.invoke(event);
    }

    /** The SDK calls since the last call of this method: {@code service, operation, itemsRead, capacity} each. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> calls() throws ReflectiveOperationException {
        Class<?> probe = Class.forName("cn.bijie.innovation.bench.probe.DynamoProbe", true, loader);
        return (List<Map<String, Object>>) probe.getMethod("drain").invoke(null);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
