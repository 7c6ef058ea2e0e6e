package com.catalyst.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Short-lived service tokens for calls between bundles in split mode: HS256 JWTs signed with the shared secret
 * CATALYST_SERVICE_TOKEN_SECRET, issued by "catalyst" for one target bundle (audience), valid for a minute.
 * Split mode refuses to start without the secret; the all-in-one calls in-JVM and needs none.
 */
@Component("serviceTokens")
public class ServiceTokens {

    static final String ISSUER = "catalyst";
    private static final Pattern BUNDLE_PATH = Pattern.compile("/api/v1/([a-z]+)/");
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final byte[] secret;
    private final Duration ttl;
    private final String caller;

    public ServiceTokens(@Value("${CATALYST_SERVICE_TOKEN_SECRET:${catalyst.service-token.secret:}}") String secret,
                         @Value("${CATALYST_SERVICE_TOKEN_TTL:${catalyst.service-token.ttl:60s}}") Duration ttl,
                         @Value("${catalyst.bundles.active}") String active,
                         @Value("${catalyst.bundles.all-in-one}") boolean allInOne) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
        this.caller = active;
        if (!allInOne && secret.isBlank()) {
            throw new IllegalStateException("CATALYST_SERVICE_TOKEN_SECRET is not set: split mode (catalyst.bundles=" + active
                    + ") signs every call between bundles with it; set the same secret of at least 32 characters in every process");
        }
        if (!secret.isBlank() && this.secret.length < 32) {
            throw new IllegalStateException("CATALYST_SERVICE_TOKEN_SECRET is too short: HS256 needs at least 32 bytes (openssl rand -hex 32)");
        }
    }

    /** The Authorization header value for a call to {@code targetUri} (…/api/v1/<bundle>/<op>…). */
    public String bearer(String targetUri) throws JOSEException {
        Matcher m = BUNDLE_PATH.matcher(targetUri);
        if (!m.find()) {
            throw new IllegalArgumentException("not a bundle operation URI: " + targetUri);
        }
        return "Bearer " + issue(m.group(1), Instant.now());
    }

    String issue(String audience, Instant now) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(caller).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /** Null when {@code authorization} holds a valid token for {@code bundle}; otherwise why not (never the token). */
    public String rejection(String authorization, String bundle) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return "a service token is required (Authorization: Bearer)";
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // only HS256 with our secret: "none" and other algorithms are refused by the key selector
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(bundle,
                new JWTClaimsSet.Builder().issuer(ISSUER).build(), Set.of("exp", "iat", "sub"));
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        try {
            processor.process(authorization.substring(7).trim(), null);
            return null;
        } catch (Exception e) {
            return "invalid service token: " + e.getMessage();
        }
    }
}
