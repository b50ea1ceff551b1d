package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.local.template.CloudFormationYaml;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import cn.bijie.innovation.shared.testing.WrittenKeysRecorder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code dynamodb:LeadingKeys} condition of each function in template.yaml against the keys that function really
 * wrote in its integration tests ({@code WrittenKeysRecorder}, an SDK interceptor, left them in
 * {@code functions/<module>/target/written-keys.tsv}; the reactor runs those tests before this module): every write
 * must be an action the function's role allows, on a partition key its condition lets through.
 */
class LeadingKeysIT {

    record Grant(Set<String> actions, List<String> leadingKeys) {
        boolean allows(String action, String partitionKey) {
            return actions.contains(action) && leadingKeys.stream().anyMatch(p -> like(p, partitionKey));
        }
    }

    @Test
    void everyRecordedWriteIsAllowedByItsFunctionsCondition() throws IOException {
        Path root = ProjectRoot.path();
        Map<String, Object> template = CloudFormationYaml.parse(
                Files.readString(root.resolve("template.yaml"), StandardCharsets.UTF_8));
        // a handler class may run in more than one function (a read-only twin of the public routes): its writes need
        // one of them to allow it
        Map<String, List<String>> functionsOfHandler = new TreeMap<>();
        Map<String, Grant> grants = new TreeMap<>();
        TemplateIT.map(template.get("Resources")).forEach((id, resource) -> {
            Map<String, Object> r = TemplateIT.map(resource);
            if (!"AWS::Serverless::Function".equals(r.get("Type"))) {
                return;
            }
            Map<String, Object> props = TemplateIT.map(r.get("Properties"));
            functionsOfHandler.computeIfAbsent(String.valueOf(props.get("Handler")).split("::")[0],
                    k -> new ArrayList<>()).add(id);
            grants.put(id, writeGrant(props));
        });

        List<Path> recordings = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root.resolve("functions"))) {
            modules.map(m -> m.resolve("target").resolve(WrittenKeysRecorder.FILE)).filter(Files::isRegularFile)
                    .forEach(recordings::add);
        }
        assertThat(recordings).as("recorded writes: run the functions' integration tests first (./dev test does)")
                .isNotEmpty();

        Map<String, Set<String>> seen = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        for (Path file : recordings) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                List<String> functions = functionsOfHandler.get(f[0]);
                assertThat(functions).as("handler " + f[0] + " in template.yaml").isNotNull();
                List<String> allowing = functions.stream().filter(fn -> grants.get(fn).allows(f[1], f[2])).toList();
                if (allowing.isEmpty()) {
                    refused.add(f[0] + " " + f[1] + " " + f[2] + " (allowed: "
                            + functions.stream().map(fn -> fn + " " + grants.get(fn)).toList() + ")");
                } else {
                    seen.computeIfAbsent(allowing.get(0), k -> new TreeSet<>()).add(f[1] + " " + prefix(f[2]));
                }
            }
        }
        seen.forEach((function, writes) -> System.out.println("LeadingKeys " + function + ": " + writes));
        assertThat(refused).as("writes the role would refuse").isEmpty();
        assertThat(seen.keySet()).as("functions whose writes were recorded")
                .contains("OrganizationsFunction", "SubmitApplicationFunction", "DocumentsFunction",
                        "RecordCertificationFunction", "CalculateSubsidyFunction", "SubsidiesFunction",
                        "SendRemindersFunction", "CultivationFunction", "MaintenanceFunction",
                        "MailFeedbackFunction");
    }

    /** The DynamoDB write actions of the function's role and the LeadingKeys patterns they are conditioned on. */
    static Grant writeGrant(Map<String, Object> props) {
        Set<String> actions = new TreeSet<>();
        List<String> patterns = new ArrayList<>();
        for (Object policy : TemplateIT.asList(props.get("Policies"))) {
            for (Object s : TemplateIT.statements(TemplateIT.map(policy).get("Statement"))) {
                Map<String, Object> statement = TemplateIT.map(s);
                Object condition = statement.get("Condition");
                if (condition == null) {
                    continue;
                }
                Object like = TemplateIT.map(condition).get("ForAllValues:StringLike");
                Object keys = like == null ? null : TemplateIT.map(like).get("dynamodb:LeadingKeys");
                if (keys != null) {
                    TemplateIT.asList(statement.get("Action")).forEach(a -> actions.add(String.valueOf(a)));
                    TemplateIT.asList(keys).forEach(k -> patterns.add(String.valueOf(k)));
                }
            }
        }
        return new Grant(actions, patterns);
    }

    /** IAM's StringLike: {@code *} any run of characters, {@code ?} one. */
    static boolean like(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return value.matches(regex.toString());
    }

    private static String prefix(String pk) {
        int hash = pk.indexOf('#');
        return hash < 0 ? pk : pk.substring(0, hash + 1) + "*";
    }
}
