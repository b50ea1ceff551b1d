package cn.bijie.innovation.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The template's resources in an emulator, and each function's environment, without serving anything: what the
 * runner does at start, for tests that call handlers in-process with exactly the wiring the template gives them.
 */
public final class LocalStack implements AutoCloseable {
    private final TemplateModel template;
    private final EmulatorClients clients;
    private final EmulatorResources resources;
    private final IntrinsicResolver resolver;
    private final FunctionLoader loader;

    private LocalStack(Path templateFile, URI endpoint, String stackName, Map<String, String> parameters)
            throws IOException {
        this.template = TemplateModel.load(templateFile);
        StackContext stack = new StackContext(stackName, "us-east-1", endpoint);
        this.clients = new EmulatorClients(stack);
        this.resources = new EmulatorResources(template, clients, stack);
        this.resolver = new IntrinsicResolver(template, stack, ParameterValues.resolve(template, parameters), resources);
        resources.useResolver(resolver);
        this.loader = new FunctionLoader(templateFile.toAbsolutePath().getParent(), stack, resolver);
    }

    /** Creates every table, bucket, queue and mail identity of {@code templateFile} in the emulator at {@code endpoint}. */
    public static LocalStack create(Path templateFile, URI endpoint, String stackName, Map<String, String> parameters)
            throws IOException {
        LocalStack stack = new LocalStack(templateFile, endpoint, stackName, parameters);
        stack.resources.createAll();
        return stack;
    }

    /** The physical name of a resource, e.g. {@code Table} → {@code test-Table}. */
    public String physicalName(String logicalId) {
        return resolver.physicalName(logicalId);
    }

    /** The environment the runner hands to function {@code logicalId} (template variables, region, endpoint, keys). */
    public Map<String, String> environment(String logicalId) {
        return loader.environment(template.functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in the template")));
    }

    @Override
    public void close() {
        clients.close();
    }
}
