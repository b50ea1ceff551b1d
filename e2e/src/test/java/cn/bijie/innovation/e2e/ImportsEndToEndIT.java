package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import cn.bijie.innovation.shared.testing.ProjectRoot;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import cn.bijie.innovation.local.support.Await;
import cn.bijie.innovation.shared.testing.MiniStack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import org.junit.jupiter.api.Test;

/**
 * 免申即享 through the local runner: staff declare an import, upload the list to the presigned URL, the runner
 * delivers the bucket's S3 event to ImportRecognitionsFunction (as it delivers stream records), and organisations,
 * recognitions and subsidies appear; the same list again changes nothing; bad rows are reported, the rest recorded.
 */
class ImportsEndToEndIT {
    static LocalApi api;
    static String staff;
    static String supervisor;
    static String finance;

    @BeforeAll
    static void start() {
        api = LocalApi.shared();
        staff = api.token("import-staff", List.of("staff"), null); // import-staff@example.com
        supervisor = api.roleToken("supervisor");
        finance = api.roleToken("finance");
        staffSetTheParametersTheMoneyNeeds();
    }

    /** The one place where staff set the policy parameters a subsidy's amount waits for: the subsidy window. */
    static void staffSetTheParametersTheMoneyNeeds() {
        Reply set = api.openSubsidyWindow();
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** Declares the import, uploads {@code file} with the presigned URL, and waits until its S3 event is delivered. */
    static JsonNode imported(String fileName, byte[] file, String body) throws Exception {
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(file));
        Reply declared = api.call("POST", "/imports", staff, body.formatted(fileName, file.length, sha256));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        var put = HttpRequest.newBuilder(URI.create(declared.json().path("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file));
        declared.json().path("uploadHeaders").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("content-length") && !h.getKey().equalsIgnoreCase("host")) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        var uploaded = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        Reply drained = api.call("POST", "/local/notifications/drain", null, null);
        assertThat(drained.status()).as(drained.body()).isEqualTo(200);
        Reply got = api.call("GET", "/imports/" + declared.json().path("importId").asText(), supervisor, null);
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        return got.json();
    }

    static final String HTE = """
            {"kind":"HIGH_TECH_ENTERPRISE","level":"NATIONAL","batchName":"毕节市2026年高新技术企业",
             "issuedOn":"2026-11-20","documentNo":"黔高企认〔2026〕1号","fileName":"%s","sizeBytes":%d,"sha256":"%s"}""";

    static int certifications(String uscc) {
        Reply list = api.call("GET", "/certifications?uscc=" + uscc, staff, null);
        assertThat(list.status()).isEqualTo(200);
        return list.json().path("items").size();
    }

    @Test
    void theCityList_givesOrganisationsRecognitionsAndSubsidies_andAgainNothingNew() throws Exception {
        byte[] list = Files.readAllBytes(ProjectRoot.path().resolve("events/lists/bijie-hte-2026-uscc.gb18030.csv"));

        JsonNode first = imported("毕节2026高企.csv", list, HTE);

        assertThat(first.path("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(first.path("counts").path("recorded").asInt()).isEqualTo(19);
        assertThat(first.path("counts").path("rejected").asInt()).isEqualTo(2);
        assertThat(first.path("counts").path("organizationsCreated").asInt()).isEqualTo(19);
        Reply profile = api.call("GET", "/organizations/91520527FEAYLUYL1X", staff, null);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().path("name").asText()).isEqualTo("毕节云岭环保科技股份有限公司");
        // an organisation the list created is in the directory like one staff entered
        Reply found = api.call("GET", "/organizations?q=" + java.net.URLEncoder.encode("毕节云岭环保",
                StandardCharsets.UTF_8), staff, null);
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().path("items").findValuesAsText("uscc")).contains("91520527FEAYLUYL1X");
        api.drainStreams();
        Reply subsidies = api.call("GET", "/subsidies?uscc=91520527FEAYLUYL1X", finance, null);
        assertThat(subsidies.json().path("items")).hasSize(1);
        assertThat(subsidies.json().path("items").get(0).path("kind").asText()).isEqualTo("HIGH_TECH_ENTERPRISE");

        JsonNode again = imported("毕节2026高企.csv", list, HTE);

        assertThat(again.path("counts").path("recorded").asInt()).isZero();
        assertThat(again.path("counts").path("skipped").asInt()).isEqualTo(19);
        assertThat(again.path("counts").path("organizationsCreated").asInt()).isZero();
        assertThat(certifications("91520527FEAYLUYL1X")).isEqualTo(1);
        api.drainStreams();
        assertThat(api.call("GET", "/subsidies?uscc=91520527FEAYLUYL1X", finance, null).json().path("items"))
                .hasSize(1);
    }

    @Test
    void aListWithThreeBadRows_recordsTheRest_andTheReportNamesTheThree() throws Exception {
        List<String> lines = new ArrayList<>(List.of("序号,企业名称,统一社会信用代码,证书编号,发证日期,级别"));
        int base = ThreadLocalRandom.current().nextInt(1_000_000, 9_000_000);
        for (int i = 1; i <= 10; i++) {
            String uscc = Bureau.newUscc();
            String date = "2026/11/20";
            String level = "国家级";
            if (i == 3) {
                uscc = uscc.substring(0, 17) + (uscc.charAt(17) == 'Y' ? 'X' : 'Y');
            } else if (i == 5) {
                date = "2026年13月1日";
            } else if (i == 8) {
                level = "部级";
            }
            lines.add(i + ",毕节导入测试" + i + "科技有限公司," + uscc + ",GR2026E2E" + base + i + "," + date + "," + level);
        }
        byte[] file = ("\uFEFF" + String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);

        JsonNode done = imported("三行有误.csv", file, HTE);

        assertThat(done.path("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(done.path("counts").path("read").asInt()).isEqualTo(10);
        assertThat(done.path("counts").path("recorded").asInt()).isEqualTo(7);
        assertThat(done.path("counts").path("rejected").asInt()).isEqualTo(3);
        Reply report = api.call("GET", "/imports/" + done.path("importId").asText() + "/report", supervisor, null);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.headers().get("content-type").get(0)).startsWith("text/csv");
        List<String> rejected = report.body().lines().filter(l -> l.contains(",未通过校验,")).toList();
        assertThat(rejected).hasSize(3);
        assertThat(rejected.get(0)).startsWith("4,").contains("统一社会信用代码");
        assertThat(rejected.get(1)).startsWith("6,").contains("发证日期");
        assertThat(rejected.get(2)).startsWith("9,").contains("级别");
    }

    @Test
    void aFileThatIsNoList_endsRejected_andOthersCannotSeeImports() throws Exception {
        JsonNode done = imported("名单.xlsx", "PK\u0003\u0004 not a zip".getBytes(StandardCharsets.ISO_8859_1), HTE);

        assertThat(done.path("status").asText()).isEqualTo("REJECTED");
        assertThat(done.path("problem").asText()).contains("XLSX");
        assertThat(api.call("GET", "/imports/" + done.path("importId").asText(), api.applicantToken(
                "91520527FEAYLUYL1X"), null).status()).isEqualTo(403);
        assertThat(api.call("GET", "/imports", null, null).status()).isEqualTo(401);
    }

    @Test
    void aNameOnlyList_recordsTheProfilesItNames_mailsEachEntitlementOnce_andTheSummaryToTheUploader()
            throws Exception {
        int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        List<String> lines = new ArrayList<>(List.of("序号,企业名称,所属地区"));
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            String name = "毕节免申即享" + n + "号" + i + "科技有限公司";
            String address = "hte" + n + "-" + i + "@example.com";
            addresses.add(address);
            Reply put = api.call("PUT", "/organizations/" + Bureau.newUscc(), staff, """
                    {"name":"%s","county":"520502","industry":"OTHER","contactEmail":"%s"}""".formatted(name, address));
            assertThat(put.status()).as(put.body()).isEqualTo(200);
            lines.add(i + "," + name.replace("有限公司", " 有限公司") + ",七星关区");
        }
        lines.add("3,遵义某某科技有限公司,遵义市");
        lines.add("4,毕节无此组织" + n + "有限公司,毕节市");
        byte[] file = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);

        JsonNode done = imported("名称名单.csv", file, HTE);

        assertThat(done.path("counts").path("recorded").asInt()).isEqualTo(2);
        assertThat(done.path("counts").path("outside").asInt()).isEqualTo(1);
        assertThat(done.path("counts").path("unmatched").asInt()).isEqualTo(1);
        for (int pass = 0; pass < 3; pass++) {
            api.drainStreams(); // the subsidies, then the notices the stream delivers again once they exist
        }
        for (String address : addresses) {
            // the entitlement notice once; the applicant notifications (认定已登记, 补助金额已核定) go as for any recognition
            List<JsonNode> mails = mailsTo(address).stream()
                    .filter(mail -> mail.path("Subject").asText().contains("免申即享")).toList();
            assertThat(mails).as(address).hasSize(1);
            assertThat(mails.get(0).path("BodyText").asText()).contains("100,000 元", "确认收款银行账户");
        }
        assertThat(mailsTo("import-staff@example.com")).anySatisfy(mail ->
                assertThat(mail.path("BodyText").asText()).contains("名称名单.csv", "待人工核对 1 行"));
    }

    /** What MiniStack's SES accepted for {@code address} ({@code GET /_ministack/ses/messages}). */
    static List<JsonNode> mailsTo(String address) throws java.io.IOException {
        List<JsonNode> mails = new ArrayList<>();
        LocalApi.JSON.readTree(api.miniStack().sentMail()).path("messages").forEach(account -> account.forEach(mail -> {
            if (mail.path("To").toString().contains("\"" + address + "\"")) {
                mails.add(mail);
            }
        }));
        return mails;
    }

    /**
     * The import function killed midway (its runner stopped while it runs, after its first checkpoints), and the
     * event delivered again (the same file uploaded again, as S3's at-least-once delivery would): the next delivery
     * resumes after the checkpoint and finishes, and no row is recorded twice.
     */
    @Test
    void anImportKilledMidway_isFinishedByTheNextDelivery_recordingNoRowTwice() throws Exception {
        MiniStack miniStack = MiniStack.start();
        LocalApi first = LocalApi.start(miniStack);
        LocalApi second = null;
        int killedAt;
        try {
            int rows = 800;
            StringBuilder csv = new StringBuilder("\uFEFF序号,企业名称,统一社会信用代码,证书编号,发证日期\r\n");
            for (int i = 1; i <= rows; i++) {
                csv.append(i).append(",毕节断点续传").append(i).append("科技有限公司,").append(Bureau.newUscc())
                        .append(",GR2026KILL").append(i).append(",2026-11-20\r\n");
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(file));
            String firstStaff = first.token("import-staff", List.of("staff"), null);
            Reply declared = first.call("POST", "/imports", firstStaff, HTE.formatted("断点.csv", file.length, sha256));
            assertThat(declared.status()).as(declared.body()).isEqualTo(201);
            String importId = declared.json().path("importId").asText();
            String bucket = "e2e-documentbucket";
            try (S3Client s3 = S3Client.builder().endpointOverride(miniStack.endpoint()).region(Region.US_EAST_1)
                    .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("test", "test"))).build()) {
                s3.putObject(p -> p.bucket(bucket).key("imports/" + importId), RequestBody.fromBytes(file));
                boolean midway = Await.until(Duration.ofSeconds(120), Duration.ofMillis(100), () -> first.call("GET",
                        "/imports/" + importId, firstStaff, null).json().path("checkpoint").asInt() > 100);
                assertThat(midway).as("the import reached its first checkpoint").isTrue();
                first.stop();
                JsonNode killed = importOf(miniStack, importId);
                assertThat(killed.path("status").asText()).isEqualTo("PROCESSING");
                killedAt = killed.path("checkpoint").asInt();
                assertThat(killedAt).isBetween(101, rows);

                second = LocalApi.start(miniStack);
                s3.putObject(p -> p.bucket(bucket).key("imports/" + importId), RequestBody.fromBytes(file));
            }
            LocalApi again = second;
            String secondStaff = second.token("import-staff", List.of("staff"), null);
            // the rest of the list takes a while on a busy machine: wait for the import, not for one drain request
            boolean finished = Await.until(Duration.ofSeconds(300), Duration.ofMillis(500), () -> again.call("GET",
                    "/imports/" + importId, secondStaff, null).json().path("status").asText().startsWith("COMPLETED"));
            assertThat(finished).as("the next delivery finished the import").isTrue();
            JsonNode done = second.call("GET", "/imports/" + importId, secondStaff, null).json();
            assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(done.path("counts").path("read").asInt()).isEqualTo(rows);
            assertThat(done.path("counts").path("recorded").asInt()).isEqualTo(rows);
            assertThat(done.path("counts").path("skipped").asInt()).isZero();
            TableItems table = TableItems.read(miniStack);
            assertThat(table.ofType("CERTIFICATION")).hasSize(rows);
            assertThat(table.ofType("IMPORT_ROW")).hasSize(rows)
                    .allSatisfy(r -> assertThat(TableItems.s(r, "outcome")).isEqualTo("RECORDED"));
            System.out.println("import killed at checkpoint row " + killedAt + " of " + (rows + 1)
                    + "; finished by the next delivery");
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
            miniStack.stop();
        }
    }

    /** The import as the table holds it (no runner needed). */
    static JsonNode importOf(MiniStack miniStack, String importId) {
        var item = TableItems.read(miniStack).where(i -> ("IMPORT#" + importId).equals(TableItems.s(i, "PK"))
                && "IMPORT".equals(TableItems.s(i, "SK"))).get(0);
        return LocalApi.JSON.valueToTree(Map.of("status", TableItems.s(item, "status"),
                "checkpoint", Integer.parseInt(item.get("checkpoint").n())));
    }
}
