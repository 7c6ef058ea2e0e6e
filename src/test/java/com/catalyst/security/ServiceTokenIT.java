package com.catalyst.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Split mode, two processes sharing CATALYST_SERVICE_TOKEN_SECRET: the workflow's calls carry service tokens and a
 * cycle completes across them; a call of an internal operation without a valid token gets 401, while the trader's
 * read APIs and /health need none. Split mode without the secret refuses to start and names it.
 */
class ServiceTokenIT {

    static final String SECRET = "service-token-it-secret-0123456789abcdef";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void internalCallsCarryTokensAndCallsWithoutAValidOneAreRefused() throws Exception {
        TestDatabases.fresh("catalyst_it_token");
        int front = TestRedis.freePort();
        int back = TestRedis.freePort();
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/catalyst_it_token",
                "CATALYST_SERVICE_TOKEN_SECRET", SECRET);
        String[] common = {"--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06",
                "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0"};
        String remote = "http://127.0.0.1:" + back;
        try (CatalystProcess analysis = CatalystProcess.start("token-back", back, env, concat(common,
                     "--catalyst.bundles=pattern,technical,risk,trading"));
             CatalystProcess workflow = CatalystProcess.start("token-front", front, env, concat(common,
                     "--catalyst.bundles=orchestration,workflow,scanner,news,reporting",
                     "--catalyst.services.pattern.url=" + remote, "--catalyst.services.technical.url=" + remote,
                     "--catalyst.services.risk.url=" + remote, "--catalyst.services.trading.url=" + remote))) {
            analysis.awaitHealth("healthy", ofSeconds(300));
            workflow.awaitHealth("healthy", ofSeconds(300));

            var cycle = workflow.post("/api/v1/workflow/cycles", "");
            assertThat(cycle.statusCode()).as(cycle.body()).isEqualTo(200);
            JsonNode summary = json.readTree(cycle.body());
            assertThat(summary.get("status").asText()).as(cycle.body()).isEqualTo("completed");
            assertThat(summary.get("placed").asInt()).isPositive();

            ServiceTokens ours = new ServiceTokens(SECRET, Duration.ofSeconds(60), "test", false);
            ServiceTokens foreign = new ServiceTokens(SECRET.toUpperCase(), Duration.ofSeconds(60), "test", false);
            String risk = remote + "/api/v1/risk/evaluate";
            assertRefused(post(risk, null));
            assertRefused(post(risk, "Bearer not-a-token"));
            assertRefused(post(risk, "Bearer " + foreign.issue("risk", Instant.now())));
            assertRefused(post(risk, "Bearer " + ours.issue("risk", Instant.now().minus(Duration.ofMinutes(5)))));
            assertRefused(post(risk, "Bearer " + ours.issue("trading", Instant.now())));
            assertRefused(post("http://127.0.0.1:" + front + "/api/v1/scanner/scan", null));
            // a valid token gets through to the route, which then judges the body
            assertThat(post(risk, "Bearer " + ours.issue("risk", Instant.now())).statusCode()).isNotEqualTo(401);

            assertThat(analysis.get("/api/v1/trading/positions").statusCode()).isEqualTo(200);
            assertThat(analysis.get("/health").statusCode()).isEqualTo(200);
            assertThat(workflow.get("/api/v1/workflow/status").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void splitModeWithoutTheSecretRefusesToStart() throws Exception {
        TestDatabases.fresh("catalyst_it_token_nosecret");
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER
                + "/catalyst_it_token_nosecret", "CATALYST_SERVICE_TOKEN_SECRET", "");
        try (CatalystProcess scanner = CatalystProcess.start("token-nosecret", TestRedis.freePort(), env,
                "--catalyst.bundles=scanner", "--catalyst.workflow.auto-start=false")) {
            assertThatThrownBy(() -> scanner.awaitHealth("healthy", ofSeconds(300)))
                    .hasMessageContaining("process exited").hasMessageContaining("CATALYST_SERVICE_TOKEN_SECRET is not set");
        }
    }

    private HttpResponse<String> post(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(response.body()).contains("\"error\"").doesNotContain("Exception:");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
