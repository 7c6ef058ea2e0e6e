package com.catalyst.security;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service tokens for calls between bundles in split mode: HS256 JWTs signed with CATALYST_SERVICE_TOKEN_SECRET, each
 * for one operation ({@code scope} = method and path, e.g. {@code POST /api/v1/trading/execute}), used once (its
 * {@code jti} is remembered until it expires) and short-lived (60 s by default, never more than {@link #MAX_LIFETIME}).
 * The subject names the calling process's bundles, so a rule can ask which bundle called. Every outgoing call to a
 * bundle is signed by {@link ServiceTokenSigner}, a fresh token per attempt, so a retry is never taken for a replay.
 */
@Component("serviceTokens")
public class ServiceTokens {

    static final String ISSUER = "catalyst";
    static final String SCOPE = "scope";
    /** A token claiming a longer life than this is refused, whatever the issuer configured. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final byte[] secret;
    private final Duration ttl;
    private final String caller;
    private final Clock clock;
    /** jti → expiry (epoch seconds): a token is accepted once */
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    @Autowired
    public ServiceTokens(@Value("${CATALYST_SERVICE_TOKEN_SECRET:${catalyst.service-token.secret:}}") String secret,
                         @Value("${CATALYST_SERVICE_TOKEN_TTL:${catalyst.service-token.ttl:60s}}") Duration ttl,
                         @Value("${catalyst.bundles.active}") String active,
                         @Value("${catalyst.bundles.all-in-one}") boolean allInOne) {
        this(secret, ttl, active, allInOne, Clock.systemUTC());
    }

    ServiceTokens(String secret, Duration ttl, String active, boolean allInOne, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.ttl = ttl;
        this.caller = active;
        this.clock = clock;
        // a sweep worker alone (CATALYST_BUNDLES=backtest-worker) serves and calls no bundle: it needs no secret
        if (!allInOne && !active.isBlank() && secret.isBlank()) {
            throw new IllegalStateException("CATALYST_SERVICE_TOKEN_SECRET is not set: split mode (catalyst.bundles=" + active
                    + ") signs every call between bundles with it; set the same secret of at least 32 characters in every process");
        }
        if (!secret.isBlank() && this.secret.length < SecretSettings.MIN_KEY_LENGTH) {
            throw new IllegalStateException("CATALYST_SERVICE_TOKEN_SECRET is too short: at least " + SecretSettings.MIN_KEY_LENGTH
                    + " characters (openssl rand -hex 32)");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalStateException("CATALYST_SERVICE_TOKEN_TTL must be more than 0 and at most " + MAX_LIFETIME.toSeconds() + "s, not " + ttl);
        }
    }

    /** Whether this process can sign and check tokens (split mode, or a secret given to the all-in-one). */
    public boolean enabled() {
        return secret.length > 0;
    }

    /** The Authorization header value for one {@code method} call of {@code targetUri} (the query is not part of the scope). */
    public String bearer(String method, String targetUri) throws JOSEException {
        return "Bearer " + issue(scope(method, URI.create(targetUri).getPath()), clock.instant());
    }

    /** The scope of a call: the method and the decoded path, as the receiving servlet container sees them. */
    public static String scope(String method, String path) {
        return method.toUpperCase(java.util.Locale.ROOT) + " " + path;
    }

    String issue(String scope, Instant now) throws JOSEException {
        return issue(scope, now, ttl);
    }

    String issue(String scope, Instant now, Duration lifetime) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(caller).claim(SCOPE, scope)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime))).jwtID(UUID.randomUUID().toString()).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    /**
     * Checks a token for the call {@code method path} and spends it.
     *
     * @return the calling process's bundles (the subject)
     * @throws InvalidServiceTokenException why not: never the token itself
     */
    public Set<String> verify(String token, String method, String path) {
        if (!enabled()) {
            throw new InvalidServiceTokenException("service tokens are not in use in this process");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // only HS256 with our secret: "none" and other algorithms are refused by the key selector
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(secret)));
        DefaultJWTClaimsVerifier<SecurityContext> verifier = new DefaultJWTClaimsVerifier<>(null,
                new JWTClaimsSet.Builder().issuer(ISSUER).claim(SCOPE, scope(method, path)).build(), Set.of("exp", "iat", "sub", "jti")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        verifier.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(verifier);
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception e) {
            throw new InvalidServiceTokenException("invalid service token: " + e.getMessage());
        }
        Instant issued = claims.getIssueTime().toInstant();
        Instant expires = claims.getExpirationTime().toInstant();
        if (Duration.between(issued, expires).compareTo(MAX_LIFETIME) > 0) {
            throw new InvalidServiceTokenException("invalid service token: it claims a life longer than " + MAX_LIFETIME.toSeconds() + "s");
        }
        if (issued.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidServiceTokenException("invalid service token: issued in the future");
        }
        if (seen.putIfAbsent(claims.getJWTID(), expires.plus(CLOCK_SKEW).getEpochSecond()) != null) {
            throw new InvalidServiceTokenException("invalid service token: already used (each token is good for one call)");
        }
        forgetExpired();
        return Set.copyOf(List.of(claims.getSubject().split(",")));
    }

    /** Spent tokens are kept only while they could still pass the expiry check. */
    private void forgetExpired() {
        if (seen.size() < 1024) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        for (Iterator<Long> it = seen.values().iterator(); it.hasNext(); ) {
            if (it.next() < now) {
                it.remove();
            }
        }
    }

    int remembered() {
        return seen.size();
    }

    /** A refused service token; the message says why and never holds the token. */
    public static final class InvalidServiceTokenException extends RuntimeException {
        InvalidServiceTokenException(String message) {
            super(message);
        }
    }
}
