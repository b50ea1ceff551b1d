package cn.bijie.innovation.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One {@code AWS::Serverless::Function} with Globals merged in; values are still unresolved template values. */
public record FunctionSpec(String logicalId, Map<String, Object> properties) {

    /** One entry of the function's {@code Events}. */
    public record EventSpec(String name, String type, Map<String, Object> properties) {}

    public String handler() {
        Object handler = properties.get("Handler");
        if (!(handler instanceof String text) || !text.contains("::")) {
            throw new IllegalArgumentException(logicalId + ": Handler must be 'package.Class::handleRequest', was " + handler);
        }
        return text;
    }

    public String codeUri() {
        Object uri = properties.get("CodeUri");
        if (!(uri instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException(logicalId + ": CodeUri must be a module folder such as functions/organizations");
        }
        return text;
    }

    public int memorySize() {
        return intProperty("MemorySize", 128);
    }

    public int timeoutSeconds() {
        return intProperty("Timeout", 3);
    }

    /** {@code Environment.Variables}, unresolved. */
    public Map<String, Object> environmentVariables() {
        return TemplateModel.map(TemplateModel.map(properties.get("Environment")).get("Variables"));
    }

    public List<EventSpec> events() {
        List<EventSpec> events = new ArrayList<>();
        TemplateModel.map(properties.get("Events")).forEach((name, event) -> {
            Map<String, Object> body = TemplateModel.map(event);
            events.add(new EventSpec(name, String.valueOf(body.get("Type")), TemplateModel.map(body.get("Properties"))));
        });
        return events;
    }

    public List<EventSpec> events(String type) {
        return events().stream().filter(e -> e.type().equals(type)).toList();
    }

    private int intProperty(String name, int fallback) {
        Object value = properties.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(logicalId + ": " + name + " must be a number, was " + value, e);
        }
    }
}
