package cn.bijie.innovation.local.template;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parsed template: sections as plain maps, functions with {@code Globals.Function} merged in. */
public final class TemplateModel {
    static final String FUNCTION = "AWS::Serverless::Function";

    private final Map<String, Object> root;

    TemplateModel(Map<String, Object> root) {
        this.root = root;
    }

    public static TemplateModel parse(String yaml) {
        return new TemplateModel(CloudFormationYaml.parse(yaml));
    }

    public static TemplateModel load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    Map<String, Object> parameters() {
        return section("Parameters");
    }

    Map<String, Object> conditions() {
        return section("Conditions");
    }

    Map<String, Object> mappings() {
        return section("Mappings");
    }

    Map<String, Object> resources() {
        return section("Resources");
    }

    boolean hasResource(String logicalId) {
        return resources().containsKey(logicalId);
    }

    String resourceType(String logicalId) {
        return String.valueOf(map(resources().get(logicalId)).get("Type"));
    }

    /** The raw, unresolved {@code Properties} of a resource (empty when it has none). */
    public Map<String, Object> properties(String logicalId) {
        return map(map(resources().get(logicalId)).get("Properties"));
    }

    /** Logical ids of every resource of the given type, in template order. */
    public List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    public List<FunctionSpec> functions() {
        Map<String, Object> globals = map(section("Globals").get("Function"));
        List<FunctionSpec> functions = new ArrayList<>();
        for (String id : resourcesOfType(FUNCTION)) {
            functions.add(new FunctionSpec(id, merge(globals, properties(id))));
        }
        return functions;
    }

    /** SAM's Globals rule: maps merge key by key (the function wins), anything else the function's value replaces. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> {
            Object global = merged.get(key);
            if (global instanceof Map && value instanceof Map && !isIntrinsic((Map<String, Object>) value)) {
                merged.put(key, merge((Map<String, Object>) global, (Map<String, Object>) value));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static boolean isIntrinsic(Map<String, Object> value) {
        return value.size() == 1 && (value.containsKey("Ref") || value.keySet().iterator().next().startsWith("Fn::"));
    }

    private Map<String, Object> section(String name) {
        return map(root.get(name));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value instanceof List ? (List<Object>) value : List.of();
    }
}
