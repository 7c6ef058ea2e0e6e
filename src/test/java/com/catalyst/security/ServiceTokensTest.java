package com.catalyst.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.catalyst.market.clock.MutableClock;
import com.nimbusds.jose.JOSEException;
import org.junit.jupiter.api.Test;

/** Service tokens: one call, once, for a short while, signed with the shared secret. */
class ServiceTokensTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    static final String EXECUTE = "/api/v1/trading/execute";
    final ServiceTokens tokens = new ServiceTokens(SECRET, Duration.ofSeconds(60), "workflow,scanner", false);

    @Test
    void aTokenOpensTheOneCallItWasIssuedForAndNamesTheCaller() throws JOSEException {
        String bearer = tokens.bearer("POST", "http://127.0.0.1:5005" + EXECUTE + "?httpMethod=POST&connectTimeout=2000");
        assertThat(tokens.verify(bearer.substring(7), "POST", EXECUTE)).containsExactlyInAnyOrder("workflow", "scanner");
    }

    @Test
    void aTokenIsGoodForOneCallOnly() throws JOSEException {
        String token = tokens.issue(ServiceTokens.scope("POST", EXECUTE), Instant.now());
        tokens.verify(token, "POST", EXECUTE);
        assertThatThrownBy(() -> tokens.verify(token, "POST", EXECUTE)).hasMessageContaining("already used");
    }

    @Test
    void anotherOperationMethodOrPathIsRefused() throws JOSEException {
        String token = tokens.issue(ServiceTokens.scope("POST", "/api/v1/risk/evaluate"), Instant.now());
        assertThatThrownBy(() -> tokens.verify(token, "POST", EXECUTE)).hasMessageContaining("invalid");
        assertThatThrownBy(() -> tokens.verify(token, "PUT", "/api/v1/risk/evaluate")).hasMessageContaining("invalid");
        assertThatThrownBy(() -> tokens.verify(token, "POST", "/api/v1/risk/evaluate/")).hasMessageContaining("invalid");
        // the refusal spent nothing: the right call still passes
        assertThat(tokens.verify(token, "POST", "/api/v1/risk/evaluate")).contains("workflow");
    }

    @Test
    void expiredForeignLongLivedAndUnsignedTokensAreRefused() throws JOSEException {
        String scope = ServiceTokens.scope("POST", EXECUTE);
        assertThatThrownBy(() -> tokens.verify(tokens.issue(scope, Instant.now().minusSeconds(120)), "POST", EXECUTE)).hasMessageContaining("xpired");
        ServiceTokens other = new ServiceTokens(SECRET.replace('0', 'x'), Duration.ofSeconds(60), "workflow", false);
        assertThatThrownBy(() -> tokens.verify(other.issue(scope, Instant.now()), "POST", EXECUTE)).hasMessageContaining("invalid");
        assertThatThrownBy(() -> tokens.verify(tokens.issue(scope, Instant.now(), Duration.ofHours(1)), "POST", EXECUTE))
                .hasMessageContaining("longer than 300s");
        Instant future = Instant.now().plusSeconds(120);
        assertThatThrownBy(() -> tokens.verify(tokens.issue(scope, future, Duration.ofSeconds(60)), "POST", EXECUTE))
                .hasMessageContaining("future");
        assertThatThrownBy(() -> tokens.verify("not.a.jwt", "POST", EXECUTE)).hasMessageContaining("invalid");
        long now = Instant.now().getEpochSecond();
        String none = "eyJhbGciOiJub25lIn0." + Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"iss\":\"catalyst\",\"scope\":\""
                + scope + "\",\"sub\":\"workflow\",\"jti\":\"x\",\"iat\":" + now + ",\"exp\":" + (now + 60) + "}").getBytes()) + ".";
        assertThatThrownBy(() -> tokens.verify(none, "POST", EXECUTE)).hasMessageContaining("invalid");
    }

    @Test
    void spentTokensAreForgottenOnceTheyExpire() throws JOSEException {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        ServiceTokens stepped = new ServiceTokens(SECRET, Duration.ofSeconds(60), "workflow", false, clock);
        for (int i = 0; i < 1100; i++) {
            stepped.verify(stepped.issue(ServiceTokens.scope("GET", "/api/v1/x/" + i), clock.instant()), "GET", "/api/v1/x/" + i);
        }
        assertThat(stepped.remembered()).isEqualTo(1100);
        clock.advance(Duration.ofMinutes(10));
        stepped.verify(stepped.issue(ServiceTokens.scope("GET", "/api/v1/y"), clock.instant()), "GET", "/api/v1/y");
        assertThat(stepped.remembered()).as("only the token still alive is kept").isEqualTo(1);
    }

    @Test
    void splitModeRefusesToStartWithoutAGoodSecretOrWithALongLifetime() {
        assertThatThrownBy(() -> new ServiceTokens("", Duration.ofSeconds(60), "scanner", false))
                .hasMessageContaining("CATALYST_SERVICE_TOKEN_SECRET is not set");
        assertThatThrownBy(() -> new ServiceTokens("short", Duration.ofSeconds(60), "scanner", false))
                .hasMessageContaining("CATALYST_SERVICE_TOKEN_SECRET is too short");
        assertThatThrownBy(() -> new ServiceTokens(SECRET, Duration.ofHours(1), "scanner", false))
                .hasMessageContaining("CATALYST_SERVICE_TOKEN_TTL");
        ServiceTokens allInOne = new ServiceTokens("", Duration.ofSeconds(60), "all", true);
        assertThat(allInOne.enabled()).isFalse();
        assertThatThrownBy(() -> allInOne.verify("a.b.c", "POST", EXECUTE)).hasMessageContaining("not in use");
        // a sweep worker alone (no bundle: catalyst.bundles.active is empty) calls no bundle and takes no call: no secret
        ServiceTokens worker = new ServiceTokens("", Duration.ofSeconds(60), "", false);
        assertThat(worker.enabled()).isFalse();
        assertThatThrownBy(() -> worker.verify("a.b.c", "POST", EXECUTE)).hasMessageContaining("not in use");
    }
}
