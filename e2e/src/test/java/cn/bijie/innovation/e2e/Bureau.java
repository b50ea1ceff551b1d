package cn.bijie.innovation.e2e;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Records made the way the bureau makes them — through the API, with the runner's tokens — for tests that need
 * organisations, applications in a given state, uploaded documents, certifications and their subsidies.
 */
final class Bureau {
    static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    static final byte[] PDF = "%PDF-1.4 毕节 e2e\n".getBytes(StandardCharsets.UTF_8);

    private final ContractedApi api;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    Bureau(ContractedApi api) {
        this.api = api;
    }

    ContractedApi api() {
        return api;
    }

    // ------------------------------------------------------------------ callers

    String staff() {
        return tokens.computeIfAbsent("staff", r -> api.api().roleToken(r));
    }

    String finance() {
        return tokens.computeIfAbsent("finance", r -> api.api().roleToken(r));
    }

    String supervisor() {
        return tokens.computeIfAbsent("supervisor", r -> api.api().roleToken(r));
    }

    String applicant(String uscc) {
        return tokens.computeIfAbsent("applicant " + uscc, r -> api.api().applicantToken(uscc));
    }

    // ------------------------------------------------------------------ records

    /** A valid USCC (right check character) that nobody used yet. */
    static String newUscc() {
        StringBuilder code = new StringBuilder("915205");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (code.length() < 17) {
            code.append(USCC_ALPHABET.charAt(random.nextInt(USCC_ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(code.charAt(i)) * USCC_WEIGHTS[i];
        }
        return code.append(USCC_ALPHABET.charAt((31 - sum % 31) % 31)).toString();
    }

    static String profileBody() {
        return """
                {"name":"毕节黔丰新材料科技有限公司","county":"520502","industry":"NEW_MATERIALS","contactEmail":"kj@example.com"}""";
    }

    /** A new organisation with its profile. */
    String organization() {
        String uscc = newUscc();
        expect(api.call("PUT", "/organizations/" + uscc, staff(), profileBody()), 200);
        return uscc;
    }

    static String applicationBody(String uscc) {
        return """
                {"uscc":"%s","kind":"HIGH_TECH_ENTERPRISE","level":"NATIONAL","renewal":false,
                 "platformName":"毕节黔丰新材料科技有限公司","certificateNo":"GR%s","issuedOn":"%s","notes":"申请一次性补助"}"""
                .formatted(uscc, random(), today().minusDays(40));
    }

    String submittedApplication(String uscc) {
        return expect(api.call("POST", "/applications", applicant(uscc), applicationBody(uscc)), 201)
                .json().path("applicationId").asText();
    }

    String returnedApplication(String uscc) {
        String id = submittedApplication(uscc);
        expect(api.call("POST", "/applications/" + id + "/decision", staff(),
                "{\"outcome\":\"RETURNED\",\"reason\":\"请补充高新技术企业证书扫描件\"}"), 200);
        return id;
    }

    static String documentBody() {
        return """
                {"fileName":"高新技术企业证书.pdf","contentType":"application/pdf","sizeBytes":%d,"sha256":"%s",
                 "category":"CERTIFICATE"}""".formatted(PDF.length, sha256(PDF));
    }

    /** A document of {@code applicationId} whose bytes were put to the presigned URL. */
    String uploadedDocument(String uscc, String applicationId) {
        Reply ticket = expect(api.call("POST", "/applications/" + applicationId + "/documents", applicant(uscc),
                documentBody()), 201);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(ticket.json().path("uploadUrl").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PDF));
        ticket.json().path("uploadHeaders").fields().forEachRemaining(h -> {
            if (!List.of("host", "content-length").contains(h.getKey().toLowerCase(Locale.ROOT))) {
                put.header(h.getKey(), h.getValue().asText());
            }
        });
        try {
            HttpResponse<String> uploaded = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
            if (uploaded.statusCode() != 200) {
                throw new IllegalStateException("upload: " + uploaded.statusCode() + " " + uploaded.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return ticket.json().path("documentId").asText();
    }

    /**
     * A provincial key laboratory of {@code uscc} recognised new: a platform of its own each time (a high-tech
     * enterprise recognised again would be a renewal), so each earns the provincial 500,000.
     */
    static String certificationBody(String uscc) {
        String number = random();
        return """
                {"uscc":"%s","kind":"KEY_LABORATORY","level":"PROVINCIAL","renewal":false,
                 "platformName":"毕节黔丰新材料重点实验室 %s","certificateNo":"黔科合平台〔2026〕%s","issuedOn":"%s",
                 "authority":"贵州省科学技术厅"}"""
                .formatted(uscc, number, number, today().minusDays(30));
    }

    /** A new recognition of {@code uscc}: its subsidy of the policy (500,000) follows on the stream. */
    String certification(String uscc) {
        openSubsidyWindow();
        return expect(api.call("POST", "/certifications", staff(), certificationBody(uscc)), 201)
                .json().path("certificationId").asText();
    }

    /** A new high-tech enterprise recognition of {@code uscc} (100,000 when it is the enterprise's first). */
    String highTechCertification(String uscc) {
        openSubsidyWindow();
        String body = """
                {"uscc":"%s","kind":"HIGH_TECH_ENTERPRISE","level":"NATIONAL",
                 "platformName":"毕节黔丰新材料科技有限公司","certificateNo":"GR2026%s","issuedOn":"%s",
                 "authority":"贵州省科学技术厅、贵州省财政厅、国家税务总局贵州省税务局"}"""
                .formatted(uscc, random(), today().minusDays(30));
        return expect(api.call("POST", "/certifications", staff(), body), 201).json().path("certificationId").asText();
    }

    private volatile boolean windowOpen;

    /** Staff set the subsidy window the money needs, once per runner this bureau works with. */
    void openSubsidyWindow() {
        if (!windowOpen) {
            Reply set = api.api().openSubsidyWindow();
            if (set.status() != 200) {
                throw new IllegalStateException("the subsidy window was not set: " + set.body());
            }
            windowOpen = true;
        }
    }

    /** The subsidy the calculation made for {@code certificationId}, once the stream was delivered. */
    String subsidyOf(String uscc, String certificationId) {
        api.api().drainStreams();
        Reply list = expect(api.call("GET", "/subsidies?uscc=" + uscc + "&limit=100", staff(), null), 200);
        for (var item : list.json().path("items")) {
            if (item.path("certificationId").asText().equals(certificationId)) {
                return item.path("subsidyId").asText();
            }
        }
        throw new IllegalStateException("no subsidy for " + certificationId + " in " + list.body());
    }

    String subsidy(String uscc) {
        return subsidyOf(uscc, certification(uscc));
    }

    /** A new subsidy of {@code uscc} that finance may pay: its public notice passed. */
    String payableSubsidy(String uscc) {
        String subsidyId = subsidy(uscc);
        api.api().passNotice(subsidyId);
        return subsidyId;
    }

    /** A notice staff opened of a new subsidy of {@code uscc}: the notice as answered. */
    com.fasterxml.jackson.databind.JsonNode openNotice(String uscc) {
        String subsidyId = subsidy(uscc);
        return expect(api.call("POST", "/notices", staff(), LocalApi.write(Map.of("title", "补助拨付前公示",
                "subsidyIds", List.of(subsidyId)))), 201).json();
    }

    /** An objection lodged (anonymously) to the first subsidy of {@code notice}: its id. */
    String objection(com.fasterxml.jackson.databind.JsonNode notice) {
        String subsidyId = notice.path("entries").path(0).path("subsidyId").asText();
        return expect(api.call("POST", "/public/notices/" + notice.path("noticeId").asText() + "/objections", null,
                LocalApi.write(Map.of("subsidyId", subsidyId, "text", "该企业研发投入不实"))), 201)
                .json().path("objectionId").asText();
    }

    // ------------------------------------------------------------------ helpers

    /** An id of the same shape as {@code id} that names nothing: its last hex digit changed. */
    static String missing(String id) {
        char last = id.charAt(id.length() - 1);
        return id.substring(0, id.length() - 1) + (last == '0' ? '1' : '0');
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static String random() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase(Locale.ROOT);
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
