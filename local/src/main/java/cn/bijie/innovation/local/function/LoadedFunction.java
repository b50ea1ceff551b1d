package cn.bijie.innovation.local.function;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One function, loaded from its jar in its own class loader, with one handler instance that concurrent invocations share
 * (as several warm Lambda containers would each have one). Bytes in, bytes out: nothing crosses class loaders but
 * JDK types.
 */
public final class LoadedFunction implements AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Invocations run on their own threads so a function that overruns its Timeout can be abandoned like Lambda does. */
    private static final ExecutorService INVOKERS = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "invoke-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** The function failed: it threw, timed out or answered nothing usable. */
    public static final class InvocationFailed extends Exception {
        private static final long serialVersionUID = 1L;

        InvocationFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String logicalId;
    private final String functionName;
    private final int timeoutSeconds;
    private final URLClassLoader loader;
    private final Object handler;
    private final Method handleRequest;
    private final LambdaContexts contexts;

    LoadedFunction(String logicalId, String functionName, int timeoutSeconds, URLClassLoader loader, Object handler,
                   Method handleRequest, LambdaContexts contexts) {
        this.logicalId = logicalId;
        this.functionName = functionName;
        this.timeoutSeconds = timeoutSeconds;
        this.loader = loader;
        this.handler = handler;
        this.handleRequest = handleRequest;
        this.contexts = contexts;
    }

    public String logicalId() {
        return logicalId;
    }

    public String functionName() {
        return functionName;
    }

    /** Runs the handler once with {@code event} as its input stream and returns what it wrote. */
    public byte[] invoke(byte[] event) throws InvocationFailed {
        String requestId = UUID.randomUUID().toString();
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        Future<byte[]> result = INVOKERS.submit(() -> run(event, requestId, deadline));
        try {
            return result.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new InvocationFailed(logicalId + " request " + requestId + ": Task timed out after " + timeoutSeconds
                    + " seconds", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException target ? target.getCause() : e.getCause();
            throw new InvocationFailed(logicalId + " request " + requestId + " threw " + cause, cause);
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new InvocationFailed(logicalId + ": interrupted", e);
        }
    }

    private byte[] run(byte[] event, String requestId, long deadline) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // SDKs and ServiceLoader look here for the function's own classes
        try {
            InputStream in = new ByteArrayInputStream(event);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            handleRequest.invoke(handler, in, (OutputStream) out, contexts.create(requestId, deadline));
            return out.toByteArray();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
