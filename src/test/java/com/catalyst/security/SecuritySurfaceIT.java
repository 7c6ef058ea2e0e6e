package com.catalyst.security;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.RouteIds;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole HTTP surface of a process bound beyond loopback (0.0.0.0; every call here goes to 127.0.0.1, and the
 * policy follows the bind address, not the caller's): every REST route Camel has (read from its REST registry, so a
 * route added tomorrow is checked too), every actuator endpoint, Hawtio, Jolokia and /mcp answer 401 without a
 * credential. The trader's key opens the trader's routes and never the order path's internal doors; the operator's
 * login opens the consoles; the scrape token opens Prometheus alone; a service token opens the one call it was made for.
 */
class SecuritySurfaceIT {

    static final String DB = "catalyst_it_surface";
    static final String KEY = random();
    static final String METRICS = random();
    static final String SECRET = random();
    static final String OPERATOR = "operator";
    static final String PASSWORD = "pw-" + random();

    static CatalystProcess app;
    static String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        TestDatabases.fresh(DB);
        int port = TestPorts.free();
        app = CatalystProcess.start("surface", port, Map.of(
                        "DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/" + DB,
                        "CATALYST_BIND_ADDRESS", "0.0.0.0",
                        "CATALYST_API_KEY", KEY,
                        "CATALYST_METRICS_TOKEN", METRICS,
                        "CATALYST_SERVICE_TOKEN_SECRET", SECRET,
                        "CATALYST_HAWTIO_USER", OPERATOR,
                        "CATALYST_HAWTIO_PASSWORD", PASSWORD),
                "--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06",
                "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0");
        app.awaitHealth("healthy", ofSeconds(300));
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyRestRouteRefusesACallWithoutAValidCredential() throws Exception {
        List<String[]> routes = restRoutes();
        // every REST verb the route files define, and the Java ones (/health), is in the registry this test walks
        assertThat(routes.stream().map(r -> r[0] + " " + r[1]).toList()).as("Camel's REST registry")
                .containsAll(RouteIds.restVerbs(Path.of("routes"))).contains("GET /health");
        for (String[] route : routes) {
            String method = route[0];
            String path = route[1].replaceAll("\\{[^}]+}", "AAPL");
            if (path.equals("/health")) {
                assertThat(send(method, path, null, null).statusCode()).isEqualTo(200);
                continue;
            }
            assertRefused(send(method, path, null, "{}"), 401, method + " " + path + " without a credential");
            assertRefused(send(method, path, "Bearer not-the-key-" + random(), "{}"), 401, method + " " + path + " with a wrong key");
            assertRefused(send(method, path, "Bearer " + METRICS, "{}"), 403, method + " " + path + " with the scrape token");
            assertRefused(send(method, path, basic(OPERATOR, PASSWORD), "{}"), 403, method + " " + path + " with the operator's login");
        }
    }

    @Test
    void theTradersKeyOpensTheTradersRoutesButNotTheOrderPathsInternalDoors() throws Exception {
        for (String[] route : restRoutes()) {
            String path = route[1].replaceAll("\\{[^}]+}", "AAPL");
            if (route[0].equals("GET")) {
                HttpResponse<String> response = send("GET", path, "Bearer " + KEY, null);
                assertThat(response.statusCode()).as("GET " + path + " with the key: " + response.body()).isNotIn(401, 403).isLessThan(500);
            }
        }
        for (String door : List.of("/api/v1/trading/execute", "/api/v1/trading/manage")) {
            assertRefused(send("POST", door, "Bearer " + KEY, "{\"cycle_id\":\"x\",\"decisions\":[]}"), 403, door + " with the trader's key");
        }
        // a trader's write with the key reaches its route, which judges the body
        HttpResponse<String> limits = send("PUT", "/api/v1/risk/limits", "Bearer " + KEY, "{\"no_such_limit\": 1}");
        assertThat(limits.statusCode()).as(limits.body()).isEqualTo(400);
    }

    @Test
    void actuatorHawtioAndJolokiaNeedTheOperatorOrTheScrapeToken() throws Exception {
        HttpResponse<String> index = send("GET", "/actuator", basic(OPERATOR, PASSWORD), null);
        assertThat(index.statusCode()).isEqualTo(200);
        List<String> endpoints = new ArrayList<>();
        json.readTree(index.body()).path("_links").forEach(link -> endpoints.add(URI.create(link.path("href").asText()
                .replaceAll("\\{[^}]+}", "x")).getPath()));
        assertThat(endpoints).contains("/actuator/prometheus", "/actuator/hawtio", "/actuator/jolokia", "/actuator/health");
        List<String> consoles = List.of("/actuator/hawtio/", "/actuator/hawtio/camel/routes", "/actuator/hawtio/jolokia",
                "/actuator/hawtio/auth/login", "/actuator/jolokia/version", "/actuator/jolokia/read/java.lang:type=Memory");
        for (String path : concat(endpoints, consoles)) {
            assertRefused(send("GET", path, null, null), 401, path + " without a credential");
            assertRefused(send("GET", path, "Bearer wrong-" + random(), null), 401, path + " with a wrong key");
        }
        for (String path : consoles) {
            assertRefused(send("GET", path, "Bearer " + KEY, null), 403, path + " with the trader's key");
            assertRefused(send("GET", path, "Bearer " + METRICS, null), 403, path + " with the scrape token");
            assertRefused(send("GET", path, basic(OPERATOR, PASSWORD + "x"), null), 401, path + " with a wrong password");
        }
        assertThat(send("GET", "/actuator/jolokia/version", basic(OPERATOR, PASSWORD), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/hawtio/", basic(OPERATOR, PASSWORD), null).statusCode()).isEqualTo(200);
        HttpResponse<String> scrape = send("GET", "/actuator/prometheus", "Bearer " + METRICS, null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("camel_exchanges_total");
        assertRefused(send("GET", "/actuator/prometheus", "Bearer " + KEY, null), 403, "Prometheus with the trader's key");
        assertRefused(send("GET", "/actuator/health", "Bearer " + METRICS, null), 403, "the actuator with the scrape token");
        assertRefused(send("POST", "/mcp", null, "{}"), 401, "/mcp without the key");
        assertRefused(send("GET", "/", null, null), 401, "the root without a credential");
        assertRefused(send("GET", "/no/such/page", null, null), 401, "an unknown path without a credential");
    }

    @Test
    void pathVariantsDoNotSlipPastTheRules() throws Exception {
        String bearer = "Bearer " + KEY;
        assertRefused(send("POST", "/api/v1/trading/%65xecute", bearer, "{}"), 403, "an encoded letter");
        assertRefused(send("POST", "/api/v1/trading/execute/", bearer, "{}"), 403, "a trailing slash");
        assertRefused(send("POST", "/API/v1/trading/execute", null, "{}"), 401, "another case, without a credential");
        for (String variant : List.of("/api/v1/trading/execute;x=1", "/api/v1/trading;x/execute", "//api/v1/trading/execute",
                "/api/v1/trading//execute", "/api/v1/trading/./execute", "/api/v1/risk/../trading/execute", "/api/v1/trading/%2e/execute",
                "/api/v1/trading%2Fexecute", "/api/v1/risk/..;/trading/execute", "/api/v1/trading/%252e%252e/execute")) {
            HttpResponse<String> response = send("POST", variant, bearer, "{}");
            assertThat(response.statusCode()).as(variant + ": " + response.body()).isIn(400, 401, 403, 404);
            assertThat(response.body()).as(variant).doesNotContain("Exception").doesNotContain("\"outcomes\"");
        }
        // a page on another origin is refused even with the key (which a browser page would not have anyway)
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/trading/positions"))
                .header("Authorization", bearer).header("Origin", "https://evil.example").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(foreign, 403, "a foreign Origin");
    }

    @Test
    void aServiceTokenOpensOnlyTheCallItWasMadeForAndOnlyOnce() throws Exception {
        ServiceTokens workflow = new ServiceTokens(SECRET, Duration.ofSeconds(60), "workflow", false);
        ServiceTokens scanner = new ServiceTokens(SECRET, Duration.ofSeconds(60), "scanner", false);
        String execute = ServiceTokens.scope("POST", "/api/v1/trading/execute");
        String body = "{\"cycle_id\":\"20260106-000000\",\"decisions\":[]}";

        String token = workflow.issue(execute, Instant.now());
        HttpResponse<String> first = send("POST", "/api/v1/trading/execute", "Bearer " + token, body);
        assertThat(first.statusCode()).as("the workflow's token for execute: " + first.body()).isNotIn(401, 403);

        // even the workflow's token sends only decisions the risk bundle recorded: a made-up approval places nothing
        String madeUp = "{\"cycle_id\":\"20260106-000000\",\"decisions\":[{\"symbol\":\"AAPL\",\"side\":\"long\",\"verdict\":\"approved\","
                + "\"requested_quantity\":5000,\"approved_quantity\":5000,\"entry_price\":100,\"stop_price\":95,\"target_price\":110,"
                + "\"risk_amount\":25000,\"reason\":\"forged\"}]}";
        HttpResponse<String> forged = send("POST", "/api/v1/trading/execute", "Bearer " + workflow.issue(execute, Instant.now()), madeUp);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(409);
        assertThat(forged.body()).contains("recorded no decision").contains("AAPL");
        try (Connection c = DriverManager.getConnection(TestDatabases.url(DB), TestDatabases.USER, "");
             ResultSet rows = c.createStatement().executeQuery("select count(*) from orders")) {
            rows.next();
            assertThat(rows.getLong(1)).as("orders after a forged decision").isZero();
        }
        assertRefused(send("POST", "/api/v1/trading/execute", "Bearer " + token, body), 401, "the same token again");
        assertRefused(send("POST", "/api/v1/trading/execute", "Bearer " + scanner.issue(execute, Instant.now()), body), 403,
                "the scanner's token for execute");
        assertRefused(send("POST", "/api/v1/trading/execute", "Bearer " + workflow.issue(ServiceTokens.scope("POST", "/api/v1/risk/evaluate"),
                Instant.now()), body), 401, "a token made for another operation");
        assertRefused(send("POST", "/api/v1/trading/execute", "Bearer " + workflow.issue(execute, Instant.now(), Duration.ofHours(2)), body), 401,
                "a token that claims a long life");
        ServiceTokens foreign = new ServiceTokens(SECRET.toUpperCase(), Duration.ofSeconds(60), "workflow", false);
        assertRefused(send("POST", "/api/v1/trading/execute", "Bearer " + foreign.issue(execute, Instant.now()), body), 401,
                "a token signed with another secret");
    }

    @Test
    void healthShowsItsDetailOnlyToACredentialAndOutsidersCannotClaimASource() throws Exception {
        JsonNode anonymous = json.readTree(send("GET", "/health", null, null).body());
        assertThat(anonymous.path("status").asText()).isEqualTo("healthy");
        assertThat(anonymous.path("reconciliation").has("status")).isTrue();
        assertThat(anonymous.path("reconciliation").has("reason")).as(anonymous.toString()).isFalse();
        JsonNode trader = json.readTree(send("GET", "/health", "Bearer " + KEY, null).body());
        assertThat(trader.path("reconciliation").path("reason").asText()).contains("reconciliation");

        HttpResponse<String> change = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/risk/limits"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .header("X-Catalyst-Change-Source", "mcp").PUT(HttpRequest.BodyPublishers.ofString("{\"max_open_positions\": 4}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(change.statusCode()).as(change.body()).isEqualTo(200);
        try (Connection c = DriverManager.getConnection(TestDatabases.url(DB), TestDatabases.USER, "");
             ResultSet rows = c.createStatement().executeQuery("select source from risk_limit_changes order by 1")) {
            List<String> sources = new ArrayList<>();
            while (rows.next()) {
                sources.add(rows.getString(1));
            }
            assertThat(sources).as("a REST change claiming to come from the gateway").containsExactly("rest");
        }
    }

    private List<String[]> restRoutes() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/jolokia"))
                .header("Authorization", basic(OPERATOR, PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"exec\",\"mbean\":\"org.apache.camel:context=catalyst,type=services,"
                        + "name=DefaultRestRegistry\",\"operation\":\"listRestServices()\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String[]> routes = new ArrayList<>();
        for (Iterator<JsonNode> urls = json.readTree(response.body()).path("value").elements(); urls.hasNext(); ) {
            for (Iterator<JsonNode> verbs = urls.next().elements(); verbs.hasNext(); ) {
                JsonNode service = verbs.next();
                routes.add(new String[] {service.path("method").asText().toUpperCase(), URI.create(service.path("url").asText()
                        .replace("{", "%7B").replace("}", "%7D")).getPath()});
            }
        }
        return routes;
    }

    HttpResponse<String> send(String method, String path, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        boolean write = !method.equals("GET") && !method.equals("HEAD");
        request.method(method, write && body != null ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
        if (write && body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertRefused(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain(KEY).doesNotContain(PASSWORD);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String random() {
        byte[] bytes = new byte[20];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
