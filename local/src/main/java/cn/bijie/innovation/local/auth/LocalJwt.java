package cn.bijie.innovation.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stands in for the Cognito user pool and the HTTP API's JWT authorizer: issues RS256 tokens with a key pair made at
 * start, and verifies them as the authorizer does (signature, expiry, issuer, audience or client_id).
 */
public final class LocalJwt {
    static final String ISSUER = "https://local.invalid/bijie-local-user-pool";
    static final String AUDIENCE = "bijie-local-client";

    /** The token is missing, malformed, forged or stale; the reason is for the runner's log, never the response. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason);
        }
    }

    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();
    private final Clock clock;

    public LocalJwt(Clock clock) {
        this(generateKeys(), clock);
    }

    LocalJwt(KeyPair keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The same keys seen from another clock (tests look at a token from later on). */
    LocalJwt withClock(Clock other) {
        return new LocalJwt(keys, other);
    }

    static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
    }

    /** A Cognito-shaped ID token: sub, cognito:groups (a JSON array), custom:uscc, email, token_use "id". */
    public String issue(String sub, List<String> groups, String uscc, String email, long expiresInSeconds) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(sub)
                .claim("cognito:groups", groups)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .claim("token_use", "id")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
                .jwtID(UUID.randomUUID().toString());
        if (uscc != null) {
            claims.claim("custom:uscc", uscc);
        }
        if (email != null) {
            claims.claim("email", email);
        }
        return sign(claims.build());
    }

    String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(keyId).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a local token", e);
        }
        return jwt.serialize();
    }

    /** The verified claims (as JSON types), or {@link Rejected}. */
    public Map<String, Object> verify(String token) throws Rejected {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token.trim());
        } catch (ParseException e) {
            throw new Rejected("malformed token: " + e.getMessage()); // also alg "none": that is not a JWS
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Rejected("algorithm " + jwt.getHeader().getAlgorithm() + " is not accepted");
        }
        try {
            if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))) {
                throw new Rejected("bad signature");
            }
        } catch (JOSEException e) {
            throw new Rejected("cannot verify: " + e.getMessage());
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Rejected("malformed claims: " + e.getMessage());
        }
        Date now = Date.from(clock.instant());
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().after(now)) {
            throw new Rejected("expired (or no exp)");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().after(now)) {
            throw new Rejected("not valid yet (nbf)");
        }
        if (!ISSUER.equals(claims.getIssuer())) {
            throw new Rejected("issuer " + claims.getIssuer() + " is not the local one");
        }
        boolean audienceOk = claims.getAudience() != null && claims.getAudience().contains(AUDIENCE);
        if (!audienceOk && !AUDIENCE.equals(claimString(claims, "client_id"))) {
            throw new Rejected("neither aud nor client_id is the local client");
        }
        return claims.toJSONObject();
    }

    /** The token of an {@code Authorization} header: "Bearer x" or, as the authorizer also allows, the bare token. */
    public static Optional<String> bearer(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (value.equalsIgnoreCase("Bearer")) {
            return Optional.empty();
        }
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).trim();
        }
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String claimString(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value == null ? null : String.valueOf(value);
    }
}
