package com.catalyst.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The start-up check of secrets: placeholders and short keys are named, never echoed; no key means loopback only. */
class SecretSettingsTest {

    static final String GOOD = "3f9c0e1b7a5d4c2e8f6a1b3d5c7e9f0a";

    @Test
    void theExampleFilesPlaceholdersAndShortKeysStopStartUpNamingTheSetting() {
        MockEnvironment env = new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("catalyst.gateway.api-key", "change-me-mcp-bearer-key")
                .withProperty("CATALYST_SERVICE_TOKEN_SECRET", "short-secret")
                .withProperty("CATALYST_METRICS_TOKEN", "your-key-goes-here-0123456789abcdef")
                .withProperty("catalyst.hawtio.user", "operator").withProperty("catalyst.hawtio.password", "change-me-hawtio-password")
                .withProperty("ALPACA_API_KEY", "<your alpaca key>")
                .withProperty("DATABASE_URL", "postgresql://catalyst:change-me-postgres-password@postgres:5432/catalyst");
        List<String> problems = SecretSettings.problems(env);
        assertThat(String.join("\n", problems))
                .contains("CATALYST_API_KEY (or MCP_API_KEY) holds a placeholder")
                .contains("CATALYST_SERVICE_TOKEN_SECRET is too short")
                .contains("CATALYST_METRICS_TOKEN holds a placeholder")
                .contains("CATALYST_HAWTIO_PASSWORD holds a placeholder")
                .contains("ALPACA_API_KEY holds a placeholder")
                .contains("the password in DATABASE_URL holds a placeholder")
                .doesNotContain("change-me-mcp-bearer-key").doesNotContain("short-secret").doesNotContain("postgres-password");
        assertThat(problems).hasSize(6);
    }

    @Test
    void anOperatorLoginNeedsBothHalvesAndALongEnoughPassword() {
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("catalyst.hawtio.user", "operator"))).singleElement().asString().contains("CATALYST_HAWTIO_PASSWORD is not set");
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("catalyst.hawtio.password", "a-long-enough-password"))).singleElement().asString().contains("CATALYST_HAWTIO_USER is not set");
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("catalyst.hawtio.user", "operator").withProperty("catalyst.hawtio.password", "short-pw")))
                .singleElement().asString().contains("CATALYST_HAWTIO_PASSWORD is too short").doesNotContain("short-pw");
    }

    @Test
    void aShortTraderKeyIsRefusedAndAGeneratedOneIsKept() {
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("catalyst.gateway.api-key", "abc123"))).singleElement().asString().contains("CATALYST_API_KEY (or MCP_API_KEY) is too short");
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "0.0.0.0")
                .withProperty("MCP_API_KEY", GOOD))).isEmpty();
    }

    @Test
    void listeningBeyondLoopbackNeedsTheTradersKey() {
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "127.0.0.1"))).isEmpty();
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "::1"))).isEmpty();
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "0.0.0.0")))
                .singleElement().asString().contains("'0.0.0.0'").contains("CATALYST_API_KEY");
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "")))
                .singleElement().asString().contains("all interfaces");
        // the stdio gateway listens on nothing
        assertThat(SecretSettings.problems(new MockEnvironment().withProperty("server.address", "0.0.0.0")
                .withProperty("spring.main.web-application-type", "none"))).isEmpty();
    }
}
