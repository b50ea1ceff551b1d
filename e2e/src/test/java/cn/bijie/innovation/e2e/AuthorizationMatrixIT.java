package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Who may do what, as a table: every route × every caller × {the organisation's record, another organisation's
 * record, a record that does not exist}, driven through the local runner with its real tokens. The caller "owner" is
 * the applicant of organisation A, "stranger" the applicant of organisation B; "own" is A's record, "other's" B's.
 * Every answer is also held against openapi.yaml.
 */
class AuthorizationMatrixIT {
    enum Caller { ANONYMOUS, OWNER, STRANGER, STAFF, FINANCE, SUPERVISOR }

    enum Target { OWN, OTHERS, MISSING }

    /** One request of a cell: method, path, body. */
    record Call(String method, String path, String body) {}

    /** A route's row: how to make the request for a caller and target, and the status each cell expects. */
    record Row(String route, BiFunction<Caller, Target, Call> request, Map<Caller, int[]> expected) {}

    static ContractedApi api;
    static Bureau bureau;
    static String orgA;
    static String orgB;
    /** Records that a read may look at without changing them: A's and B's. */
    static Map<Target, String> application = new LinkedHashMap<>();
    static Map<Target, String> document = new LinkedHashMap<>();
    static Map<Target, String> certification = new LinkedHashMap<>();
    static Map<Target, String> subsidy = new LinkedHashMap<>();
    /** A's and B's open notice, each with an objection lodged. */
    static Map<Target, JsonNode> notice = new LinkedHashMap<>();
    static Map<Target, String> objection = new LinkedHashMap<>();

    @BeforeAll
    static void records() {
        api = new ContractedApi(HardeningStack.api());
        bureau = new Bureau(api);
        staff = api.api().token("matrix-staff", List.of("staff"), null);
        orgA = bureau.organization();
        orgB = bureau.organization();
        for (Target t : List.of(Target.OWN, Target.OTHERS)) {
            String uscc = org(t);
            String app = bureau.submittedApplication(uscc);
            application.put(t, app);
            document.put(t, bureau.uploadedDocument(uscc, app));
            String cert = bureau.certification(uscc);
            certification.put(t, cert);
            subsidy.put(t, bureau.subsidyOf(uscc, cert));
        }
        application.put(Target.MISSING, Bureau.missing(application.get(Target.OWN)));
        document.put(Target.MISSING, Bureau.missing(document.get(Target.OWN)));
        certification.put(Target.MISSING, Bureau.missing(certification.get(Target.OWN)));
        subsidy.put(Target.MISSING, Bureau.missing(subsidy.get(Target.OWN)));
        for (Target t : List.of(Target.OWN, Target.OTHERS)) {
            notice.put(t, bureau.openNotice(org(t)));
            objection.put(t, bureau.objection(notice.get(t)));
        }
        objection.put(Target.MISSING, Bureau.missing(objection.get(Target.OWN)));
    }

    static String org(Target t) {
        return switch (t) {
            case OWN -> orgA;
            case OTHERS -> orgB;
            case MISSING -> Bureau.newUscc();
        };
    }

    /**
     * The table. Each caller's cell lists the status for own, other's, missing. Write routes get a fresh record per
     * cell (a withdrawal that succeeded would make the next cell a 409, and that is not what the cell asks).
     */
    static List<Row> rows() {
        return List.of(
                row("PUT /organizations/{uscc}", (c, t) -> new Call("PUT", "/organizations/" + org(t),
                        Bureau.profileBody()),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 200", "403 403 403", "403 403 403"),
                row("GET /organizations/{uscc}", (c, t) -> new Call("GET", "/organizations/" + org(t), null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 404", "200 200 404", "200 200 404"),
                row("POST /applications", (c, t) -> new Call("POST", "/applications",
                        Bureau.applicationBody(org(t))),
                        "401 401 401", "201 403 403", "403 201 403", "403 403 403", "403 403 403", "403 403 403"),
                row("GET /applications", (c, t) -> new Call("GET", "/applications?limit=100", null),
                        "401 401 401", "200 200 200", "200 200 200", "200 200 200", "200 200 200", "200 200 200"),
                row("GET /applications/{applicationId}", (c, t) -> new Call("GET",
                        "/applications/" + application.get(t), null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 404", "200 200 404", "200 200 404"),
                row("PUT /applications/{applicationId}", (c, t) -> {
                    String id = fresh(t, bureau::returnedApplication);
                    return new Call("PUT", "/applications/" + id, Bureau.applicationBody(t == Target.MISSING
                            ? orgA : org(t)));
                }, "401 401 401", "200 404 404", "404 200 404", "403 403 404", "403 403 404", "403 403 404"),
                row("POST /applications/{applicationId}/withdrawal", (c, t) -> new Call("POST",
                        "/applications/" + freshApplication(t) + "/withdrawal", null),
                        "401 401 401", "200 404 404", "404 200 404", "403 403 404", "403 403 404", "403 403 404"),
                row("POST /applications/{applicationId}/decision", (c, t) -> new Call("POST",
                        "/applications/" + freshApplication(t) + "/decision",
                        "{\"outcome\":\"REJECTED\",\"reason\":\"不符合申报条件\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "403 403 403"),
                row("POST /applications/{applicationId}/documents", (c, t) -> new Call("POST",
                        "/applications/" + application.get(t) + "/documents", Bureau.documentBody()),
                        "401 401 401", "201 404 404", "404 201 404", "403 403 404", "403 403 404", "403 403 404"),
                row("GET /applications/{applicationId}/documents", (c, t) -> new Call("GET",
                        "/applications/" + application.get(t) + "/documents", null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 404", "403 403 403", "200 200 404"),
                row("GET /applications/{applicationId}/documents/{documentId}", (c, t) -> new Call("GET",
                        "/applications/" + application.get(t) + "/documents/" + document.get(t), null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 404", "403 403 403", "200 200 404"),
                row("POST /certifications", (c, t) -> new Call("POST", "/certifications",
                        Bureau.certificationBody(org(t))),
                        "401 401 401", "403 403 403", "403 403 403", "201 201 400", "403 403 403", "403 403 403"),
                row("GET /certifications", (c, t) -> new Call("GET", "/certifications?uscc=" + org(t), null),
                        "401 401 401", "200 200 200", "200 200 200", "200 200 200", "200 200 200", "200 200 200"),
                row("GET /certifications/{certificationId}", (c, t) -> new Call("GET",
                        "/certifications/" + certification.get(t), null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 404", "200 200 404", "200 200 404"),
                row("POST /certifications/{certificationId}/revocation", (c, t) -> new Call("POST",
                        "/certifications/" + (t == Target.MISSING ? certification.get(t)
                                : bureau.certification(org(t))) + "/revocation", "{\"reason\":\"经核查，存在弄虚作假行为\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "403 403 403"),
                // issue 12: staff override the derived classification with a reason
                row("POST /certifications/{certificationId}/classification", (c, t) -> new Call("POST",
                        "/certifications/" + (t == Target.MISSING ? certification.get(t)
                                : bureau.certification(org(t))) + "/classification",
                        "{\"classification\":\"NONE\",\"reason\":\"经核查不予补助\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "403 403 403"),
                // issue 12: an organisation's platforms, read like its certifications
                row("GET /organizations/{uscc}/platforms", (c, t) -> new Call("GET",
                        "/organizations/" + org(t) + "/platforms", null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 200", "200 200 200", "200 200 200"),
                // issue 12: staff merge two records of one platform (a fresh pair for each cell that may merge)
                row("POST /organizations/{uscc}/platforms/{platformId}/merge", (c, t) -> {
                    boolean merges = c == Caller.STAFF && t != Target.MISSING;
                    String merged = merges ? newPlatform(org(t)) : Bureau.missing("plat-" + "0".repeat(32));
                    String into = merges ? newPlatform(org(t)) : "plat-" + "1".repeat(32);
                    return new Call("POST", "/organizations/" + org(t) + "/platforms/" + merged + "/merge",
                            "{\"into\":\"" + into + "\",\"reason\":\"经核实为同一平台\"}");
                },
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "403 403 403"),
                row("GET /subsidies", (c, t) -> new Call("GET", "/subsidies?uscc=" + org(t), null),
                        "401 401 401", "200 200 200", "200 200 200", "200 200 200", "200 200 200", "200 200 200"),
                row("GET /subsidies/{subsidyId}", (c, t) -> new Call("GET", "/subsidies/" + subsidy.get(t), null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 404", "200 200 404", "200 200 404"),
                row("POST /subsidies/{subsidyId}/disbursement", (c, t) -> new Call("POST",
                        "/subsidies/" + (t == Target.MISSING || c != Caller.FINANCE ? subsidy.get(t)
                                : bureau.payableSubsidy(org(t))) + "/disbursement",
                        "{\"paidOn\":\"" + Bureau.today() + "\",\"voucherNo\":\"毕财拨〔2026〕" + Bureau.random() + "号\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "403 403 403", "200 200 404", "403 403 403"),
                // issue 12: only a RECOVERY_DUE subsidy is recovered, these are not: finance gets 409
                row("POST /subsidies/{subsidyId}/recovery", (c, t) -> new Call("POST",
                        "/subsidies/" + subsidy.get(t) + "/recovery", "{\"amountYuan\":1,\"recoveredOn\":\""
                                + Bureau.today() + "\",\"voucherNo\":\"毕财缴〔2026〕" + Bureau.random() + "号\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "403 403 403", "409 409 404", "403 403 403"),
                row("GET /policy", (c, t) -> new Call("GET", "/policy", null),
                        "200 200 200", "200 200 200", "200 200 200", "200 200 200", "200 200 200", "200 200 200"),
                row("PUT /policy/parameters/{name}", (c, t) -> new Call("PUT", "/policy/parameters/"
                        + (t == Target.MISSING ? "NO_SUCH_PARAMETER" : "PLATFORM_UPGRADE_MODE"), "{\"value\":\"FULL\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "403 403 403"),
                // nothing waits for approval (the PUT above proposes the value in force): staff get 409, not 200
                row("POST /policy/parameters/{name}/approval", (c, t) -> new Call("POST", "/policy/parameters/"
                        + (t == Target.MISSING ? "NO_SUCH_PARAMETER" : "PLATFORM_UPGRADE_MODE") + "/approval",
                        "{\"value\":\"FULL\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "409 409 404", "403 403 403", "403 403 403"),
                row("GET /indicators", (c, t) -> new Call("GET", "/indicators", null),
                        "200 200 200", "200 200 200", "200 200 200", "200 200 200", "200 200 200", "200 200 200"),
                // issue 17: the growth tier, the directory, the cultivation
                row("PUT /organizations/{uscc}/tier", (c, t) -> new Call("PUT", "/organizations/" + org(t) + "/tier",
                        "{\"tier\":\"SEED\",\"effectiveOn\":\"" + Bureau.today() + "\",\"reason\":\"入选种子企业名单\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "403 403 403"),
                row("GET /organizations/{uscc}/tiers", (c, t) -> new Call("GET", "/organizations/" + org(t) + "/tiers",
                        null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 404", "200 200 404", "200 200 404"),
                row("GET /organizations", (c, t) -> new Call("GET", "/organizations?limit=5&q=%E9%BB%94%E4%B8%B0", null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 200", "403 403 403", "200 200 200"),
                row("POST /cultivation/pool", (c, t) -> new Call("POST", "/cultivation/pool", "{\"uscc\":\""
                        + (t == Target.MISSING || c != Caller.STAFF ? org(t) : bureau.organization())
                        + "\",\"intake\":" + Bureau.today().getYear() + ",\"criteria\":{\"IP_COUNT\":\"2\"}}"),
                        "401 401 401", "403 403 403", "403 403 403", "201 201 404", "403 403 403", "403 403 403"),
                row("GET /cultivation/pool", (c, t) -> new Call("GET", "/cultivation/pool?intake="
                        + Bureau.today().getYear(), null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 200", "403 403 403", "200 200 200"),
                row("POST /organizations/{uscc}/coaching", (c, t) -> new Call("POST", "/organizations/" + org(t)
                        + "/coaching", "{\"date\":\"" + Bureau.today() + "\",\"kind\":\"TRAINING\",\"notes\":\"高企申报政策培训\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "201 201 404", "403 403 403", "403 403 403"),
                row("PUT /organizations/{uscc}/readiness", (c, t) -> new Call("PUT", "/organizations/" + org(t)
                        + "/readiness", "{\"met\":[\"CORE_IP\"]}"),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "403 403 403"),
                row("GET /organizations/{uscc}/cultivation", (c, t) -> new Call("GET", "/organizations/" + org(t)
                        + "/cultivation", null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 404", "200 200 404", "200 200 404"),
                row("GET /cultivation/statistics", (c, t) -> new Call("GET", "/cultivation/statistics", null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 200", "200 200 200", "200 200 200"),
                row("POST /cultivation/windows", (c, t) -> new Call("POST", "/cultivation/windows",
                        "{\"title\":\"高企认定窗口" + Bureau.random() + "\",\"opensOn\":\"" + Bureau.today()
                                + "\",\"closesOn\":\"" + Bureau.today().plusDays(30) + "\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "201 201 201", "403 403 403", "403 403 403"),
                row("GET /cultivation/forecast", (c, t) -> new Call("GET", "/cultivation/forecast", null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 200", "403 403 403", "200 200 200"),
                // 公示, ledger and report (issue 14 A): a new subsidy per cell that may open a notice, a new notice per
                // cell that may object (the objection limit is per notice and address, and every cell is 127.0.0.1)
                row("POST /notices", (c, t) -> new Call("POST", "/notices", LocalApi.write(Map.of("title", "补助拨付前公示",
                        "subsidyIds", List.of(c == Caller.STAFF && t != Target.MISSING ? bureau.subsidy(org(t))
                                : subsidy.get(t))))),
                        "401 401 401", "403 403 403", "403 403 403", "201 201 409", "403 403 403", "403 403 403"),
                row("GET /notices", (c, t) -> new Call("GET", "/notices", null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 200", "200 200 200", "200 200 200"),
                row("GET /notices/{noticeId}", (c, t) -> new Call("GET", "/notices/" + noticeId(t), null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "200 200 404", "200 200 404"),
                row("POST /notices/{noticeId}/objections/{objectionId}/decision", (c, t) -> {
                    String body = "{\"outcome\":\"DISMISSED\",\"reason\":\"经核查，异议不成立\"}";
                    if (c == Caller.STAFF && t != Target.MISSING) {
                        JsonNode fresh = bureau.openNotice(org(t));
                        return new Call("POST", "/notices/" + fresh.path("noticeId").asText() + "/objections/"
                                + bureau.objection(fresh) + "/decision", body);
                    }
                    return new Call("POST", "/notices/" + noticeId(t) + "/objections/" + objection.get(t)
                            + "/decision", body);
                }, "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "403 403 403"),
                row("GET /public/notices", (c, t) -> new Call("GET", "/public/notices", null),
                        "200 200 200", "200 200 200", "200 200 200", "200 200 200", "200 200 200", "200 200 200"),
                row("GET /public/notices/{noticeId}", (c, t) -> new Call("GET", "/public/notices/" + noticeId(t), null),
                        "200 200 404", "200 200 404", "200 200 404", "200 200 404", "200 200 404", "200 200 404"),
                row("POST /public/notices/{noticeId}/objections", (c, t) -> {
                    JsonNode on = t == Target.MISSING ? notice.get(Target.OWN) : bureau.openNotice(org(t));
                    String id = t == Target.MISSING ? noticeId(t) : on.path("noticeId").asText();
                    return new Call("POST", "/public/notices/" + id + "/objections", LocalApi.write(Map.of(
                            "subsidyId", on.path("entries").path(0).path("subsidyId").asText(), "text", "异议")));
                }, "201 201 404", "201 201 404", "201 201 404", "201 201 404", "201 201 404", "201 201 404"),
                row("GET /ledger", (c, t) -> new Call("GET", "/ledger", null),
                        "401 401 401", "403 403 403", "403 403 403", "403 403 403", "200 200 200", "200 200 200"),
                row("GET /ledger/forecast", (c, t) -> new Call("GET", "/ledger/forecast", null),
                        "401 401 401", "403 403 403", "403 403 403", "403 403 403", "200 200 200", "200 200 200"),
                row("GET /reports/progress", (c, t) -> new Call("GET", "/reports/progress?period=2020", null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 200", "200 200 200", "200 200 200"),
                // list imports (issue 13): staff import, supervisors read; an import belongs to no organisation, so
                // "own" and "other's" are the same existing import
                row("POST /imports", (c, t) -> new Call("POST", "/imports", importBody()),
                        "401 401 401", "403 403 403", "403 403 403", "201 201 201", "403 403 403", "403 403 403"),
                row("GET /imports", (c, t) -> new Call("GET", "/imports", null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 200", "403 403 403", "200 200 200"),
                row("GET /imports/{importId}", (c, t) -> new Call("GET", "/imports/" + anImport(t), null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "200 200 404"),
                row("GET /imports/{importId}/report", (c, t) -> new Call("GET", "/imports/" + anImport(t)
                        + "/report", null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "200 200 404"),
                row("GET /imports/{importId}/unmatched", (c, t) -> new Call("GET", "/imports/" + anImport(t)
                        + "/unmatched", null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 404", "403 403 403", "200 200 404"),
                // the import has no row 2 yet (its file is never uploaded): staff meet a 404 either way
                row("POST /imports/{importId}/unmatched/{row}", (c, t) -> new Call("POST", "/imports/"
                        + anImport(t) + "/unmatched/2", "{\"uscc\":\"" + orgA + "\"}"),
                        "401 401 401", "403 403 403", "403 403 403", "404 404 404", "403 403 403", "403 403 403"),
                // issue 14 (part B): notifications, the audit trail
                row("GET /organizations/{uscc}/notifications", (c, t) -> new Call("GET",
                        "/organizations/" + org(t) + "/notifications", null),
                        "401 401 401", "200 404 404", "404 200 404", "200 200 200", "403 403 403", "200 200 200"),
                row("GET /audit", (c, t) -> new Call("GET", "/audit?entity=SUB%23" + subsidy.get(t), null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 200", "403 403 403", "200 200 200"),
                row("GET /audit/verify", (c, t) -> new Call("GET", "/audit/verify?entity=SUB%23" + subsidy.get(t),
                        null),
                        "401 401 401", "403 403 403", "403 403 403", "200 200 200", "403 403 403", "200 200 200"));
    }

    /** A new platform of {@code uscc} (a key laboratory of its own name), by the recognition that creates it. */
    static String newPlatform(String uscc) {
        return Bureau.expect(api.call("POST", "/certifications", staff, Bureau.certificationBody(uscc)), 201).json()
                .path("platformId").asText();
    }

        static String noticeId(Target t) {
        String own = notice.get(Target.OWN).path("noticeId").asText();
        return t == Target.MISSING ? Bureau.missing(own) : notice.get(t).path("noticeId").asText();
    }

    static String anImport;

    /** An import declared by staff (its file never uploaded), or a missing one's id. */
    static synchronized String anImport(Target t) {
        if (anImport == null) {
            Reply created = api.call("POST", "/imports", staff, importBody());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            anImport = created.json().path("importId").asText();
        }
        return t == Target.MISSING ? Bureau.missing(anImport) : anImport;
    }

    static String importBody() {
        return """
                {"kind":"HIGH_TECH_ENTERPRISE","level":"NATIONAL","batchName":"2026年第一批","issuedOn":"2026-11-20",
                 "documentNo":"黔高企认〔2026〕1号","fileName":"名单.csv","sizeBytes":100,
                 "sha256":"qOEQgaPbqBXkP3GmdlAIFXqsioM6qyMjR0f+lMGzalQ="}""";
    }

    /** A SUBMITTED application of the target's organisation, made for this cell only; a missing one's id. */
    static String freshApplication(Target t) {
        return fresh(t, bureau::submittedApplication);
    }

    /** The last fresh application of each organisation, which the next cell's owner withdraws. */
    static final Map<Target, String> lastFresh = new LinkedHashMap<>();

    /**
     * An application {@code make} makes for this cell only, the previous cell's withdrawn first (a 409 if that cell
     * closed it already): an organisation may have 10 open at once (openApplicationsPerOrganization).
     */
    static String fresh(Target t, Function<String, String> make) {
        if (t == Target.MISSING) {
            return application.get(t);
        }
        String previous = lastFresh.get(t);
        if (previous != null) {
            api.call("POST", "/applications/" + previous + "/withdrawal", bureau.applicant(org(t)), null);
        }
        String id = make.apply(org(t));
        lastFresh.put(t, id);
        return id;
    }

    @TestFactory
    Stream<DynamicTest> everyRoute_answersEachCallerAsTheTableSays() {
        Stream<DynamicTest> cells = rows().stream().map(row -> DynamicTest.dynamicTest(row.route(), () -> {
            SoftAssertions soft = new SoftAssertions();
            for (Caller caller : Caller.values()) {
                int[] expected = row.expected().get(caller);
                for (Target target : Target.values()) {
                    Call call = row.request().apply(caller, target);
                    Reply reply = api.call(call.method(), call.path(), token(caller), call.body());
                    soft.assertThat(reply.status())
                            .as("%s as %s on %s: %s", row.route(), caller, target, reply.body())
                            .isEqualTo(expected[target.ordinal()]);
                    if (reply.status() == 200 && (caller == Caller.OWNER || caller == Caller.STRANGER)) {
                        onlyOwnItems(soft, reply, caller == Caller.OWNER ? orgA : orgB);
                    }
                }
            }
            soft.assertAll();
        }));
        return Stream.concat(cells, Stream.of(DynamicTest.dynamicTest("every answer is one openapi.yaml documents",
                () -> {
                    System.out.println("authorization matrix: " + api.calls() + " requests, statuses "
                            + api.statuses());
                    api.assertConforms();
                    assertThat(api.statuses()).doesNotContainKeys(500, 502, 503);
                })));
    }

    /** A list that an applicant reads holds its own organisation's items only. */
    static void onlyOwnItems(SoftAssertions cells, Reply reply, String uscc) {
        for (var item : reply.json().path("items")) {
            cells.assertThat(item.path("uscc").asText(uscc)).as("an item of another organisation in " + reply.body())
                    .isEqualTo(uscc);
        }
    }

    static String staff;

    static String token(Caller caller) {
        return switch (caller) {
            case ANONYMOUS -> null;
            case OWNER -> bureau.applicant(orgA);
            case STRANGER -> bureau.applicant(orgB);
            // a staff member of the matrix's own: FuzzIT, on the same stack, leaves proposals by the bureau's staff
            // member waiting, which that member may not approve (403) while any other staff member gets the 409
            case STAFF -> staff;
            case FINANCE -> bureau.finance();
            case SUPERVISOR -> bureau.supervisor();
        };
    }

    static Row row(String route, BiFunction<Caller, Target, Call> request, String... cells) {
        Map<Caller, int[]> expected = new LinkedHashMap<>();
        for (Caller caller : Caller.values()) {
            expected.put(caller, Stream.of(cells[caller.ordinal()].split(" ")).mapToInt(Integer::parseInt).toArray());
        }
        return new Row(route, request, expected);
    }
}
