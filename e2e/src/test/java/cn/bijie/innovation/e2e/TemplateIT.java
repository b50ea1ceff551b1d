package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.bijie.innovation.local.template.CloudFormationYaml;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * template.yaml: {@code sam validate --lint} is clean, {@code sam build} (no Docker: BuildMethod makefile, flags from
 * samconfig.toml) packages every function's shaded jar, and the template declares what docs/CONTRACTS.md and the
 * HTTP API contract say.
 */
class TemplateIT {

    /** LogicalId → module folder under functions/ (docs/CONTRACTS.md). */
    static final Map<String, String> MODULES = new LinkedHashMap<>();
    /** LogicalId → handler class (docs/CONTRACTS.md). */
    static final Map<String, String> HANDLERS = new LinkedHashMap<>();
    /** "METHOD /path" → owning LogicalId: every route of the HTTP API contract. */
    static final Map<String, String> ROUTES = new TreeMap<>();
    static final Set<String> PUBLIC_ROUTES = Set.of("GET /indicators", "GET /policy", "GET /public/notices",
            "GET /public/notices/{noticeId}", "POST /public/notices/{noticeId}/objections");
    /** The public routes that write, and the only partitions they may write in. */
    static final Map<String, List<String>> PUBLIC_WRITES = Map.of("POST /public/notices/{noticeId}/objections",
            List.of("NOTICE#*"));

    static {
        function("OrganizationsFunction", "organizations",
                "cn.bijie.innovation.functions.organizations.OrganizationsHandler");
        function("SubmitApplicationFunction", "submit-application",
                "cn.bijie.innovation.functions.applications.SubmitApplicationHandler");
        function("DocumentsFunction", "documents", "cn.bijie.innovation.functions.documents.DocumentsHandler");
        function("RecordCertificationFunction", "record-certification",
                "cn.bijie.innovation.functions.certifications.RecordCertificationHandler");
        function("CalculateSubsidyFunction", "calculate-subsidy",
                "cn.bijie.innovation.functions.subsidycalc.CalculateSubsidyHandler");
        function("SubsidiesFunction", "subsidies", "cn.bijie.innovation.functions.subsidies.SubsidiesHandler");
        function("SendRemindersFunction", "send-reminders",
                "cn.bijie.innovation.functions.reminders.SendRemindersHandler");
        function("IndicatorsFunction", "indicators", "cn.bijie.innovation.functions.indicators.IndicatorsHandler");
        // the public read and the operators' recount: the same code as their siblings, in roles of their own
        function("PublicPolicyFunction", "subsidies", "cn.bijie.innovation.functions.subsidies.SubsidiesHandler");
        function("IndicatorsRecountFunction", "indicators",
                "cn.bijie.innovation.functions.indicators.IndicatorsHandler");
        // 公示, ledger and report: one code base in four roles
        for (String id : List.of("NoticesFunction", "PublicNoticesFunction", "PublicObjectionsFunction",
                "LedgerFunction")) {
            function(id, "notices", "cn.bijie.innovation.functions.notices.NoticesHandler");
        }
        // issue 14 (part B): applicant notifications from the stream; the audit trail, and its operators' check
        function("NotifyApplicantsFunction", "notify-applicants",
                "cn.bijie.innovation.functions.notify.NotifyApplicantsHandler");
        function("AuditFunction", "audit", "cn.bijie.innovation.functions.audit.AuditHandler");
        function("AuditVerifyFunction", "audit", "cn.bijie.innovation.functions.audit.AuditHandler");
        // the operators' upgrade runbook (no trigger)
        function("MaintenanceFunction", "maintenance",
                "cn.bijie.innovation.functions.maintenance.MaintenanceHandler");
        // issue 16: SES bounces and complaints, by SNS
        function("MailFeedbackFunction", "mail-feedback",
                "cn.bijie.innovation.functions.mailfeedback.MailFeedbackHandler");

        routes("OrganizationsFunction", "PUT /organizations/{uscc}", "GET /organizations/{uscc}");
        routes("SubmitApplicationFunction", "POST /applications", "GET /applications",
                "GET /applications/{applicationId}", "PUT /applications/{applicationId}",
                "POST /applications/{applicationId}/withdrawal");
        routes("DocumentsFunction", "POST /applications/{applicationId}/documents",
                "GET /applications/{applicationId}/documents",
                "GET /applications/{applicationId}/documents/{documentId}");
        routes("RecordCertificationFunction", "POST /applications/{applicationId}/decision", "POST /certifications",
                "GET /certifications", "GET /certifications/{certificationId}",
                "POST /certifications/{certificationId}/revocation",
                "POST /certifications/{certificationId}/classification", "GET /organizations/{uscc}/platforms",
                "POST /organizations/{uscc}/platforms/{platformId}/merge");
        routes("SubsidiesFunction", "GET /subsidies", "GET /subsidies/{subsidyId}",
                "POST /subsidies/{subsidyId}/disbursement", "POST /subsidies/{subsidyId}/recovery",
                "PUT /policy/parameters/{name}", "POST /policy/parameters/{name}/approval");
        routes("PublicPolicyFunction", "GET /policy");
        routes("IndicatorsFunction", "GET /indicators");
        // issue 17: the growth tier and the directory; the cultivation
        routes("OrganizationsFunction", "PUT /organizations/{uscc}/tier", "GET /organizations/{uscc}/tiers",
                "GET /organizations");
        function("CultivationFunction", "cultivation", "cn.bijie.innovation.functions.cultivation.CultivationHandler");
        routes("CultivationFunction", "POST /cultivation/windows", "POST /cultivation/pool", "GET /cultivation/pool",
                "POST /organizations/{uscc}/coaching", "PUT /organizations/{uscc}/readiness",
                "GET /organizations/{uscc}/cultivation", "GET /cultivation/statistics", "GET /cultivation/forecast");
        routes("NoticesFunction", "POST /notices", "GET /notices", "GET /notices/{noticeId}",
                "POST /notices/{noticeId}/objections/{objectionId}/decision");
        routes("PublicNoticesFunction", "GET /public/notices", "GET /public/notices/{noticeId}");
        routes("PublicObjectionsFunction", "POST /public/notices/{noticeId}/objections");
        routes("LedgerFunction", "GET /ledger", "GET /ledger/forecast", "GET /reports/progress");
        // list imports (issue 13): the routes, and the S3-triggered import run, from one module
        function("ImportsFunction", "imports", "cn.bijie.innovation.functions.imports.ImportsHandler");
        function("ImportRecognitionsFunction", "imports",
                "cn.bijie.innovation.functions.imports.ImportRecognitionsHandler");
        function("ImportNoticesFunction", "import-notices",
                "cn.bijie.innovation.functions.importnotices.ImportNoticesHandler");
        routes("ImportsFunction", "POST /imports", "GET /imports", "GET /imports/{importId}",
                "GET /imports/{importId}/report", "GET /imports/{importId}/unmatched",
                "POST /imports/{importId}/unmatched/{row}");
        routes("OrganizationsFunction", "GET /organizations/{uscc}/notifications");
        routes("AuditFunction", "GET /audit", "GET /audit/verify");
    }

    /** Class-path prefixes of HTTP clients that must not be packaged (UrlConnectionHttpClient only). */
    static final List<String> FORBIDDEN_PREFIXES = List.of("io/netty/", "org/apache/http/", "org/apache/hc/",
            "software/amazon/awssdk/http/apache/", "software/amazon/awssdk/http/apache5/",
            "software/amazon/awssdk/http/nio/netty/");

    static final Pattern PROBLEM = Pattern.compile("(?i)\\b(error|warning|[EW]\\d{4})\\b");

    static Path root;
    static Path sam;
    static Map<String, Object> template;

    @BeforeAll
    static void load() throws IOException {
        root = ProjectRoot.path();
        sam = root.resolve(".venv/bin/sam");
        assertThat(sam).as("sam CLI from the project's .venv (./dev bootstraps it)").isExecutable();
        template = CloudFormationYaml.parse(Files.readString(root.resolve("template.yaml"), StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ sam validate --lint

    /** Both partitions: cfn-lint knows which resource types each region has (no Cognito, no SES in China). */
    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "ap-southeast-1", "cn-north-1", "cn-northwest-1"})
    void samValidateLintIsClean(String region) throws Exception {
        Result r = run(List.of(sam.toString(), "validate", "--lint", "--region", region), Map.of(),
                Duration.ofMinutes(3));
        assertThat(r.exitCode).as(region + "\n" + r.output).isZero();
        assertThat(r.output).contains("is a valid SAM Template");
        assertThat(r.output.lines().filter(l -> PROBLEM.matcher(l).find()))
                .as("error or warning lines from sam validate --lint").isEmpty();
    }

    // ------------------------------------------------------------------ sam build

    @Test
    void samBuildPackagesEveryFunctionWithoutDocker(@TempDir Path tmp) throws Exception {
        List<String> missing = MODULES.values().stream().map(TemplateIT::jarOf).filter(p -> !Files.isRegularFile(p))
                .map(Path::toString).collect(Collectors.toList());
        assertThat(missing).as("function jars: run `mvn -DskipTests package` at the project root first").isEmpty();

        Path buildDir = tmp.resolve("build");
        long start = System.nanoTime();
        // USE_PREBUILT_JARS=1: the Makefile copies the reactor's jars and never starts a nested Maven build.
        Result r = run(List.of(sam.toString(), "build", "--build-dir", buildDir.toString(),
                "--cache-dir", tmp.resolve("cache").toString()), Map.of("USE_PREBUILT_JARS", "1"),
                Duration.ofMinutes(5));
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        System.out.println("sam build took " + seconds + " s");
        assertThat(r.exitCode).as(r.output).isZero();
        assertThat(r.output).contains("Build Succeeded");
        assertThat(buildDir.resolve("template.yaml")).isRegularFile();

        for (Map.Entry<String, String> fn : MODULES.entrySet()) {
            Path artifact = buildDir.resolve(fn.getKey());
            assertThat(artifact).as(fn.getKey() + " artifact").isDirectory();
            Set<String> entries = classEntries(artifact);
            String handlerEntry = HANDLERS.get(fn.getKey()).replace('.', '/') + ".class";
            assertThat(entries).as(fn.getKey() + " handler class").contains(handlerEntry);
            assertThat(entries.stream().filter(e -> FORBIDDEN_PREFIXES.stream().anyMatch(e::startsWith)))
                    .as(fn.getKey() + ": Netty / Apache HTTP client classes").isEmpty();
        }
    }

    /** Entries of every jar under lib/ plus loose files (an unpacked artifact), relative to the artifact dir. */
    static Set<String> classEntries(Path artifact) throws IOException {
        Set<String> entries = new java.util.HashSet<>();
        try (Stream<Path> files = Files.walk(artifact)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String rel = artifact.relativize(f).toString().replace('\\', '/');
                if (rel.startsWith("lib/") && rel.endsWith(".jar")) {
                    try (ZipFile zip = new ZipFile(f.toFile())) {
                        zip.stream().map(ZipEntry::getName).forEach(entries::add);
                    }
                } else {
                    entries.add(rel);
                }
            }
        }
        return entries;
    }

    // ------------------------------------------------------------------ structure

    @Test
    void functionsFollowTheContracts() {
        Map<String, Object> functions = functions();
        assertThat(functions.keySet()).containsExactlyInAnyOrderElementsOf(MODULES.keySet());
        for (Map.Entry<String, String> fn : MODULES.entrySet()) {
            Map<String, Object> resource = map(functions.get(fn.getKey()));
            Map<String, Object> props = map(resource.get("Properties"));
            assertThat(props.get("CodeUri")).as(fn.getKey()).isEqualTo("functions/" + fn.getValue());
            assertThat(props.get("Handler")).as(fn.getKey()).isEqualTo(HANDLERS.get(fn.getKey()) + "::handleRequest");
            assertThat(map(resource.get("Metadata")).get("BuildMethod")).as(fn.getKey()).isEqualTo("makefile");
        }
        Map<String, Object> globals = map(map(template.get("Globals")).get("Function"));
        assertThat(globals).containsEntry("Runtime", "java21").containsEntry("Architectures", List.of("arm64"))
                .containsEntry("AutoPublishAlias", "live").containsEntry("Tracing", "Active");
        assertThat(map(globals.get("SnapStart"))).containsEntry("ApplyOn", "PublishedVersions");
        Map<String, Object> env = map(map(globals.get("Environment")).get("Variables"));
        assertThat(env.get("TABLE_NAME")).isEqualTo(Map.of("Ref", "Table"));
        assertThat(env.get("JAVA_TOOL_OPTIONS")).isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        Map<String, Object> documentsEnv = map(map(map(map(functions.get("DocumentsFunction")).get("Properties"))
                .get("Environment")).get("Variables"));
        assertThat(documentsEnv.get("BUCKET_NAME")).isEqualTo(Map.of("Ref", "DocumentBucket"));
    }

    @Test
    void everyApiRouteHasItsOwnerAndOnlyPublicRoutesSkipTheAuthorizer() {
        Map<String, String> found = new TreeMap<>();
        for (Map.Entry<String, Object> fn : functions().entrySet()) {
            Map<String, Object> events = map(map(map(fn.getValue()).get("Properties")).getOrDefault("Events", Map.of()));
            for (Map.Entry<String, Object> event : events.entrySet()) {
                Map<String, Object> ev = map(event.getValue());
                if (!"HttpApi".equals(ev.get("Type"))) {
                    continue;
                }
                Map<String, Object> p = map(ev.get("Properties"));
                String route = p.get("Method") + " " + p.get("Path");
                assertThat(found.put(route, fn.getKey())).as("duplicate route " + route).isNull();
                assertThat(p.get("ApiId")).as(route).isEqualTo(Map.of("Ref", "HttpApi"));
                Object authorizer = p.get("Auth") == null ? null : map(p.get("Auth")).get("Authorizer");
                if (PUBLIC_ROUTES.contains(route)) {
                    assertThat(authorizer).as(route + " is public").isEqualTo("NONE");
                } else {
                    assertThat(authorizer).as(route + " uses the default JWT authorizer").isNull();
                }
            }
        }
        assertThat(found).isEqualTo(ROUTES);

        Map<String, Object> auth = map(map(map(resources().get("HttpApi")).get("Properties")).get("Auth"));
        String defaultAuthorizer = (String) auth.get("DefaultAuthorizer");
        Map<String, Object> jwt = map(map(map(auth.get("Authorizers")).get(defaultAuthorizer)).get("JwtConfiguration"));
        // the stack's Cognito pool where Cognito exists, else the configured OIDC issuer and audience
        List<?> issuer = (List<?>) map(jwt.get("issuer")).get("Fn::If");
        assertThat(issuer.get(0)).isEqualTo("UseCognito");
        assertThat(String.valueOf(issuer.get(1))).contains("cognito-idp").contains("${UserPool}");
        assertThat(issuer.get(2)).isEqualTo(Map.of("Ref", "IdentityIssuer"));
        assertThat(jwt.get("audience")).isEqualTo(Map.of("Fn::If", List.of("UseCognito",
                List.of(Map.of("Ref", "UserPoolClient")), Map.of("Ref", "IdentityAudience"))));
    }

    // ------------------------------------------------------------------ issue 16: identity, both partitions, alarms

    @Test
    void cognitoAndSesExistOnlyWhereThePartitionHasThem() {
        Map<String, Object> conditions = map(template.get("Conditions"));
        assertThat(String.valueOf(conditions.get("InChina"))).as("written on AWS::Region, so cfn-lint resolves it")
                .contains("AWS::Region").contains("cn-north-1").contains("cn-northwest-1").doesNotContain("Partition");
        resources().forEach((id, r) -> {
            String type = String.valueOf(map(r).get("Type"));
            if (type.startsWith("AWS::Cognito::")) {
                assertThat(map(r).get("Condition")).as(id).isEqualTo("UseCognito");
            }
            if (type.startsWith("AWS::SES::")) {
                assertThat(map(r).get("Condition")).as(id).isEqualTo("UseSes");
            }
        });
        Map<String, Object> reminderEnv = map(map(props("SendRemindersFunction").get("Environment")).get("Variables"));
        assertThat(reminderEnv.get("MAIL_TRANSPORT"))
                .isEqualTo(Map.of("Fn::If", List.of("UseSes", "SES", "SMTP")));
        assertThat(reminderEnv).containsKeys("SMTP_HOST", "SMTP_PORT", "SMTP_SECRET_ARN");
    }

    @Test
    void signInNeedsTotpAndTheSignInNameCannotChangeUnverified() {
        Map<String, Object> pool = props("UserPool");
        assertThat(pool).containsEntry("MfaConfiguration", "ON").containsEntry("EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"));
        assertThat(map(pool.get("AdminCreateUserConfig"))).containsEntry("AllowAdminCreateUserOnly", true);
        assertThat(map(pool.get("UserAttributeUpdateSettings")))
                .containsEntry("AttributesRequireVerificationBeforeUpdate", List.of("email"));
        assertThat(String.valueOf(map(pool.get("UserPoolAddOns")).get("AdvancedSecurityMode"))).contains("ENFORCED");
        assertThat(props("UserPoolClient").get("WriteAttributes")).isEqualTo(List.of("email"));
    }

    @Test
    void noSecretIsADeployParameterAndNoOriginIsAWildcard() {
        map(template.get("Parameters")).forEach((name, p) ->
                assertThat(map(p)).as(name + ": secrets live in Secrets Manager").doesNotContainKey("NoEcho"));
        // the page-token secret is read at run time by its ARN: no value and no dynamic reference in a configuration
        int readers = 0;
        for (Map.Entry<String, Object> fn : functions().entrySet()) {
            Map<String, Object> properties = map(map(fn.getValue()).get("Properties"));
            Map<String, Object> variables = map(map(properties.getOrDefault("Environment",
                    Map.of("Variables", Map.of()))).get("Variables"));
            assertThat(variables).as(fn.getKey()).doesNotContainKey("PAGE_TOKEN_SECRET");
            assertThat(String.valueOf(variables)).as(fn.getKey()).doesNotContain("{{resolve:");
            if (variables.containsKey("PAGE_TOKEN_SECRET_ARN")) {
                readers++;
                assertThat(variables.get("PAGE_TOKEN_SECRET_ARN")).as(fn.getKey())
                        .isEqualTo(Map.of("Ref", "PageTokenSecret"));
                List<Object> grants = new ArrayList<>();
                for (Object policy : asList(properties.get("Policies"))) {
                    grants.addAll(statements(map(policy).get("Statement")));
                }
                assertThat(grants).as(fn.getKey() + " may read that one secret").contains(Map.of("Effect", "Allow",
                        "Action", "secretsmanager:GetSecretValue", "Resource", Map.of("Ref", "PageTokenSecret")));
            }
        }
        assertThat(readers).as("functions with list routes").isGreaterThanOrEqualTo(10);
        Map<String, Object> cors = map(props("HttpApi").get("CorsConfiguration"));
        assertThat(cors.get("AllowOrigins")).isEqualTo(Map.of("Ref", "AllowedOrigins"));
        Map<String, Object> rule = map(((List<?>) map(props("DocumentBucket").get("CorsConfiguration"))
                .get("CorsRules")).get(0));
        assertThat(rule.get("AllowedOrigins")).isEqualTo(Map.of("Ref", "AllowedOrigins"));
    }

    @Test
    void failuresReachTheAlarmTopicAndTheOperationsAddress() {
        Map<String, String> alarmed = new TreeMap<>();
        resources().forEach((id, r) -> {
            if ("AWS::CloudWatch::Alarm".equals(map(r).get("Type"))) {
                Map<String, Object> p = map(map(r).get("Properties"));
                assertThat(p.get("AlarmActions")).as(id).isEqualTo(List.of(Map.of("Ref", "AlarmTopic")));
                alarmed.put(id, p.containsKey("Metrics") ? String.valueOf(p.get("Metrics"))
                        : p.get("Namespace") + "/" + p.get("MetricName") + " " + p.get("Dimensions"));
            }
        });
        assertThat(alarmed.values()).anySatisfy(a -> assertThat(a).startsWith("AWS/ApiGateway/5xx").contains("HttpApi"));
        assertThat(alarmed.values()).anySatisfy(a -> assertThat(a).startsWith("AWS/Lambda/IteratorAge")
                .contains("CalculateSubsidyFunction"));
        for (String queue : List.of("SubsidyStreamDLQ", "ReminderRunFailureQueue")) {
            assertThat(alarmed.values()).anySatisfy(a -> assertThat(a)
                    .startsWith("AWS/SQS/ApproximateNumberOfMessagesVisible").contains(queue));
        }
        assertThat(alarmed.values()).anySatisfy(a -> assertThat(a).contains("AWS/Scheduler")
                .contains("TargetErrorCount").contains("ScheduleGroup"));
        // the counts the functions publish (log/Metrics), in the namespace the functions are given
        Object namespace = map(map(map(map(template.get("Globals")).get("Function")).get("Environment"))
                .get("Variables")).get("METRICS_NAMESPACE");
        for (String metric : List.of("Http5xx", "StreamRecordsFailed", "ReminderMailsFailed")) {
            assertThat(alarmed.values()).as(metric).contains(namespace + "/" + metric + " null");
        }
        Map<String, Object> subscription = map(resources().get("OperationsSubscription"));
        assertThat(subscription.get("Condition")).isEqualTo("HasOperationsEmail");
        assertThat(map(subscription.get("Properties"))).containsEntry("Endpoint", Map.of("Ref", "OperationsEmail"))
                .containsEntry("TopicArn", Map.of("Ref", "AlarmTopic"));
    }

    @Test
    void bouncesAndComplaintsReachTheFeedbackFunctionWhereSesExists() {
        Map<String, Object> destination = map(props("MailFeedbackDestination").get("EventDestination"));
        assertThat(destination.get("MatchingEventTypes")).isEqualTo(List.of("bounce", "complaint"));
        assertThat(map(destination.get("SnsDestination"))).containsEntry("TopicARN", Map.of("Ref", "MailFeedbackTopic"));
        for (String id : List.of("MailFeedbackTopic", "MailFeedbackTopicPolicy", "MailFeedbackDestination",
                "MailFeedbackFunction", "MailFeedbackFailureQueue", "MailFeedbackFailureAlarm")) {
            assertThat(map(resources().get(id)).get("Condition")).as(id).isEqualTo("UseSes");
        }
        Map<String, Object> function = props("MailFeedbackFunction");
        assertThat(map(eventOfType("MailFeedbackFunction", "SNS"))).containsEntry("Topic",
                Map.of("Ref", "MailFeedbackTopic"));
        assertThat((Integer) function.get("ReservedConcurrentExecutions")).isBetween(1, 5);
        assertThat(LeadingKeysIT.writeGrant(function))
                .isEqualTo(new LeadingKeysIT.Grant(Set.of("dynamodb:UpdateItem"), List.of("ORG#*")));
    }

    @Test
    void theReminderRunNeverOverlapsAndItsFailuresAreKept() {
        Map<String, Object> reminders = props("SendRemindersFunction");
        assertThat(reminders).containsEntry("ReservedConcurrentExecutions", 1);
        Map<String, Object> onFailure = map(map(map(reminders.get("EventInvokeConfig")).get("DestinationConfig"))
                .get("OnFailure"));
        assertThat(onFailure).containsEntry("Type", "SQS")
                .containsEntry("Destination", Map.of("Fn::GetAtt", List.of("ReminderRunFailureQueue", "Arn")));
        Map<String, Object> schedule = eventOfType("SendRemindersFunction", "ScheduleV2");
        assertThat(map(schedule.get("DeadLetterConfig")))
                .containsEntry("Arn", Map.of("Fn::GetAtt", List.of("ReminderRunFailureQueue", "Arn")));
        assertThat(schedule.get("GroupName")).isEqualTo(Map.of("Ref", "ScheduleGroup"));
        assertThat(map(props("HttpApi").get("RouteSettings"))).containsKeys(PUBLIC_ROUTES.toArray(String[]::new));
    }

    @Test
    void publicRoutesRunInFunctionsThatCanOnlyRead() {
        for (String route : PUBLIC_ROUTES) {
            String owner = ROUTES.get(route);
            Map<String, Object> p = props(owner);
            assertThat(p).as(owner).containsKey("ReservedConcurrentExecutions");
            for (Object policy : asList(p.get("Policies"))) {
                for (Object s : statements(map(policy).get("Statement"))) {
                    for (Object action : asList(map(s).get("Action"))) {
                        if (PUBLIC_WRITES.containsKey(route) && List.of("dynamodb:PutItem", "dynamodb:UpdateItem")
                                .contains(String.valueOf(action))) {
                            assertThat(String.valueOf(map(s).get("Condition"))).as(owner + " writes only in")
                                    .contains(PUBLIC_WRITES.get(route).toString());
                            continue;
                        }
                        // reads only: the table, and the page-token secret (TemplateIT checks it is that one)
                        assertThat(String.valueOf(action)).as(owner + " serves " + route)
                                .isIn("dynamodb:GetItem", "dynamodb:ConditionCheckItem", "dynamodb:Query",
                                        "secretsmanager:GetSecretValue");
                    }
                }
            }
        }
    }

    @Test
    void triggersOfTheStreamAndScheduledFunctions() {
        Map<String, Object> stream = eventOfType("CalculateSubsidyFunction", "DynamoDB");
        assertThat(stream.get("Stream")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "StreamArn")));
        assertThat(stream).containsEntry("StartingPosition", "TRIM_HORIZON").containsEntry("BatchSize", 25)
                .containsEntry("BisectBatchOnFunctionError", true).containsEntry("MaximumRetryAttempts", 5)
                .containsEntry("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
        String filters = String.valueOf(stream.get("FilterCriteria"));
        assertThat(filters).contains("NewImage", "OldImage", "CERTIFICATION", "POLICY_PARAMETER");

        Map<String, Object> schedule = eventOfType("SendRemindersFunction", "ScheduleV2");
        assertThat(schedule).containsEntry("ScheduleExpression", "cron(0 9 * * ? *)")
                .containsEntry("ScheduleExpressionTimezone", "Asia/Shanghai");
    }

    @Test
    void iamPoliciesAreInlineWithoutWildcardActionsOrResources() {
        for (Map.Entry<String, Object> fn : functions().entrySet()) {
            Map<String, Object> props = map(map(fn.getValue()).get("Properties"));
            assertThat(props).as(fn.getKey() + " uses the SAM-generated role").doesNotContainKey("Role");
            assertThat(props.get("Policies")).as(fn.getKey() + " Policies").isInstanceOf(List.class);
            for (Object policy : (List<?>) props.get("Policies")) {
                assertThat(policy).as(fn.getKey() + ": inline `- Statement:` only (no managed or template policies)")
                        .isInstanceOf(Map.class);
                assertThat(map(policy).keySet()).as(fn.getKey()).containsExactly("Statement");
                for (Object s : statements(map(policy).get("Statement"))) {
                    Map<String, Object> statement = map(s);
                    String where = fn.getKey() + " " + statement;
                    List<String> actions = asList(statement.get("Action")).stream().map(String::valueOf).toList();
                    Map<?, ?> condition = statement.get("Condition") == null ? Map.of() : map(statement.get("Condition"));
                    if (actions.stream().anyMatch(a -> List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
                            "dynamodb:DeleteItem").contains(a))) {
                        assertThat(String.valueOf(condition)).as(where + ": writes only under its key prefixes")
                                .contains("ForAllValues:StringLike").contains("dynamodb:LeadingKeys");
                    }
                    if (actions.contains("ses:SendEmail")) {
                        assertThat(String.valueOf(condition)).as(where).contains("ses:FromAddress");
                    }
                    if (actions.contains("s3:ListBucket")) {
                        assertThat(String.valueOf(condition)).as(where).contains("s3:prefix=applications/*");
                    }
                    assertThat(actions).as(where + ": unused grants").doesNotContain("s3:GetObjectAttributes");
                    assertThat(statement.get("Effect")).as(where).isEqualTo("Allow");
                    assertThat(statement).as(where).doesNotContainKeys("NotAction", "NotResource");
                    for (Object action : asList(statement.get("Action"))) {
                        assertThat(action).as(where).isInstanceOf(String.class);
                        assertThat((String) action).as(where).doesNotContain("*");
                    }
                    for (Object resource : asList(statement.get("Resource"))) {
                        assertThat(resource).as(where).isNotEqualTo("*");
                        if (resource instanceof Map) {
                            assertThat(String.valueOf(map(resource).get("Fn::Sub"))).as(where).isNotEqualTo("*");
                        }
                    }
                }
            }
        }
    }

    @Test
    void statefulResourcesAreRetained() {
        for (String id : List.of("Table", "DocumentBucket")) {
            assertThat(map(resources().get(id))).as(id).containsEntry("DeletionPolicy", "Retain")
                    .containsEntry("UpdateReplacePolicy", "Retain");
        }
        Map<String, Object> table = map(map(resources().get("Table")).get("Properties"));
        assertThat(table).containsEntry("BillingMode", "PAY_PER_REQUEST")
                .containsEntry("DeletionProtectionEnabled", true);
        assertThat(((List<?>) table.get("GlobalSecondaryIndexes")).stream().map(i -> map(i).get("IndexName")))
                .containsExactlyInAnyOrder("GSI1", "GSI2", "GSI3", "DueIndex");
        assertThat(map(table.get("StreamSpecification"))).containsEntry("StreamViewType", "NEW_AND_OLD_IMAGES");
        assertThat(map(table.get("TimeToLiveSpecification"))).containsEntry("AttributeName", "ttl");
    }

    // ------------------------------------------------------------------ helpers

    static void function(String logicalId, String module, String handlerClass) {
        MODULES.put(logicalId, module);
        HANDLERS.put(logicalId, handlerClass);
    }

    static void routes(String owner, String... routes) {
        for (String r : routes) {
            ROUTES.put(r, owner);
        }
    }

    /** The statements of a policy; one written as {@code !If [cond, statement, NoValue]} counts with both branches. */
    static List<Object> statements(Object raw) {
        List<Object> out = new ArrayList<>();
        for (Object s : asList(raw)) {
            Object branches = s instanceof Map<?, ?> m ? m.get("Fn::If") : null;
            if (branches != null) {
                ((List<?>) branches).subList(1, 3).stream()
                        .filter(b -> !Map.of("Ref", "AWS::NoValue").equals(b)).forEach(out::add);
            } else {
                out.add(s);
            }
        }
        return out;
    }

    static Map<String, Object> props(String logicalId) {
        return map(map(resources().get(logicalId)).get("Properties"));
    }

    static Path jarOf(String module) {
        return root.resolve("functions").resolve(module).resolve("target").resolve(module + ".jar");
    }

    static Map<String, Object> resources() {
        return map(template.get("Resources"));
    }

    static Map<String, Object> functions() {
        Map<String, Object> out = new TreeMap<>();
        resources().forEach((id, r) -> {
            if ("AWS::Serverless::Function".equals(map(r).get("Type"))) {
                out.put(id, r);
            }
        });
        return out;
    }

    static Map<String, Object> eventOfType(String function, String type) {
        Map<String, Object> events = map(map(map(functions().get(function)).get("Properties")).get("Events"));
        return events.values().stream().map(TemplateIT::map).filter(e -> type.equals(e.get("Type")))
                .map(e -> map(e.get("Properties"))).findFirst()
                .orElseGet(() -> fail(function + " has no " + type + " event"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    static List<?> asList(Object o) {
        return o instanceof List ? (List<?>) o : List.of(o);
    }

    record Result(int exitCode, String output) {
    }

    static Result run(List<String> command, Map<String, String> extraEnv, Duration timeout) throws Exception {
        Path log = Files.createTempFile("sam-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("SAM_CLI_TELEMETRY", "0");
            pb.environment().putAll(extraEnv);
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail(String.join(" ", command) + " timed out:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
