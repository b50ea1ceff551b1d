package cn.bijie.innovation.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class LocalJwtTest {
    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    private final LocalJwt jwt = new LocalJwt(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verify_acceptsIssuedToken_andReturnsItsClaims() throws Exception {
        String token = jwt.issue("u1", List.of("staff", "finance"), "91520500MA6DKQ5X35", "a@example.com", 3600);

        Map<String, Object> claims = jwt.verify(token);

        assertThat(claims).containsEntry("sub", "u1")
                .containsEntry("cognito:groups", List.of("staff", "finance"))
                .containsEntry("custom:uscc", "91520500MA6DKQ5X35")
                .containsEntry("email", "a@example.com")
                .containsEntry("iss", LocalJwt.ISSUER)
                .containsEntry("aud", LocalJwt.AUDIENCE)
                .containsEntry("token_use", "id")
                .containsEntry("exp", NOW.getEpochSecond() + 3600);
    }

    @Test
    void verify_rejects_whenExpired() {
        String token = jwt.issue("u1", List.of("staff"), null, null, 60);
        LocalJwt later = jwt.withClock(Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(token)).isInstanceOf(LocalJwt.Rejected.class).hasMessageContaining("expired");
        assertThatThrownBy(() -> jwt.verify(jwt.issue("u1", List.of(), null, null, -1))).isInstanceOf(LocalJwt.Rejected.class);
    }

    @Test
    void verify_rejects_whenSignedByAnotherKey() {
        LocalJwt other = new LocalJwt(Clock.fixed(NOW, ZoneOffset.UTC));
        String token = other.issue("u1", List.of("staff"), null, null, 3600);

        assertThatThrownBy(() -> jwt.verify(token)).isInstanceOf(LocalJwt.Rejected.class).hasMessageContaining("signature");
    }

    @Test
    void verify_rejects_algNone() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = b64("{\"sub\":\"u1\",\"iss\":\"" + LocalJwt.ISSUER + "\",\"aud\":\"" + LocalJwt.AUDIENCE
                + "\",\"exp\":" + (NOW.getEpochSecond() + 3600) + "}");

        assertThatThrownBy(() -> jwt.verify(header + "." + payload + ".")).isInstanceOf(LocalJwt.Rejected.class);
    }

    @Test
    void verify_rejects_hs256_evenWithValidClaims() throws Exception {
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), validClaims());
        hs.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> jwt.verify(hs.serialize())).isInstanceOf(LocalJwt.Rejected.class).hasMessageContaining("HS256");
    }

    @Test
    void verify_rejects_tamperedPayload() {
        String token = jwt.issue("u1", List.of("applicant"), null, null, 3600);
        String[] parts = token.split("\\.");
        String forged = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("applicant", "supervisor"));

        assertThatThrownBy(() -> jwt.verify(parts[0] + "." + forged + "." + parts[2])).isInstanceOf(LocalJwt.Rejected.class);
    }

    @Test
    void verify_rejects_malformedTokens_andForeignIssuerOrAudience() throws Exception {
        assertThatThrownBy(() -> jwt.verify("not-a-jwt")).isInstanceOf(LocalJwt.Rejected.class);
        assertThatThrownBy(() -> jwt.verify("a.b.c")).isInstanceOf(LocalJwt.Rejected.class);
        String wrongIssuer = jwt.sign(new JWTClaimsSet.Builder(validClaims()).issuer("https://elsewhere").build());
        assertThatThrownBy(() -> jwt.verify(wrongIssuer)).hasMessageContaining("issuer");
        String wrongAudience = jwt.sign(new JWTClaimsSet.Builder(validClaims()).audience("other").build());
        assertThatThrownBy(() -> jwt.verify(wrongAudience)).hasMessageContaining("client");
        String accessToken = jwt.sign(new JWTClaimsSet.Builder(validClaims()).audience((String) null)
                .claim("client_id", LocalJwt.AUDIENCE).build());
        assertThat(jwt.verify(accessToken)).containsEntry("client_id", LocalJwt.AUDIENCE);
    }

    @Test
    void bearer_takesTheTokenFromTheHeader() {
        assertThat(LocalJwt.bearer("Bearer abc")).contains("abc");
        assertThat(LocalJwt.bearer("bearer  abc ")).contains("abc");
        assertThat(LocalJwt.bearer("abc")).contains("abc");
        assertThat(LocalJwt.bearer(null)).isEmpty();
        assertThat(LocalJwt.bearer("Bearer ")).isEmpty();
    }

    private static JWTClaimsSet validClaims() {
        return new JWTClaimsSet.Builder().subject("u1").issuer(LocalJwt.ISSUER).audience(LocalJwt.AUDIENCE)
                .expirationTime(Date.from(NOW.plusSeconds(3600))).build();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
