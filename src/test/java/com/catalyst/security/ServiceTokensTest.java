package com.catalyst.security;

import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTokensTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef0123456789abcdef";
    final ServiceTokens tokens = new ServiceTokens(SECRET, Duration.ofSeconds(60), "workflow", false);

    @Test
    void aFreshTokenForTheTargetBundlePasses() throws JOSEException {
        String bearer = tokens.bearer("http://127.0.0.1:5004/api/v1/risk/evaluate?httpMethod=POST");
        assertThat(tokens.rejection(bearer, "risk")).isNull();
    }

    @Test
    void missingExpiredForeignOrWrongAudienceTokensAreRefused() throws JOSEException {
        assertThat(tokens.rejection(null, "risk")).contains("required");
        assertThat(tokens.rejection("Basic abc", "risk")).contains("required");
        assertThat(tokens.rejection("Bearer " + tokens.issue("risk", Instant.now().minusSeconds(120)), "risk")).contains("xpired");
        assertThat(tokens.rejection("Bearer " + tokens.issue("trading", Instant.now()), "risk")).contains("invalid");
        ServiceTokens other = new ServiceTokens(SECRET.replace('0', 'x'), Duration.ofSeconds(60), "workflow", false);
        assertThat(tokens.rejection("Bearer " + other.issue("risk", Instant.now()), "risk")).contains("invalid");
        assertThat(tokens.rejection("Bearer not.a.jwt", "risk")).contains("invalid");
        // an unsigned token ("alg":"none") with the right claims
        String none = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"catalyst\",\"aud\":\"risk\",\"sub\":\"x\",\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":"
                        + (Instant.now().getEpochSecond() + 60) + "}").getBytes()) + ".";
        assertThat(tokens.rejection("Bearer " + none, "risk")).contains("invalid");
    }

    @Test
    void splitModeRefusesToStartWithoutAGoodSecret() {
        assertThatThrownBy(() -> new ServiceTokens("", Duration.ofSeconds(60), "scanner", false))
                .hasMessageContaining("CATALYST_SERVICE_TOKEN_SECRET");
        assertThatThrownBy(() -> new ServiceTokens("short", Duration.ofSeconds(60), "scanner", false))
                .hasMessageContaining("CATALYST_SERVICE_TOKEN_SECRET");
        new ServiceTokens("", Duration.ofSeconds(60), "all", true); // the all-in-one needs none
    }
}
