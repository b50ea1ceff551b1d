package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.testing.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Schemathesis (pinned in requirements-dev.txt) fuzzes every operation of openapi.yaml through the local runner, once
 * per kind of caller, with a fixed seed and a bounded number of cases: no answer is a 5xx, every answer is one the
 * schema documents, and afterwards the table holds no partial record. Path ids, the organisation in paths, queries
 * and bodies come from real records most of the time (a Schemathesis dictionary), so the cases reach the checks
 * behind the 404s.
 */
class FuzzIT {
    static final long SEED = 20191108;
    static final Pattern GENERATED = Pattern.compile("(\\d+) generated, (\\d+) passed");

    /** A caller and how many cases per operation its run may try. */
    record Run(String role, String token, int maxExamples) {}

    @Test
    void everyOperation_forEveryCaller_neverAnswers5xx_andAlwaysAsDocumented() throws Exception {
        ContractedApi api = new ContractedApi(HardeningStack.api());
        Bureau bureau = new Bureau(api);
        String orgA = bureau.organization();
        String orgB = bureau.organization();
        Map<String, List<String>> known = new LinkedHashMap<>();
        for (String uscc : List.of(orgA, orgB)) {
            String application = bureau.submittedApplication(uscc);
            add(known, "applications", application);
            add(known, "applications", bureau.returnedApplication(uscc));
            add(known, "documents", bureau.uploadedDocument(uscc, application));
            String certification = bureau.certification(uscc);
            add(known, "certifications", certification);
            add(known, "subsidies", bureau.subsidyOf(uscc, certification));
            add(known, "usccs", uscc);
        }
        Path dir = ProjectRoot.path().resolve("e2e/target/schemathesis");
        Files.createDirectories(dir);
        Path config = dir.resolve("schemathesis.toml");
        Files.writeString(config, config(known), StandardCharsets.UTF_8);

        List<Run> runs = List.of(
                new Run("applicant", bureau.applicant(orgA), 5),
                new Run("staff", bureau.staff(), 5),
                new Run("finance", bureau.finance(), 3),
                new Run("supervisor", bureau.supervisor(), 3),
                new Run("anonymous", null, 2));
        Map<String, Process> processes = new LinkedHashMap<>();
        for (Run run : runs) {
            processes.put(run.role(), start(api.api(), config, dir, run));
        }

        List<String> figures = new ArrayList<>();
        long total = 0;
        for (Run run : runs) {
            Process process = processes.get(run.role());
            boolean finished = process.waitFor(8, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = Files.readString(dir.resolve(run.role() + ".txt"), StandardCharsets.UTF_8);
            assertThat(finished).as(run.role() + " finished in time").isTrue();
            assertThat(process.exitValue()).as(run.role() + ": schemathesis found a failure:\n" + tail(output))
                    .isZero();
            Matcher counts = GENERATED.matcher(output);
            assertThat(counts.find()).as(run.role() + " reported its cases:\n" + tail(output)).isTrue();
            total += Long.parseLong(counts.group(1));
            figures.add(run.role() + " " + counts.group(1));
        }
        System.out.println("schemathesis: " + total + " cases (" + String.join(", ", figures) + "), seed " + SEED);
        assertThat(total).isGreaterThan(1_000);

        TableItems table = TableItems.read(api.api().miniStack());
        System.out.println("table after fuzzing: " + table.size() + " items");
        assertThat(table.partialRecords()).isEmpty();
    }

    static Process start(LocalApi api, Path config, Path dir, Run run) throws IOException {
        Path schemathesis = ProjectRoot.path().resolve(".venv/bin/schemathesis");
        assertThat(schemathesis).as("schemathesis from the project's .venv (./dev bootstraps it)").isExecutable();
        List<String> command = new ArrayList<>(List.of(schemathesis.toString(), "--config-file", config.toString(),
                "run", ProjectRoot.path().resolve("openapi.yaml").toString(),
                "--url", api.base().toString(),
                "--checks", "not_a_server_error,response_schema_conformance",
                "--max-examples", Integer.toString(run.maxExamples()),
                "--seed", Long.toString(SEED),
                "--workers", "1",
                "--request-timeout", "60",
                "--report", "junit", "--report-junit-path", dir.resolve(run.role() + ".xml").toString()));
        if (run.token() != null) {
            command.addAll(List.of("--header", "Authorization: Bearer " + run.token()));
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(run.role() + ".txt").toFile());
        builder.environment().put("NO_COLOR", "1");
        return builder.start();
    }

    /** Dictionaries of real ids, each used in 70 % of the cases where its parameter occurs. */
    static String config(Map<String, List<String>> known) {
        StringBuilder toml = new StringBuilder();
        known.forEach((name, values) -> toml.append("[dictionaries.").append(name).append("]\nvalues = [")
                .append(String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList())).append("]\n"));
        toml.append("[parameters]\n");
        Map<String, String> bindings = new LinkedHashMap<>();
        bindings.put("path.applicationId", "applications");
        bindings.put("path.documentId", "documents");
        bindings.put("path.certificationId", "certifications");
        bindings.put("path.subsidyId", "subsidies");
        bindings.put("path.uscc", "usccs");
        bindings.put("query.uscc", "usccs");
        bindings.put("body.uscc", "usccs");
        bindings.forEach((key, dictionary) -> toml.append('"').append(key).append("\" = { dictionary = \"")
                .append(dictionary).append("\", probability = 0.7 }\n"));
        return toml.toString();
    }

    static void add(Map<String, List<String>> known, String dictionary, String value) {
        known.computeIfAbsent(dictionary, d -> new ArrayList<>()).add(value);
    }

    static String tail(String output) {
        return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
    }
}
