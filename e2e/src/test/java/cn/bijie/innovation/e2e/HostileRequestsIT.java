package cn.bijie.innovation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.e2e.LocalApi.Reply;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an attacker tries with tokens and paths: a stale token, one signed by another key, {@code alg: none}, an HMAC
 * token keyed with the public key's bytes, a claim forged into the body, path traversal and oversized path values.
 * None gets past the runner's JWT check or into another organisation's records, and none yields a 5xx.
 */
class HostileRequestsIT {
    static ContractedApi api;
    static Bureau bureau;
    static String orgA;
    static String orgB;
    static String applicationOfB;

    @BeforeAll
    static void records() {
        api = new ContractedApi(HardeningStack.api());
        bureau = new Bureau(api);
        orgA = bureau.organization();
        orgB = bureau.organization();
        applicationOfB = bureau.submittedApplication(orgB);
    }

    @AfterAll
    static void everyAnswerWasDocumented() {
        api.assertConforms();
    }

    @Test
    void anExpiredToken_isUnauthenticated() {
        String body = LocalApi.write(Map.of("sub", "old", "groups", List.of("staff"), "expiresInSeconds", -60));
        String expired = api.api().call("POST", "/local/token", null, body).json().path("token").asText();

        Reply reply = api.call("GET", "/organizations/" + orgA, expired, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.errorCode()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void aTokenSignedByAnotherKey_isUnauthenticated() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claimsLikeTheRunners(staffClaims()));
        jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));

        Reply reply = api.call("GET", "/organizations/" + orgA, jwt.serialize(), null);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void anUnsignedToken_algNone_isUnauthenticated() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url(claimsLikeTheRunners(staffClaims()).toString());

        assertThat(api.call("GET", "/organizations/" + orgA, header + "." + payload + ".", null).status())
                .isEqualTo(401);
        assertThat(api.call("GET", "/organizations/" + orgA, header + "." + payload, null).status()).isEqualTo(401);
    }

    @Test
    void anHmacToken_keyedWithAnythingTheAttackerKnows_isUnauthenticated() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claimsLikeTheRunners(staffClaims()));
        jwt.sign(new MACSigner("a-secret-the-attacker-chose-0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

        assertThat(api.call("GET", "/organizations/" + orgA, jwt.serialize(), null).status()).isEqualTo(401);
    }

    @Test
    void aRealTokenWithItsClaimsRewritten_isUnauthenticated() {
        String[] parts = bureau.applicant(orgA).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(orgA, orgB).replace("\"applicant\"", "\"staff\"");

        Reply reply = api.call("GET", "/applications/" + applicationOfB,
                parts[0] + "." + base64Url(claims) + "." + parts[2], null);

        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void aUsccClaimForgedIntoTheBody_isRejected_andChangesNoOnesRecord() {
        String forged = Bureau.applicationBody(orgB).replace("{", "{\"custom:uscc\":\"" + orgB + "\",");

        Reply reply = api.call("POST", "/applications", bureau.applicant(orgA), forged);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("custom:uscc");
        Reply listOfB = api.call("GET", "/applications?limit=100", bureau.applicant(orgB), null);
        assertThat(listOfB.json().path("items")).hasSize(1);
    }

    @Test
    void anApplicationForAnotherOrganisation_isForbidden_whateverTheBodySays() {
        Reply reply = api.call("POST", "/applications", bureau.applicant(orgA), Bureau.applicationBody(orgB));

        assertThat(reply.status()).isEqualTo(403);
    }

    @Test
    void aProfileBodyNamingAnotherOrganisation_isRejected() {
        String body = Bureau.profileBody().replace("{", "{\"uscc\":\"" + orgB + "\",");

        Reply reply = api.call("PUT", "/organizations/" + orgA, bureau.applicant(orgA), body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(api.call("GET", "/organizations/" + orgB, bureau.staff(), null).json().path("name").asText())
                .isEqualTo("毕节黔丰新材料科技有限公司");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/applications/..%2F..%2Forganizations%2F91520500MA6DKQ5X35",
        "/applications/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/applications/..%5C..%5Cwindows",
        "/applications/%00",
        "/applications/APP%23x",
        "/certifications/..%2Fsubsidies",
        "/subsidies/%252e%252e%252f",
        "/organizations/..%2F91520500MA6DKQ5X35",
        "/applications/0190f1e2-3a4b-7c5d-8e6f-0123456789ab/documents/..%2F..%2F..%2Fbucket",
    })
    void pathTraversal_inAPathParameter_isNotFoundOrBadInput_neverAnotherRecord(String path) {
        Reply reply = api.api().call("GET", path, bureau.applicant(orgA), null);

        assertThat(reply.status()).as(path + " → " + reply.body()).isIn(400, 404);
        assertThat(reply.body()).doesNotContain(orgB).doesNotContain("\"items\"");
    }

    @ParameterizedTest
    @ValueSource(ints = {129, 2_000, 7_000})
    void anOversizedPathValue_isNotFoundOrBadInput(int length) {
        String huge = "A".repeat(length);
        for (String path : List.of("/applications/" + huge, "/certifications/" + huge, "/subsidies/" + huge,
                "/organizations/" + huge, "/applications/" + huge + "/documents/" + huge)) {
            Reply reply = api.api().call("GET", path, bureau.staff(), null);

            assertThat(reply.status()).as(path.substring(0, 40) + "… → " + reply.body()).isIn(400, 404, 414, 431);
        }
    }

    @Test
    void anOversizedIdempotencyKey_orOneBeyondPrintableAscii_isValidationFailed() {
        Reply tooLong = api.call("POST", "/applications", bureau.applicant(orgA), Bureau.applicationBody(orgA),
                "Idempotency-Key", "k".repeat(129));
        // raw bytes on the socket: the JDK's own client would refuse to send such a header
        int notAscii = rawStatus("POST", "/applications", bureau.applicant(orgA), Bureau.applicationBody(orgA),
                "Idempotency-Key: 幂等键");

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(notAscii).isEqualTo(400);
        assertThat(api.call("GET", "/applications?limit=100", bureau.applicant(orgA), null).json().path("items"))
                .as("neither was written").isEmpty();
    }

    @Test
    void aBodyOver64KiB_isPayloadTooLarge_andWritesNothing() {
        String huge = Bureau.applicationBody(orgA).replace("申请一次性补助", "补".repeat(30_000));

        Reply reply = api.call("POST", "/applications", bureau.applicant(orgA), huge);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.errorCode()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    /** The status of a request written byte for byte (UTF-8) to the runner's socket, with one extra header line. */
    static int rawStatus(String method, String path, String token, String body, String headerLine) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\n" + headerLine + "\r\nContent-Length: " + content.length
                + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket(api.api().base().getHost(), api.api().base().getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> staffClaims() {
        return Map.of("sub", "intruder", "cognito:groups", List.of("staff"));
    }

    /** The issuer and audience the runner checks (local/LocalJwt), so only the signature can be what fails. */
    static JWTClaimsSet claimsLikeTheRunners(Map<String, Object> claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer("https://local.invalid/bijie-local-user-pool").audience("bijie-local-client")
                .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).claim("token_use", "id");
        claims.forEach(builder::claim);
        return builder.build();
    }

    static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
