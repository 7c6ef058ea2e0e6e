package com.catalyst.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Split mode, two processes sharing CATALYST_SERVICE_TOKEN_SECRET, on loopback without a trader's key: the workflow's
 * calls carry service tokens and a cycle completes across them (its orders go through the trading process's execute);
 * that door refuses a call without a token made for it, under any spelling of its path, and a token used twice, while
 * the trader's read APIs and /health answer on loopback. Split mode without the secret refuses to start and names it.
 * A process of several bundles listens on each seed port at CATALYST_BIND_ADDRESS, never on every interface.
 */
class ServiceTokenIT {

    static final String SECRET = "service-token-it-secret-0123456789abcdef";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void internalCallsCarryTokensAndCallsWithoutAValidOneAreRefused() throws Exception {
        TestDatabases.fresh("catalyst_it_token");
        int front = TestPorts.free();
        int back = TestPorts.free();
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

            // the order path's door in the trading process: only a token made for this call, whatever the spelling of the path
            ServiceTokens ours = new ServiceTokens(SECRET, Duration.ofSeconds(60), "workflow", false);
            ServiceTokens foreign = new ServiceTokens(SECRET.toUpperCase(), Duration.ofSeconds(60), "workflow", false);
            String execute = "/api/v1/trading/execute";
            String scope = ServiceTokens.scope("POST", execute);
            assertRefused(post(remote + execute, null));
            assertRefused(post(remote + execute, "Bearer not-a-token"));
            assertRefused(post(remote + execute, "Bearer " + foreign.issue(scope, Instant.now())));
            assertRefused(post(remote + execute, "Bearer " + ours.issue(scope, Instant.now().minus(Duration.ofMinutes(5)))));
            assertRefused(post(remote + execute, "Bearer " + ours.issue(ServiceTokens.scope("POST", "/api/v1/risk/evaluate"), Instant.now())));
            for (String variant : List.of("/api/v1/trading/%65xecute", "/api/v1/trading/execute/", "/api/v1/trading/EXECUTE/../execute")) {
                assertThat(post(remote + variant, null).statusCode()).as(variant).isIn(400, 401);
            }
            for (String variant : List.of("/api/v1/trading/execute;x=1", "//api/v1/trading/execute", "/api/v1/risk/../trading/execute",
                    "/api/v1/trading/./execute", "/api/v1/trading%2fexecute")) {
                HttpResponse<String> refused = post(remote + variant, null);
                assertThat(refused.statusCode()).as(variant + ": " + refused.body()).isEqualTo(400);
                assertThat(refused.body()).doesNotContain("Exception");
            }
            String token = ours.issue(scope, Instant.now());
            HttpResponse<String> through = post(remote + execute, "Bearer " + token);
            assertThat(through.statusCode()).as("a valid token gets through to the route, which then judges the body: " + through.body())
                    .isNotIn(401, 403);
            assertRefused(post(remote + execute, "Bearer " + token));

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
        try (CatalystProcess scanner = CatalystProcess.start("token-nosecret", TestPorts.free(), env,
                "--catalyst.bundles=scanner", "--catalyst.workflow.auto-start=false")) {
            assertThatThrownBy(() -> scanner.awaitHealth("healthy", ofSeconds(300)))
                    .hasMessageContaining("process exited").hasMessageContaining("CATALYST_SERVICE_TOKEN_SECRET is not set");
        }
    }

    @Test
    void everySeedPortOfASplitProcessListensOnTheBindAddressOnly() throws Exception {
        TestDatabases.fresh("catalyst_it_token_ports");
        Map<String, String> env = Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER
                + "/catalyst_it_token_ports", "CATALYST_SERVICE_TOKEN_SECRET", SECRET);
        // news (5008) is the primary bundle; reporting's seed port 5009 is the extra connector
        try (CatalystProcess split = CatalystProcess.startOnSeedPorts("token-ports", "127.0.0.2", 5008, env,
                "--catalyst.bundles=news,reporting", "--catalyst.workflow.auto-start=false")) {
            split.awaitHealth("healthy", ofSeconds(300));
            Map<Integer, List<String>> listening = listeningAddresses(split.pid());
            assertThat(listening).as("listening sockets of the process").containsKeys(5008, 5009);
            assertThat(listening.get(5008)).containsExactly("127.0.0.2");
            assertThat(listening.get(5009)).containsExactly("127.0.0.2");
        }
    }

    /** Port → local addresses of the process's listening TCP sockets, read from /proc (IPv4 and IPv6). */
    static Map<Integer, List<String>> listeningAddresses(long pid) throws Exception {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (var fds = java.nio.file.Files.list(java.nio.file.Path.of("/proc", Long.toString(pid), "fd"))) {
            fds.forEach(fd -> {
                try {
                    String target = java.nio.file.Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (java.io.IOException gone) {
                    // a descriptor closed while listing
                }
            });
        }
        Map<Integer, List<String>> out = new java.util.TreeMap<>();
        for (String table : List.of("tcp", "tcp6")) {
            List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", Long.toString(pid), "net", table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (!"0A".equals(f[3]) || !inodes.contains(f[9])) {
                    continue; // not LISTEN, or another process's socket
                }
                String[] local = f[1].split(":");
                out.computeIfAbsent(Integer.parseInt(local[1], 16), p -> new java.util.ArrayList<>()).add(address(local[0]));
            }
        }
        return out;
    }

    private static String address(String hex) throws java.net.UnknownHostException {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        // /proc writes each 32-bit word in host (little-endian) order
        for (int i = 0; i < bytes.length; i += 4) {
            byte b0 = bytes[i], b1 = bytes[i + 1];
            bytes[i] = bytes[i + 3];
            bytes[i + 1] = bytes[i + 2];
            bytes[i + 2] = b1;
            bytes[i + 3] = b0;
        }
        return java.net.InetAddress.getByAddress(bytes).getHostAddress();
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
