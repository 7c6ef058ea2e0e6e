package com.catalyst.security;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.catalyst.testsupport.CatalystProcess;
import com.catalyst.testsupport.Chromium;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.testsupport.TestPorts;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

/**
 * The trader's laptop: Catalyst on 127.0.0.1 without a key, and a page from another origin (served here from
 * 127.0.0.2, which is not in the allowed origins) open in a real headless Chromium. The page tries every way a page
 * can send a write: fetch with text/plain and without CORS, fetch with JSON (a preflight), a beacon, HTML form posts
 * (text/plain, urlencoded), and a cross-origin read. Catalyst refuses each one it receives and nothing changes: no
 * cycle, no order, no limit change, trading still stopped. The local command line (no Origin, JSON) keeps working,
 * and a request for another Host name (DNS rebinding) is refused.
 */
class CrossSiteBrowserIT {

    static final String DB = "catalyst_it_cross_site";
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPageOnAnotherOriginChangesNothing() throws Exception {
        TestDatabases.fresh(DB);
        int port = TestPorts.free();
        String app = "http://127.0.0.1:" + port;
        try (CatalystProcess catalyst = CatalystProcess.start("cross-site", port,
                Map.of("DATABASE_URL", "postgresql://" + TestDatabases.USER + "@" + TestDatabases.SERVER + "/" + DB),
                "--catalyst.workflow.auto-start=false", "--catalyst.clock.session-date=2026-01-06",
                "--catalyst.clock.start-time=11:00", "--catalyst.clock.speed=0")) {
            catalyst.awaitHealth("healthy", ofSeconds(300));

            String page = new String(getClass().getResourceAsStream("/security/cross-site-attack.html").readAllBytes(), StandardCharsets.UTF_8)
                    .replace("__APP__", app);
            CompletableFuture<String> report = new CompletableFuture<>();
            HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
            attacker.createContext("/attack.html", exchange -> {
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            attacker.createContext("/report", exchange -> {
                report.complete(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            attacker.start();
            String dom;
            try {
                // virtual time runs the page's timers at once and waits for its network requests
                dom = Chromium.run(Chromium.binary(), Files.createTempDirectory("catalyst-chromium"), "--virtual-time-budget=20000",
                        "--dump-dom", "http://127.0.0.2:" + attacker.getAddress().getPort() + "/attack.html");
            } finally {
                attacker.stop(0);
            }

            String outcomes = report.getNow(null);
            assertThat(outcomes).as("the page ran its attempts and reported (DOM: " + dom + ")").isNotNull();
            assertThat(outcomes).contains("start-text-plain", "execute-text-plain", "order-form submitted", "start-form submitted");
            // a CORS read gets no CORS headers, and the preflighted JSON writes never leave the browser
            assertThat(outcomes).contains("account-read failed TypeError", "order-json failed TypeError", "limits-put-json failed TypeError");

            // Catalyst saw the attempts and refused them by their Origin
            long refused = Files.readAllLines(catalyst.log()).stream().filter(l -> l.contains("from Origin http://127.0.0.2:")).count();
            assertThat(refused).as("requests refused by Origin, in " + catalyst.log()).isGreaterThanOrEqualTo(9);

            // and nothing changed
            HttpResponse<String> status = catalyst.get("/api/v1/workflow/status");
            assertThat(status.body()).contains("\"trading\":\"stopped\"");
            try (Connection c = DriverManager.getConnection(TestDatabases.url(DB), TestDatabases.USER, "")) {
                for (String table : List.of("trading_cycles", "orders", "positions", "risk_decisions", "risk_limit_changes")) {
                    try (ResultSet rows = c.createStatement().executeQuery("select count(*) from " + table)) {
                        rows.next();
                        assertThat(rows.getLong(1)).as(table).isZero();
                    }
                }
            }

            // the command line keeps working: no Origin, a JSON body
            HttpResponse<String> limits = http.send(HttpRequest.newBuilder(URI.create(app + "/api/v1/risk/limits"))
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"max_open_positions\": 4}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(limits.statusCode()).as(limits.body()).isEqualTo(200);
            // a body that is not JSON is refused (415), from anyone
            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(app + "/api/v1/risk/limits"))
                    .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("{\"max_open_positions\": 3}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).as(plain.body()).isEqualTo(415);
            // an allowed origin (a local tool on localhost) may write
            HttpResponse<String> local = http.send(HttpRequest.newBuilder(URI.create(app + "/api/v1/workflow/status"))
                    .header("Origin", "http://localhost:6274").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(local.statusCode()).isEqualTo(200);
            // DNS rebinding: a page of evil.example resolved to 127.0.0.1 sends its own Host name
            assertThat(rawGet(port, "evil.example:" + port, "/api/v1/trading/account")).startsWith("HTTP/1.1 403");
            assertThat(rawGet(port, "localhost:" + port, "/api/v1/trading/account")).startsWith("HTTP/1.1 200");
        }
    }

    /** A GET with the given Host header (which java.net.http will not let a caller set). */
    static String rawGet(int port, String host, String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
