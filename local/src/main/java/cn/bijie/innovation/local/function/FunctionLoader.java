package cn.bijie.innovation.local.function;

import cn.bijie.innovation.local.emulator.FunctionEnvironments;
import cn.bijie.innovation.local.template.FunctionSpec;
import cn.bijie.innovation.local.template.IntrinsicResolver;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads a function the way Lambda would run it: its packaged jar alone on a class path (parent: the platform loader, so
 * none of the runner's libraries leak in), the handler built by its {@code (Map<String, String> environment)}
 * constructor with the function's template environment.
 */
public final class FunctionLoader {

    /** The function cannot be loaded: a missing jar, a wrong handler, a constructor that threw. */
    public static final class LoadFailed extends Exception {
        private static final long serialVersionUID = 1L;

        LoadFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path projectRoot;
    private final FunctionEnvironments environments;
    private final IntrinsicResolver resolver;

    public FunctionLoader(Path projectRoot, FunctionEnvironments environments, IntrinsicResolver resolver) {
        this.projectRoot = projectRoot;
        this.environments = environments;
        this.resolver = resolver;
    }

    /** {@code <root>/<CodeUri>/target/<last segment of CodeUri>.jar}, the module's shaded deployment jar. */
    public Path jarPath(FunctionSpec spec) {
        Path module = projectRoot.resolve(spec.codeUri()).normalize();
        return module.resolve("target").resolve(module.getFileName() + ".jar");
    }

    public LoadedFunction load(FunctionSpec spec) throws LoadFailed {
        Path jar = jarPath(spec);
        if (!Files.isRegularFile(jar)) {
            throw new LoadFailed(spec.logicalId() + ": " + jar + " does not exist; build the functions first"
                    + " (mvn -DskipTests package, or ./dev up)", null);
        }
        String handlerSpec = spec.handler();
        String className = handlerSpec.substring(0, handlerSpec.indexOf("::"));
        String methodName = handlerSpec.substring(handlerSpec.indexOf("::") + 2);
        Map<String, String> environment = environments.of(spec);
        URLClassLoader loader = isolated(spec.logicalId(), jar);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader); // the constructor builds SDK clients, which look up services here
        try {
            Class<?> handlerClass = Class.forName(className, true, loader);
            Class<?> streamHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler", false, loader);
            if (!streamHandler.isAssignableFrom(handlerClass)) {
                throw new LoadFailed(spec.logicalId() + ": " + className + " does not implement RequestStreamHandler", null);
            }
            String functionName = environment.get("AWS_LAMBDA_FUNCTION_NAME");
            LambdaContexts contexts = new LambdaContexts(loader, spec.logicalId(), functionName,
                    resolver.arn("lambda", "function:" + functionName), spec.memorySize());
            Method method = handlerClass.getMethod(methodName, InputStream.class, OutputStream.class, contexts.contextType());
            Object handler = handlerClass.getConstructor(Map.class).newInstance(Map.copyOf(environment));
            return new LoadedFunction(spec.logicalId(), functionName, spec.timeoutSeconds(), loader, handler, method, contexts);
        } catch (LoadFailed e) {
            closeQuietly(loader);
            throw e;
        } catch (InvocationTargetException e) {
            closeQuietly(loader);
            throw new LoadFailed(spec.logicalId() + ": the handler's constructor threw " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            closeQuietly(loader);
            throw new LoadFailed(spec.logicalId() + ": cannot load " + handlerSpec + " from " + jar + ": " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * A class loader for the function's jar alone. Its parent is the platform loader, not the runner's: the runner jar
     * carries {@code shared} and the SDK too, and none of it may reach a function in place of its own copy.
     */
    static URLClassLoader isolated(String logicalId, Path jar) {
        return new URLClassLoader("function-" + logicalId, new URL[] {url(jar)}, ClassLoader.getPlatformClassLoader());
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (java.io.IOException ignored) {
            // nothing was loaded from it that anyone holds
        }
    }
}
