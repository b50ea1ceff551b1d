package cn.bijie.innovation.local.function;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Builds the {@code Context} a handler receives. The interface comes from the function's own jar (its class loader), so
 * the runner cannot implement it at compile time: a {@link Proxy} answers its methods by name.
 */
final class LambdaContexts {
    private final ClassLoader loader;
    private final Class<?> contextType;
    private final Class<?> loggerType;
    private final String logicalId;
    private final String functionName;
    private final String functionArn;
    private final int memoryMb;

    LambdaContexts(ClassLoader loader, String logicalId, String functionName, String functionArn, int memoryMb)
            throws ClassNotFoundException {
        this.loader = loader;
        this.contextType = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
        this.loggerType = Class.forName("com.amazonaws.services.lambda.runtime.LambdaLogger", false, loader);
        this.logicalId = logicalId;
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.memoryMb = memoryMb;
    }

    Class<?> contextType() {
        return contextType;
    }

    /** A context for one invocation that must finish by {@code deadlineMillis} (epoch millis). */
    Object create(String requestId, long deadlineMillis) {
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[] {loggerType}, loggerHandler(requestId));
        InvocationHandler handler = (proxy, method, args) -> {
            switch (method.getName()) {
                case "getAwsRequestId":
                    return requestId;
                case "getLogGroupName":
                    return "/aws/lambda/" + functionName;
                case "getLogStreamName":
                    return LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/[$LATEST]local";
                case "getFunctionName":
                    return functionName;
                case "getFunctionVersion":
                    return "$LATEST";
                case "getInvokedFunctionArn":
                    return functionArn;
                case "getIdentity":
                case "getClientContext":
                    return null;
                case "getRemainingTimeInMillis":
                    return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
                case "getMemoryLimitInMB":
                    return memoryMb;
                case "getLogger":
                    return logger;
                default:
                    return objectMethod(proxy, method, args, "Context[" + logicalId + " " + requestId + "]");
            }
        };
        return Proxy.newProxyInstance(loader, new Class<?>[] {contextType}, handler);
    }

    /** LambdaLogger: log(String), log(byte[]) and their LogLevel variants all end up as one stderr line. */
    private InvocationHandler loggerHandler(String requestId) {
        return (proxy, method, args) -> {
            if (method.getName().equals("log") && args != null && args.length >= 1) {
                Object message = args[0];
                String text = message instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(message);
                String level = args.length > 1 && args[1] != null ? args[1] + " " : "";
                System.err.println("[" + logicalId + " " + requestId.substring(0, 8) + "] " + level + text.stripTrailing());
                return null;
            }
            return objectMethod(proxy, method, args, "LambdaLogger[" + logicalId + "]");
        };
    }

    private static Object objectMethod(Object proxy, Method method, Object[] args, String description) throws Throwable {
        switch (method.getName()) {
            case "toString":
                return description;
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            default:
                // newer lambda-core versions add default methods (e.g. tenant id): let them answer for themselves
                if (method.isDefault()) {
                    return InvocationHandler.invokeDefault(proxy, method, args);
                }
                Class<?> type = method.getReturnType();
                if (type == int.class || type == long.class) {
                    return 0;
                }
                return type == boolean.class ? false : null;
        }
    }
}
