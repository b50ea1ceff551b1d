package cn.bijie.innovation.e2e;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * openapi.yaml as a checker: which operations it documents, and whether an answer of the local runner is one it
 * documents — the status listed for that operation and a body its schema accepts.
 */
public final class OpenApiContract {
    private static OpenApiContract instance;

    private final Path file;
    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance())
                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** One operation: {@code GET /applications/{applicationId}}, matched against concrete paths. */
    public record Operation(String method, String path, Pattern pattern, int literalSegments, boolean isPublic) {
        public String key() {
            return method + " " + path;
        }
    }

    private OpenApiContract(Path file) {
        this.file = file;
        try {
            this.document = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean defaultSecured = document.path("security").size() > 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (method.equals("parameters")) {
                    continue;
                }
                JsonNode op = path.getValue().path(method);
                boolean secured = op.has("security") ? op.path("security").size() > 0 : defaultSecured;
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey(), pattern(path.getKey()),
                        (int) path.getKey().chars().filter(c -> c == '/').count()
                                - (int) path.getKey().chars().filter(c -> c == '{').count(),
                        !secured));
            }
        }
    }

    public static synchronized OpenApiContract load() {
        if (instance == null) {
            instance = new OpenApiContract(ProjectRoot.path().resolve("openapi.yaml"));
        }
        return instance;
    }

    public JsonNode document() {
        return document;
    }

    public List<Operation> operations() {
        return List.copyOf(operations);
    }

    /** "METHOD /path" of every operation. */
    public Set<String> operationKeys() {
        Set<String> keys = new TreeSet<>();
        operations.forEach(o -> keys.add(o.key()));
        return keys;
    }

    /** The operation a concrete request goes to; a literal segment wins over a parameter, as in API Gateway. */
    public Optional<Operation> operation(String method, String concretePath) {
        String path = concretePath.contains("?") ? concretePath.substring(0, concretePath.indexOf('?')) : concretePath;
        return operations.stream()
                .filter(o -> o.method().equals(method) && o.pattern().matcher(path).matches())
                .max(java.util.Comparator.comparingInt(Operation::literalSegments));
    }

    /**
     * The problems of an answer: empty when {@code reply} is a documented status of the operation and its body is
     * what the schema for that status and content type accepts.
     */
    public List<String> problems(String method, String concretePath, Reply reply) {
        Operation op = operation(method, concretePath).orElse(null);
        if (op == null) {
            return List.of("no operation in openapi.yaml for " + method + " " + concretePath);
        }
        String responsePointer = "/paths/" + escape(op.path()) + "/" + op.method().toLowerCase(Locale.ROOT)
                + "/responses/" + reply.status();
        JsonNode response = document.at(responsePointer);
        if (response.isMissingNode()) {
            return List.of(op.key() + " does not document status " + reply.status() + " (body " + abbreviate(reply.body())
                    + ")");
        }
        if (response.has("$ref")) {
            responsePointer = response.path("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return reply.body().isEmpty() ? List.of() : List.of(op.key() + " " + reply.status() + " documents no body");
        }
        String mediaType = mediaType(reply);
        if (!content.has(mediaType)) {
            return List.of(op.key() + " " + reply.status() + " does not document content type " + mediaType);
        }
        if (!mediaType.equals("application/json")) {
            return List.of();
        }
        JsonNode body;
        try {
            body = LocalApi.JSON.readTree(reply.body());
        } catch (IOException e) {
            return List.of(op.key() + " " + reply.status() + ": the body is not JSON: " + abbreviate(reply.body()));
        }
        String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        JsonSchema schema = schemas.computeIfAbsent(schemaPointer,
                p -> factory.getSchema(SchemaLocation.of(file.toUri() + "#" + p), config));
        List<String> problems = new ArrayList<>();
        for (ValidationMessage message : schema.validate(body)) {
            problems.add(op.key() + " " + reply.status() + ": " + message.getMessage());
        }
        return problems;
    }

    private static String mediaType(Reply reply) {
        String type = reply.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static Pattern pattern(String template) {
        return Pattern.compile("^" + template.replaceAll("\\{[^/}]+}", "[^/]+") + "$");
    }

    /** JSON pointer escaping: "~" → "~0", "/" → "~1". */
    static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
