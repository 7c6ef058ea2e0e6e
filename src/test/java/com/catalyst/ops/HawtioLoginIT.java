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
import com.catalyst.testsupport.TestRedis;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Hawtio behind its login, as compose runs it (HAWTIO_AUTHENTICATION_ENABLED=true, -Dhawtio.authenticationEnabled=true,
 * the operator login from CATALYST_HAWTIO_USER / CATALYST_HAWTIO_PASSWORD): the packaged jar as a process. Without
 * credentials or with wrong ones Jolokia refuses and the console sends to its login page; with the right ones Jolokia
 * lists every Camel route and Hawtio's login opens a session that reads them too. The password is in no log.
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
                "HAWTIO_AUTHENTICATION_ENABLED", "true",
                "CATALYST_HAWTIO_USER", USER,
                "CATALYST_HAWTIO_PASSWORD", password,
                "LOGGING_FILE_PATH", logDir.toString());
        Set<String> expected = RouteIds.fromYaml(Path.of("routes"));
        Path console;
        try (CatalystProcess app = CatalystProcess.start("hawtio-login", TestRedis.freePort(), env,
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dhawtio.authenticationEnabled=true"),
                "--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06",
                "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0")) {
            app.awaitHealth("healthy", ofSeconds(300));
            base = "http://127.0.0.1:" + app.port();
            console = app.log();

            // no credentials
            assertRefused(jolokiaPost("/actuator/jolokia", null, null), "Jolokia POST without credentials");
            assertRefused(get("/actuator/jolokia/search/" + ROUTES, null, null), "Jolokia GET without credentials");
            assertRefused(jolokiaPost("/actuator/hawtio/jolokia", null, null), "Hawtio's Jolokia without a session");
            HttpResponse<String> page = get("/actuator/hawtio/camel/routes", null, null);
            assertThat(page.statusCode()).as("a console page without a session").isBetween(300, 399);
            assertThat(page.headers().firstValue("Location").orElse("")).endsWith("/actuator/hawtio/login");

            // wrong credentials (two per user name: a third in a row would be throttled)
            assertRefused(jolokiaPost("/actuator/jolokia", basic(USER, password + "x"), null), "Jolokia with a wrong password");
            assertRefused(jolokiaPost("/actuator/jolokia", basic("intruder", password), null), "Jolokia with a wrong user");
            HttpResponse<String> badLogin = login(USER, password.substring(1));
            assertThat(badLogin.statusCode()).as("Hawtio login with a wrong password").isEqualTo(403);
            assertThat(badLogin.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));

            // the right ones: Basic auth on Jolokia
            HttpResponse<String> search = jolokiaPost("/actuator/jolokia", basic(USER, password), null);
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(routeIds(json.readTree(search.body()))).containsAll(expected);

            // the right ones: Hawtio's login form, then its session
            HttpResponse<String> goodLogin = login(USER, password);
            assertThat(goodLogin.statusCode()).as(goodLogin.body()).isEqualTo(200);
            assertThat(goodLogin.body()).doesNotContain(password);
            String session = goodLogin.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + goodLogin.headers()));
            HttpResponse<String> user = get("/actuator/hawtio/user", null, session);
            assertThat(user.statusCode()).isEqualTo(200);
            assertThat(user.body()).contains(USER);
            HttpResponse<String> viaHawtio = jolokiaPost("/actuator/hawtio/jolokia", null, session);
            assertThat(viaHawtio.statusCode()).as(viaHawtio.body()).isEqualTo(200);
            assertThat(routeIds(json.readTree(viaHawtio.body()))).containsAll(expected);
            assertThat(get("/actuator/hawtio/camel/routes", null, session).statusCode()).as("a console page with the session").isEqualTo(200);

            // the login guards Hawtio only: the API and health stay as they were
            assertThat(app.get("/health").statusCode()).isEqualTo(200);
            assertThat(app.get("/actuator/prometheus").statusCode()).isEqualTo(200);
        }

        List<Path> logs = new ArrayList<>(List.of(console));
        try (Stream<Path> files = Files.list(logDir)) {
            files.forEach(logs::add);
        }
        assertThat(logs).hasSizeGreaterThanOrEqualTo(2);
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(text).as(log + " names the operator").contains("Hawtio login on: the JAAS realm admits operator '" + USER + "'");
            assertThat(text).as(log + " must not hold the password").doesNotContain(password).doesNotContain(password.substring(1));
        }
    }

    @Test
    void aMissingOperatorPasswordStopsStartUpNamingIt() throws Exception {
        TestDatabases.fresh("catalyst_it_hawtio_login");
        Map<String, String> env = Map.of(
                "DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/catalyst_it_hawtio_login",
                "HAWTIO_AUTHENTICATION_ENABLED", "true",
                "CATALYST_HAWTIO_USER", USER);
        try (CatalystProcess app = CatalystProcess.start("hawtio-no-password", TestRedis.freePort(), env,
                "--catalyst.workflow.auto-start=false")) {
            assertThatThrownBy(() -> app.awaitHealth("healthy", ofSeconds(180)))
                    .hasMessageContaining("process exited")
                    .hasMessageContaining("CATALYST_HAWTIO_PASSWORD is not set");
        }
    }

    private static void assertRefused(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isIn(401, 403);
        assertThat(response.body()).as(what).doesNotContain("org.apache.camel");
    }

    /** The route ids in the answer of a Jolokia read of every route MBean's RouteId. */
    private static Set<String> routeIds(JsonNode answer) {
        Set<String> ids = new TreeSet<>();
        answer.path("value").forEach(attributes -> ids.add(attributes.path("RouteId").asText()));
        return ids;
    }

    private HttpResponse<String> jolokiaPost(String path, String authorization, String cookie) throws Exception {
        String body = json.writeValueAsString(Map.of("type", "read", "mbean", ROUTES, "attribute", List.of("RouteId", "ExchangesTotal")));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(with(request, authorization, cookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String authorization, String cookie) throws Exception {
        return http.send(with(HttpRequest.newBuilder(URI.create(base + path)).GET(), authorization, cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        String body = json.writeValueAsString(Map.of("username", user, "password", password));
        return http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/hawtio/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder with(HttpRequest.Builder request, String authorization, String cookie) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return request;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
