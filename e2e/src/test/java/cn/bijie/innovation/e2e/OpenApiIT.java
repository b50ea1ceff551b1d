package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.OpenApiContract.Operation;
import cn.bijie.innovation.local.template.CloudFormationYaml;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** openapi.yaml and template.yaml describe the same HTTP API: the same routes, the same public ones. */
class OpenApiIT {
    static OpenApiContract contract;
    static Map<String, Object> template;

    @BeforeAll
    static void load() throws IOException {
        contract = OpenApiContract.load();
        template = CloudFormationYaml.parse(Files.readString(ProjectRoot.path().resolve("template.yaml"),
                StandardCharsets.UTF_8));
    }

    @Test
    void everyTemplateRoute_isDocumented_andEveryDocumentedOperation_isARoute() {
        assertThat(contract.operationKeys()).isEqualTo(templateRoutes(false));
    }

    @Test
    void publicOperations_areExactlyTheRoutesWithoutTheAuthorizer() {
        Set<String> publicOps = new TreeSet<>();
        contract.operations().stream().filter(Operation::isPublic).forEach(o -> publicOps.add(o.key()));

        assertThat(publicOps).isEqualTo(templateRoutes(true)).containsExactly("GET /indicators", "GET /policy",
                "GET /public/notices", "GET /public/notices/{noticeId}", "POST /public/notices/{noticeId}/objections");
    }

    @Test
    void everySecuredOperation_documents401_andEveryOperation_documentsTheServerFailures() {
        for (Operation op : contract.operations()) {
            JsonNode responses = responses(op);
            if (!op.isPublic()) {
                assertThat(responses.has("401")).as(op.key() + " documents 401").isTrue();
            }
            assertThat(responses.has("500")).as(op.key() + " documents 500").isTrue();
            assertThat(responses.has("503")).as(op.key() + " documents 503 UNAVAILABLE").isTrue();
        }
    }

    @Test
    void everyPost_takesAnIdempotencyKey_andEveryBodyRejectsUnknownFields() {
        for (Operation op : contract.operations()) {
            JsonNode operation = contract.document().path("paths").path(op.path()).path(op.method().toLowerCase());
            // an anonymous caller has nobody to scope a key to: public POSTs take none
            if (op.method().equals("POST") && !op.isPublic()) {
                assertThat(operation.path("parameters").toString()).as(op.key())
                        .contains("#/components/parameters/IdempotencyKey");
            }
            JsonNode schemaRef = operation.path("requestBody").path("content").path("application/json")
                    .path("schema").path("$ref");
            if (!schemaRef.isMissingNode()) {
                JsonNode schema = contract.document().at(schemaRef.asText().substring(1));
                assertThat(schema.path("additionalProperties").asBoolean(true)).as(op.key() + " " + schemaRef)
                        .isFalse();
            }
        }
    }

    @Test
    void everyOperation_hasAChineseSummary() {
        for (Operation op : contract.operations()) {
            String summary = contract.document().path("paths").path(op.path()).path(op.method().toLowerCase())
                    .path("summary").asText();
            assertThat(summary).as(op.key()).matches(s -> s.codePoints().anyMatch(
                    c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "has Chinese text");
        }
    }

    static JsonNode responses(Operation op) {
        return contract.document().path("paths").path(op.path()).path(op.method().toLowerCase()).path("responses");
    }

    /** "METHOD /path" of every HttpApi event in template.yaml; only those without the authorizer if {@code open}. */
    @SuppressWarnings("unchecked")
    static Set<String> templateRoutes(boolean open) {
        Set<String> routes = new TreeSet<>();
        Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
        for (Object resource : resources.values()) {
            Map<String, Object> r = (Map<String, Object>) resource;
            if (!"AWS::Serverless::Function".equals(r.get("Type"))) {
                continue;
            }
            Map<String, Object> events = (Map<String, Object>) ((Map<String, Object>) r.get("Properties"))
                    .getOrDefault("Events", Map.of());
            for (Object e : events.values()) {
                Map<String, Object> event = (Map<String, Object>) e;
                if (!"HttpApi".equals(event.get("Type"))) {
                    continue;
                }
                Map<String, Object> p = (Map<String, Object>) event.get("Properties");
                Object auth = p.get("Auth") == null ? null : ((Map<String, Object>) p.get("Auth")).get("Authorizer");
                if (!open || "NONE".equals(auth)) {
                    routes.add(p.get("Method") + " " + p.get("Path"));
                }
            }
        }
        return routes;
    }
}
