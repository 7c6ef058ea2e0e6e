package com.catalyst.ops;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.RouteIds;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hawtio and Jolokia behind the operator's login (CATALYST_HAWTIO_USER / CATALYST_HAWTIO_PASSWORD, HTTP Basic on the
 * security chain): the packaged jar as a process, on loopback, where a configured login is required as it is beyond.
 * Without credentials or with wrong ones the console and Jolokia answer 401 with a Basic challenge; with the right ones
 * Jolokia lists every Camel route, directly and through Hawtio's own Jolokia, and the console's pages load. The
 * password is in no log. A user without a password stops start-up naming the setting.
 */
class HawtioLoginIT {

    static final String ROUTES = "org.apache.camel:type=routes,*";
    static final String USER = "operator";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private String base;

    @Test
    void onlyTheOperatorLoginReadsCamelThroughHawtioAndJolokia() throws Exception {
        TestDatabases.fresh("catalyst_it_hawtio_login");
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = "pw-" + HexFormat.of().formatHex(random);
        Path logDir = Files.createTempDirectory("catalyst-hawtio-login");
        Map<String, String> env = Map.of(
                "DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/catalyst_it_hawtio_login",
                "CATALYST_HAWTIO_USER", USER,
                "CATALYST_HAWTIO_PASSWORD", password,
                "LOGGING_FILE_PATH", logDir.toString());
        Set<String> expected = RouteIds.fromYaml(Path.of("routes"));
        Path console;
        try (CatalystProcess app = CatalystProcess.start("hawtio-login", TestPorts.free(), env,
                "--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06",
                "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0")) {
            app.awaitHealth("healthy", ofSeconds(300));
            base = "http://127.0.0.1:" + app.port();
            console = app.log();

            // no credentials
            assertChallenged(jolokiaPost("/actuator/jolokia", null), "Jolokia POST without credentials");
            assertChallenged(get("/actuator/jolokia/search/" + ROUTES, null), "Jolokia GET without credentials");
            assertChallenged(jolokiaPost("/actuator/hawtio/jolokia", null), "Hawtio's Jolokia without credentials");
            assertChallenged(get("/actuator/hawtio/camel/routes", null), "a console page without credentials");

            // wrong credentials
            assertChallenged(jolokiaPost("/actuator/jolokia", basic(USER, password + "x")), "Jolokia with a wrong password");
            assertChallenged(jolokiaPost("/actuator/jolokia", basic("intruder", password)), "Jolokia with a wrong user");
            assertChallenged(get("/actuator/hawtio/", basic(USER, password.substring(1))), "the console with a wrong password");

            // the right ones
            HttpResponse<String> search = jolokiaPost("/actuator/jolokia", basic(USER, password));
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(routeIds(json.readTree(search.body()))).containsAll(expected);
            HttpResponse<String> viaHawtio = jolokiaPost("/actuator/hawtio/jolokia", basic(USER, password));
            assertThat(viaHawtio.statusCode()).as(viaHawtio.body()).isEqualTo(200);
            assertThat(routeIds(json.readTree(viaHawtio.body()))).containsAll(expected);
            HttpResponse<String> page = get("/actuator/hawtio/camel/routes", basic(USER, password));
            assertThat(page.statusCode()).as("a console page with the login").isEqualTo(200);
            assertThat(page.body()).doesNotContain(password);

            // the login guards the operator's side: health and, on loopback without a key, the trader's API stay open;
            // Prometheus takes the operator's login (or the scrape token)
            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            assertThat(app.get("/api/v1/trading/positions").statusCode()).isEqualTo(200);
            assertThat(app.get("/actuator/prometheus").statusCode()).isEqualTo(401);
            assertThat(get("/actuator/prometheus", basic(USER, password)).statusCode()).isEqualTo(200);
        }

        List<Path> logs = new ArrayList<>(List.of(console));
        try (Stream<Path> files = Files.list(logDir)) {
            files.forEach(logs::add);
        }
        assertThat(logs).hasSizeGreaterThanOrEqualTo(2);
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).as(log + " names the operator").contains("operator login required for '" + USER + "'");
            assertThat(text).as(log + " must not hold the password").doesNotContain(password).doesNotContain(password.substring(1));
        }
    }

    @Test
    void aMissingOperatorPasswordStopsStartUpNamingIt() throws Exception {
        TestDatabases.fresh("catalyst_it_hawtio_login");
        Map<String, String> env = Map.of(
                "DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/catalyst_it_hawtio_login",
                "CATALYST_HAWTIO_USER", USER);
        try (CatalystProcess app = CatalystProcess.start("hawtio-no-password", TestPorts.free(), env,
                "--catalyst.workflow.auto-start=false")) {
            assertThatThrownBy(() -> app.awaitHealth("healthy", ofSeconds(180)))
                    .hasMessageContaining("process exited")
                    .hasMessageContaining("CATALYST_HAWTIO_PASSWORD is not set");
        }
    }

    private static void assertChallenged(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm="));
        assertThat(response.body()).as(what).doesNotContain("org.apache.camel");
    }

    /** The route ids in the answer of a Jolokia read of every route MBean's RouteId. */
    private static Set<String> routeIds(JsonNode answer) {
        Set<String> ids = new TreeSet<>();
        answer.path("value").forEach(attributes -> ids.add(attributes.path("RouteId").asText()));
        return ids;
    }

    private HttpResponse<String> jolokiaPost(String path, String authorization) throws Exception {
        String body = json.writeValueAsString(Map.of("type", "read", "mbean", ROUTES, "attribute", List.of("RouteId", "ExchangesTotal")));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(with(request, authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return http.send(with(HttpRequest.newBuilder(URI.create(base + path)).GET(), authorization).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder with(HttpRequest.Builder request, String authorization) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
