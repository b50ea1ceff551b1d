package cn.bijie.innovation.local;

import cn.bijie.innovation.local.emulator.EmulatorAttributes;
import cn.bijie.innovation.local.emulator.EmulatorClients;
import cn.bijie.innovation.local.emulator.EmulatorResources;
import cn.bijie.innovation.local.emulator.FunctionEnvironments;
import cn.bijie.innovation.local.template.FunctionSpec;
import cn.bijie.innovation.local.template.IntrinsicResolver;
import cn.bijie.innovation.local.template.ParameterValues;
import cn.bijie.innovation.local.template.StackContext;
import cn.bijie.innovation.local.template.TemplateModel;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The template's stack in an emulator: its resources, their names, and each function's environment. The runner serves
 * it; tests that call handlers in-process use it alone, with exactly the wiring the template gives them. The one place
 * where template, emulator and function environments are put together; the runner adds function loading.
 */
public final class EmulatorStack implements AutoCloseable {
    private final TemplateModel template;
    private final StackContext context;
    private final EmulatorClients clients;
    private final EmulatorAttributes attributes;
    private final IntrinsicResolver resolver;
    private final EmulatorResources resources;
    private final FunctionEnvironments environments;

    private EmulatorStack(TemplateModel template, StackContext context, Map<String, String> parameters) {
        this.template = template;
        this.context = context;
        this.clients = new EmulatorClients(context);
        this.attributes = new EmulatorAttributes(clients);
        this.resolver = new IntrinsicResolver(template, context, ParameterValues.resolve(template, parameters), attributes);
        this.resources = new EmulatorResources(template, clients, context, resolver, attributes);
        this.environments = new FunctionEnvironments(context, resolver);
    }

    /** The stack of {@code templateFile} in the emulator at {@code endpoint}; nothing is created yet. */
    public static EmulatorStack open(Path templateFile, StackContext context, Map<String, String> parameters)
            throws IOException {
        return new EmulatorStack(TemplateModel.load(templateFile), context, parameters);
    }

    /** Creates every table, bucket, queue and mail identity of {@code templateFile} in the emulator at {@code endpoint}. */
    public static EmulatorStack create(Path templateFile, URI endpoint, String stackName, Map<String, String> parameters)
            throws IOException {
        EmulatorStack stack = open(templateFile, new StackContext(stackName, "us-east-1", endpoint), parameters);
        stack.resources.createAll();
        return stack;
    }

    /** The physical name of a resource, e.g. {@code Table} → {@code test-Table}. */
    public String physicalName(String logicalId) {
        return resolver.physicalName(logicalId);
    }

    /** The environment the runner hands to function {@code logicalId} (template variables, region, endpoint, keys). */
    public Map<String, String> environment(String logicalId) {
        return environments.of(function(logicalId));
    }

    public FunctionSpec function(String logicalId) {
        return template.functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId + " in the template; functions: "
                        + template.functions().stream().map(FunctionSpec::logicalId).toList()));
    }

    public TemplateModel template() {
        return template;
    }

    public StackContext context() {
        return context;
    }

    public EmulatorClients clients() {
        return clients;
    }

    public EmulatorAttributes attributes() {
        return attributes;
    }

    public IntrinsicResolver resolver() {
        return resolver;
    }

    public EmulatorResources resources() {
        return resources;
    }

    public FunctionEnvironments environments() {
        return environments;
    }

    @Override
    public void close() {
        clients.close();
    }
}
