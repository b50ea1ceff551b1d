package cn.bijie.innovation.bench;

import cn.bijie.innovation.local.template.CloudFormationYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The functions template.yaml declares, read with the local runner's template reader: the suite's list of subjects. */
public final class TemplateFunctions {
    private TemplateFunctions() {}

    public static List<FunctionUnderTest> read(Path root) throws IOException {
        Map<String, Object> template = CloudFormationYaml.parse(
                Files.readString(root.resolve("template.yaml"), StandardCharsets.UTF_8));
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        List<FunctionUnderTest> functions = new ArrayList<>();
        map(template.get("Resources")).forEach((logicalId, resource) -> {
            if (!"AWS::Serverless::Function".equals(map(resource).get("Type"))) {
                return;
            }
            Map<String, Object> properties = map(map(resource).get("Properties"));
            String codeUri = String.valueOf(properties.getOrDefault("CodeUri", globals.get("CodeUri")));
            String handler = String.valueOf(properties.getOrDefault("Handler", globals.get("Handler")));
            Path module = root.resolve(codeUri).normalize();
            List<String> routes = new ArrayList<>();
            Set<String> triggers = new LinkedHashSet<>();
            map(properties.get("Events")).values().forEach(event -> {
                String type = String.valueOf(map(event).get("Type"));
                triggers.add(type);
                if (type.equals("HttpApi")) {
                    Map<String, Object> http = map(map(event).get("Properties"));
                    routes.add(String.valueOf(http.get("Method")).toUpperCase(java.util.Locale.ROOT) + " " + http.get("Path"));
                }
            });
            functions.add(new FunctionUnderTest(logicalId, module.getFileName().toString(),
                    handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler,
                    module.resolve("target").resolve(module.getFileName() + ".jar"), List.copyOf(routes),
                    Set.copyOf(triggers)));
        });
        return functions;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }
}
