package com.catalyst.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A trader's short through the MCP tools, driven by the official MCP TypeScript SDK client ({@code e2e.mjs shorts}) against
 * the whole application with shorts allowed, on PostgreSQL ({@code catalyst_test_mcp_short}, created here): the tools'
 * schemas offer side short, check_trade_risk judges it as a short, execute_trade sells to open with the bracket
 * inverted, and close_position covers it. (McpGatewayIT runs the other phases with shorts off.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/catalyst_test_mcp_short",
        "spring.datasource.username=postgres",
        "catalyst.workflow.auto-start=false",
        "catalyst.clock.speed=0",
        "catalyst.trading.allow-short=true",
        "catalyst.gateway.rate-limit.requests-per-minute=600000",
        "catalyst.gateway.rate-limit.burst=1000"})
class McpShortIT {

    private static final String KEY = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));

    static {
        McpGatewayIT.createDatabase("catalyst_test_mcp_short");
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void apiKey(DynamicPropertyRegistry registry) {
        registry.add("catalyst.gateway.api-key", () -> KEY);
    }

    @Test
    void aShortIsCheckedPlacedAndCoveredThroughTheTools() throws Exception {
        McpGatewayIT.installClient();
        assertThat(McpGatewayIT.node("shorts", port, KEY)).as("e2e.mjs shorts exit code").isZero();
    }
}
