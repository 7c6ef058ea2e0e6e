package com.catalyst.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.catalyst.gateway.security.RateLimiter;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway end to end, driven by the official MCP TypeScript SDK client ({@code mcp-gateway/test/e2e.mjs}) against
 * the whole application on PostgreSQL ({@code catalyst_test_mcp}, created here): every tool, resource and prompt, bad
 * arguments, keys, Origin, session end, then the rate limit at 100/min burst 20, then 10,000 fuzzed messages; then the
 * trader's tools, JSON answers and the watchlist tools.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/catalyst_test_mcp",
        "spring.datasource.username=postgres",
        "catalyst.workflow.auto-start=false",
        "catalyst.clock.speed=0",
        "catalyst.gateway.rate-limit.requests-per-minute=600000",
        "catalyst.gateway.rate-limit.burst=1000"})
@TestMethodOrder(OrderAnnotation.class)
class McpGatewayIT {

    private static final Path TEST_DIR = Path.of("mcp-gateway/test").toAbsolutePath();
    private static final String KEY = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));

    static {
        createDatabase("catalyst_test_mcp");
    }

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter rateLimiter;

    @DynamicPropertySource
    static void apiKey(DynamicPropertyRegistry registry) {
        registry.add("catalyst.gateway.api-key", () -> KEY);
    }

    @Test
    @Order(1)
    void toolsResourcesPromptsKeysOriginAndSessionsWorkWithTheTypeScriptClient() throws Exception {
        installClient();
        assertThat(node("functional")).as("e2e.mjs functional exit code").isZero();
    }

    @Test
    @Order(2)
    void aBurstOverTheLimitGets429WithRetryAfter() throws Exception {
        rateLimiter.limits(100, 20);
        try {
            assertThat(node("ratelimit")).as("e2e.mjs ratelimit exit code").isZero();
        } finally {
            rateLimiter.limits(600000, 1000);
        }
    }

    @Test
    @Order(3)
    void tenThousandMalformedMessagesGetNo5xxAndPingStillAnswers() throws Exception {
        assertThat(node("fuzz")).as("e2e.mjs fuzz exit code").isZero();
    }

    @Test
    @Order(4)
    void theTradersToolsAnswerAndGetChartIsAPngImage() throws Exception {
        installClient();
        assertThat(node("traders")).as("e2e.mjs traders exit code").isZero();
    }

    @Test
    @Order(5)
    void aRequestIsAnsweredAsOneJsonBodyWhenTheClientAcceptsJsonAndAsSseWhenItAcceptsOnlySse() throws Exception {
        installClient();
        assertThat(node("json")).as("e2e.mjs json exit code").isZero();
    }

    @Test
    @Order(6)
    void theWatchlistToolsAddListAndRemoveAndAFreshScanRanksAWatchedSymbol() throws Exception {
        installClient();
        assertThat(node("watchlist")).as("e2e.mjs watchlist exit code").isZero();
    }

    private int node(String phase) throws Exception {
        return node(phase, port, KEY);
    }

    /** Runs one phase of e2e.mjs against the gateway on {@code port} with {@code key}; its exit code. */
    static int node(String phase, int port, String key) throws Exception {
        // the client's output goes to a file, then through System.out: a child writing straight to the fork's
        // stdout corrupts failsafe's channel to the fork ("std/in stream corrupted") and fails the build
        Path log = Files.createTempFile("e2e-" + phase, ".log");
        ProcessBuilder pb = new ProcessBuilder("node", "e2e.mjs", phase).directory(TEST_DIR.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("MCP_URL", "http://127.0.0.1:" + port + "/mcp");
        pb.environment().put("MCP_KEY", key);
        Process process = pb.start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("e2e.mjs " + phase + " did not finish in 15 minutes");
            }
            return process.exitValue();
        } finally {
            System.out.print(Files.readString(log));
            Files.deleteIfExists(log);
        }
    }

    static void installClient() throws Exception {
        if (Files.isDirectory(TEST_DIR.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            return;
        }
        List<String> command = Files.exists(TEST_DIR.resolve("package-lock.json"))
                ? List.of("npm", "ci", "--no-audit", "--no-fund") : List.of("npm", "install", "--no-audit", "--no-fund");
        Path log = Files.createTempFile("npm", ".log");
        Process npm = new ProcessBuilder(command).directory(TEST_DIR.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = npm.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log);
        Files.deleteIfExists(log);
        assertThat(done && npm.exitValue() == 0).as(String.join(" ", command) + " in " + TEST_DIR + ":\n" + output).isTrue();
    }

    static void createDatabase(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            try (ResultSet rs = c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    c.createStatement().execute("drop database " + name + " with (force)");
                }
            }
            c.createStatement().execute("create database " + name);
        } catch (Exception e) {
            throw new IllegalStateException("cannot prepare the test database " + name + " on 127.0.0.1:5432", e);
        }
    }

}
