package cn.bijie.innovation.local.emulator;

import cn.bijie.innovation.local.template.FunctionSpec;
import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.StackContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A function's environment against the emulator: the template's Globals and function variables, resolved, plus what the
 * Lambda runtime itself sets. The runner hands it to each function it loads; tests hand it to the handlers they build.
 */
public final class FunctionEnvironments {
    private final StackContext stack;
    private final IntrinsicResolver resolver;

    public FunctionEnvironments(StackContext stack, IntrinsicResolver resolver) {
        this.stack = stack;
        this.resolver = resolver;
    }

    public Map<String, String> of(FunctionSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            env.putAll(resolver.resolveStrings(spec.environmentVariables()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(spec.logicalId() + ": Environment.Variables: " + e.getMessage(), e);
        }
        env.put("AWS_REGION", stack.region());
        env.put("AWS_DEFAULT_REGION", stack.region());
        env.put("AWS_ENDPOINT_URL", stack.endpoint().toString());
        // the SDK's service-specific override, passed through so a fault test can take S3 alone away
        String s3Endpoint = System.getenv("AWS_ENDPOINT_URL_S3");
        if (s3Endpoint != null && !s3Endpoint.isBlank()) {
            env.put("AWS_ENDPOINT_URL_S3", s3Endpoint);
        }
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("AWS_LAMBDA_FUNCTION_NAME", resolver.physicalName(spec.logicalId()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(spec.memorySize()));
        return env;
    }
}
