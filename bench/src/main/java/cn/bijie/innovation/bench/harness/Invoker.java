package cn.bijie.innovation.bench.harness;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.UUID;

/**
 * A function's handler, built and invoked by reflection the way the Lambda runtime does it: the handler's types come
 * from the function's own jar, so this class works beside it in any class loader (a fresh JVM's class path, or the
 * suite's per-function loader). No dependencies beyond the JDK: it ships in the harness jar.
 */
public final class Invoker {
    static final String PRIMING_CLASS = "cn.bijie.innovation.shared.crac.Priming";

    private final ClassLoader loader;
    private final Object handler;
    private final Method handleRequest;
    private final Class<?> contextType;

    private Invoker(ClassLoader loader, Object handler, Method handleRequest, Class<?> contextType) {
        this.loader = loader;
        this.handler = handler;
        this.handleRequest = handleRequest;
        this.contextType = contextType;
    }

    /**
     * Builds {@code handlerClass} (the template's {@code Handler} without {@code ::method}): with {@code environment}
     * by its {@code (Map<String, String> environment)} constructor, as the local runner does; without, by its no-arg
     * constructor, which reads the process environment, as on Lambda.
     */
    public static Invoker load(ClassLoader loader, String handlerClass, Map<String, String> environment)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // SDK clients look up their services and interceptors here
        try {
            Class<?> type = Class.forName(handlerClass, true, loader);
            Class<?> contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            Method method = type.getMethod("handleRequest", InputStream.class, OutputStream.class, contextType);
            Object handler = environment == null ? type.getConstructor().newInstance()
                    : type.getConstructor(Map.class).newInstance(environment);
            return new Invoker(loader, handler, method, contextType);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** One invocation: event bytes in, the handler's output bytes out. */
    public byte[] invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            handleRequest.invoke(handler, new ByteArrayInputStream(event), out, context());
            return out.toByteArray();
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Runs the SnapStart priming hooks the handler registered ({@code Priming.primeAll()}, what {@code beforeCheckpoint} runs), as Lambda does before
     * it takes the snapshot. A plain JDK has no checkpoint, so this calls the hooks directly.
     *
     * @return how many hooks ran; -1 when the function's jar has no {@code Priming} class
     */
    public int prime() throws Exception {
        Class<?> priming;
        try {
            priming = Class.forName(PRIMING_CLASS, true, loader);
        } catch (ClassNotFoundException absent) {
            return -1;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return (Integer) priming.getMethod("primeAll").invoke(null);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public ClassLoader loader() {
        return loader;
    }

    /** A Lambda {@code Context} from the function's own interface: the values a handler may ask for. */
    private Object context() {
        String requestId = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + 15_000;
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "getAwsRequestId":
                    return requestId;
                case "getFunctionName":
                    return "bench";
                case "getFunctionVersion":
                    return "$LATEST";
                case "getRemainingTimeInMillis":
                    return (int) Math.max(0, deadline - System.currentTimeMillis());
                case "getMemoryLimitInMB":
                    return 1024;
                case "toString":
                    return "bench context " + requestId;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    return null;
            }
        });
    }

    private static Exception rethrow(InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error error) {
            throw error;
        }
        return cause instanceof Exception exception ? exception : e;
    }
}
