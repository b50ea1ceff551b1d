package cn.bijie.innovation.local.template;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Template parameter values: {@code --param} overrides, then {@code Default}, then a fresh secret for NoEcho ones. */
public final class ParameterValues {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ParameterValues() {}

    /** @return name → String, or List&lt;String&gt; for list-typed parameters */
    public static Map<String, Object> resolve(TemplateModel template, Map<String, String> overrides) {
        for (String name : overrides.keySet()) {
            if (!template.parameters().containsKey(name)) {
                throw new IllegalArgumentException("--param " + name + ": the template has no such parameter");
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        template.parameters().forEach((name, definition) -> {
            Map<String, Object> spec = TemplateModel.map(definition);
            String value;
            if (overrides.containsKey(name)) {
                value = overrides.get(name);
            } else if (spec.containsKey("Default")) {
                value = scalar(spec.get("Default"));
            } else if (isTrue(spec.get("NoEcho"))) {
                // a secret nobody configured locally: fresh per start, like a value only the deployment knows
                value = randomSecret(48);
            } else {
                throw new IllegalArgumentException("parameter " + name + " has no Default: pass --param " + name + "=VALUE");
            }
            List<Object> allowed = TemplateModel.list(spec.get("AllowedValues"));
            if (!allowed.isEmpty() && allowed.stream().map(ParameterValues::scalar).noneMatch(value::equals)) {
                throw new IllegalArgumentException("parameter " + name + "=" + value + " is not one of " + allowed);
            }
            String type = String.valueOf(spec.getOrDefault("Type", "String"));
            values.put(name, type.equals("CommaDelimitedList") || type.startsWith("List<") ? split(value) : value);
        });
        return values;
    }

    static String randomSecret(int length) {
        StringBuilder secret = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            secret.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return secret.toString();
    }

    private static List<String> split(String value) {
        return value.isEmpty() ? List.of() : new ArrayList<>(Arrays.stream(value.split(",")).map(String::trim).toList());
    }

    private static String scalar(Object value) {
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(String.valueOf(value));
    }
}
