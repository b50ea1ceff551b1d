package cn.bijie.innovation.local.auth;

import cn.bijie.innovation.local.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The body of {@code POST /local/token}, checked field by field. */
public record TokenRequest(String sub, List<String> groups, String uscc, String email, long expiresInSeconds) {
    static final Set<String> GROUPS = Set.of("applicant", "staff", "finance", "supervisor");
    private static final Set<String> FIELDS = Set.of("sub", "groups", "uscc", "email", "expiresInSeconds");
    private static final long MAX_SECONDS = 366L * 24 * 3600;

    /** The body broke the rules; {@code details} are {field, problem} pairs for the error shape. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;
        public final transient List<Map<String, String>> details;

        Invalid(List<Map<String, String>> details) {
            super("invalid token request");
            this.details = details;
        }
    }

    /** {@code expiresInSeconds} may be negative: a test can ask for a token that is already expired. */
    public static TokenRequest parse(byte[] body) throws Invalid {
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (IOException e) {
            throw new Invalid(List.of(problem("body", "not valid JSON")));
        }
        if (json == null || !json.isObject()) {
            throw new Invalid(List.of(problem("body", "must be a JSON object")));
        }
        List<Map<String, String>> problems = new ArrayList<>();
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(problem(name, "unknown field"));
            }
        }
        JsonNode sub = json.get("sub");
        if (sub == null || !sub.isTextual() || sub.asText().isBlank()) {
            problems.add(problem("sub", "required, a non-empty string"));
        }
        List<String> groups = new ArrayList<>();
        JsonNode groupsNode = json.get("groups");
        if (groupsNode == null || !groupsNode.isArray()) {
            problems.add(problem("groups", "required, an array of applicant, staff, finance, supervisor"));
        } else {
            for (JsonNode group : groupsNode) {
                if (!group.isTextual() || !GROUPS.contains(group.asText())) {
                    problems.add(problem("groups", group + " is not one of applicant, staff, finance, supervisor"));
                } else if (!groups.contains(group.asText())) {
                    groups.add(group.asText());
                }
            }
        }
        String uscc = optionalText(json, "uscc", problems);
        String email = optionalText(json, "email", problems);
        long expires = 3600;
        JsonNode expiresNode = json.get("expiresInSeconds");
        if (expiresNode != null && !expiresNode.isNull()) {
            if (!expiresNode.canConvertToLong() || !expiresNode.isIntegralNumber() || Math.abs(expiresNode.asLong()) > MAX_SECONDS) {
                problems.add(problem("expiresInSeconds", "an integer number of seconds, at most a year either way"));
            } else {
                expires = expiresNode.asLong();
            }
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new TokenRequest(sub.asText(), groups, uscc, email, expires);
    }

    private static String optionalText(JsonNode json, String field, List<Map<String, String>> problems) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add(problem(field, "a non-empty string when given"));
            return null;
        }
        return node.asText();
    }

    private static Map<String, String> problem(String field, String problem) {
        return Map.of("field", field, "problem", problem);
    }
}
