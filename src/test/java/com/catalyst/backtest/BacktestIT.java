package com.catalyst.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Backtests over REST on the real PostgreSQL: a run started by POST answers its id at once and runs on its own; GET
 * shows its progress and result, and the HTML report for a browser; the trades, the equity samples and the figures are
 * in the V6 tables; the same run twice gives the same trades; bad input answers 400 or fails the run at once with what
 * is missing; a run that fails midway is marked failed and keeps what it had written.
 */
@CamelSpringBootTest
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability // the Prometheus endpoint: route counts
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.clock.speed=0",
        "catalyst.backtest.data-dir=data/pyalgotrade"})
class BacktestIT {

    static final Path FILES;

    static {
        try {
            FILES = Files.createTempDirectory("backtest-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_backtest"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        registry.add("catalyst.backtest.files-dir", FILES::toString);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BacktestDesk desk;
    @Autowired
    org.springframework.context.ConfigurableApplicationContext context;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** Exchanges each route has taken so far, as operators see them (camel_exchanges_total in /actuator/prometheus). */
    private Map<String, Long> routeExchanges(List<String> routes) throws Exception {
        var scrape = com.catalyst.ops.PrometheusScrape.of("http://127.0.0.1:" + port);
        Map<String, Long> out = new java.util.HashMap<>();
        for (String route : routes) {
            out.put(route, (long) scrape.value("camel_exchanges_total", "routeId=\"" + route + "\""));
        }
        return out;
    }

    @AfterEach
    void noInterceptor() {
        desk.intercept(null);
    }

    @Test
    void aRunStartedByPostShowsItsProgressItsResultAndItsReport() throws Exception {
        List<String> cycleRoutes = BacktestRoutesHarness.CYCLE_ROUTES;
        Map<String, Long> before = routeExchanges(cycleRoutes);
        HttpResponse<String> started = post("{\"strategy\":\"ema-cross\",\"symbols\":[\"spy\"],\"from\":\"2011-03-01\",\"to\":\"2011-03-31\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        long id = json.readTree(started.body()).get("run_id").asLong();

        JsonNode run = awaitEnd(id);
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("completed");
        assertThat(run.get("symbols")).extracting(JsonNode::asText).containsExactly("SPY");
        assertThat(run.get("progress").get("bars_done").asLong()).isEqualTo(23 * 390).isEqualTo(run.get("progress").get("bars_total").asLong());
        assertThat(run.get("progress").get("percent").asDouble()).isEqualTo(100.0);
        assertThat(run.get("timings").get("run_ms").isNumber()).isTrue();
        assertThat(run.get("parameters").get("ema_fast").asInt()).isEqualTo(9);
        assertThat(run.get("parameters").get("exit_mode").asText()).as("the live setting's default").isEqualTo("bracket");
        JsonNode result = run.get("result");
        long trades = jdbc.queryForObject("select count(*) from backtest_trades where run_id = ?", Long.class, id);
        assertThat(trades).isPositive();
        assertThat(result.get("trades_closed").asLong()).isEqualTo(trades).isEqualTo(run.get("trades_total").asLong());
        assertThat(result.get("realized_pnl").decimalValue())
                .isEqualByComparingTo(jdbc.queryForObject("select sum(realized_pnl) from backtest_trades where run_id = ?", java.math.BigDecimal.class, id));
        assertThat(result.get("sessions").asInt()).isEqualTo(23);
        // every cycle (ema-cross: every bar) went through the workflow's cycle route and each bundle's backtest route
        Map<String, Long> after = routeExchanges(cycleRoutes);
        assertThat(result.get("cycles").asLong()).isEqualTo(23 * 390);
        for (String route : cycleRoutes) {
            assertThat(after.get(route) - before.get(route)).as(route).isEqualTo(result.get("cycles").asLong());
        }
        assertThat(run.get("trades")).hasSize((int) trades);
        assertThat(run.get("equity_curve")).hasSize(23);
        assertThat(jdbc.queryForObject("select count(*) from backtest_equity where run_id = ?", Long.class, id)).isEqualTo(23);

        HttpResponse<String> page = get("/api/v1/backtests/" + id, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Catalyst backtest " + id, "id=\"equity-chart\"", "id=\"drawdown-chart\"",
                "id=\"session-equity-chart\"", "id=\"trades\"", "ema_cross");
        assertThat(page.body().split("<tr><td>", -1)).hasSize((int) trades + 1);
    }

    @Test
    void theSameRunTwiceGivesTheSameTradesAndEquity() throws Exception {
        String body = "{\"symbols\":[\"SPY\"],\"from\":\"2011-01-03\",\"to\":\"2011-01-31\"}";
        long first = json.readTree(post(body).body()).get("run_id").asLong();
        long second = json.readTree(post(body).body()).get("run_id").asLong();
        assertThat(awaitEnd(first).get("status").asText()).isEqualTo("completed");
        assertThat(awaitEnd(second).get("status").asText()).isEqualTo("completed");
        String trades = "select trade_no, symbol, pattern_type, quantity, entry_time, entry_bar, entry_price, exit_time, exit_bar, exit_price, "
                + "exit_reason, stop_price, target_price, commission, realized_pnl from backtest_trades where run_id = ? order by trade_no";
        List<Map<String, Object>> a = jdbc.queryForList(trades, first);
        assertThat(a).isNotEmpty().isEqualTo(jdbc.queryForList(trades, second));
        String equity = "select point_no, at, equity, cash, drawdown from backtest_equity where run_id = ? order by point_no";
        assertThat(jdbc.queryForList(equity, first)).hasSize(20).isEqualTo(jdbc.queryForList(equity, second));
    }

    @Test
    void badInputAnswers400OrEndsTheRunAtOnceNamingWhatIsMissing() throws Exception {
        HttpResponse<String> strategy = post("{\"strategy\":\"martingale\"}");
        assertThat(strategy.statusCode()).isEqualTo(400);
        assertThat(json.readTree(strategy.body()).get("field").asText()).isEqualTo("strategy");
        HttpResponse<String> missing = post("{\"file\":\"nowhere.csv\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json.readTree(missing.body()).get("error").asText()).contains("nowhere.csv").contains("does not exist");
        assertThat(post("{\"from\":\"2011-13-01\"}").statusCode()).isEqualTo(400);
        assertThat(post("{\"from\":\"2011-03-02\",\"to\":\"2011-03-01\"}").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/backtests/999999", "application/json").statusCode()).isEqualTo(404);
        // the exit mode: each field named with its range, nothing queued
        String[][] exits = {{"{\"exit_mode\":\"trailing\"}", "exit_mode", "bracket, trailing-percent or trailing-atr"},
                {"{\"exit_mode\":\"trailing-percent\",\"trail_percent\":0}", "trail_percent", "between 0.1 and 50"},
                {"{\"exit_mode\":\"trailing-atr\",\"trail_atr_multiple\":21}", "trail_atr_multiple", "between 0.1 and 20"}};
        for (String[] e : exits) {
            HttpResponse<String> answer = post(e[0]);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
            assertThat(json.readTree(answer.body()).get("field").asText()).isEqualTo(e[1]);
            assertThat(json.readTree(answer.body()).get("error").asText()).contains("'" + e[1] + "'").contains(e[2]);
        }

        assertFailsAtOnce("{\"symbols\":[\"NOPE\"]}", "unknown symbol NOPE");
        assertFailsAtOnce("{\"from\":\"2012-01-01\",\"to\":\"2012-01-31\"}", "no bars between 2012-01-01 and 2012-01-31");
        Files.write(FILES.resolve("broken.csv"), List.of("symbol,time,open,high,low,close,volume",
                "SPY,2011-01-03T14:31:00Z,127.0,127.2,126.9,127.1,1000", "SPY,2011-01-03T14:32:00Z,127.1,oops,127.0,127.2,900"));
        assertFailsAtOnce("{\"file\":\"broken.csv\"}", "broken.csv line 3: high is not a number");
    }

    static final String SECRET = "ALPACA_SECRET_KEY=backtest-it-secret-0123456789abcdef";

    @Test
    void aFileOrFolderOutsideItsFolderIsRefusedAndNoAnswerQuotesAFileOrSaysWhereTheFoldersAre() throws Exception {
        Path envExample = Path.of("compose/.env.example").toAbsolutePath();
        assertThat(envExample).exists();
        Files.deleteIfExists(FILES.resolve("escape.csv"));
        Files.createSymbolicLink(FILES.resolve("escape.csv"), envExample);
        Files.write(FILES.resolve("secret.csv"), List.of(SECRET, "SPY,2011-01-03T14:31:00Z,1,2,0.5,1.5,100"));
        Files.write(FILES.resolve("secret.env"), List.of(SECRET));
        List<String> hidden = List.of(SECRET, "backtest-it-secret", FILES.toString(), FILES.toRealPath().toString(),
                Path.of("").toAbsolutePath().toString(), Path.of("data/pyalgotrade").toRealPath().toString());
        String[][] refused = {
                {"{\"file\":\"compose/.env.example\"}", "file", "not a .csv file"},
                {"{\"file\":\"../../compose/.env.example\"}", "file", "'..'"},
                {"{\"file\":\"" + envExample + "\"}", "file", "not an absolute one"},
                {"{\"file\":\"escape.csv\"}", "file", "escape.csv lies outside catalyst.backtest.files-dir"},
                {"{\"file\":\"secret.env\"}", "file", "secret.env is not a .csv file"},
                {"{\"data_dir\":\"../../compose\"}", "data_dir", "'..'"},
                {"{\"data_dir\":\"" + Path.of("compose").toAbsolutePath() + "\"}", "data_dir", "not an absolute one"},
                {"{\"data_dir\":\"nowhere\"}", "data_dir", "nowhere does not exist in catalyst.backtest.data-dir"}};
        for (String[] r : refused) {
            HttpResponse<String> answer = post(r[0]);
            assertThat(answer.statusCode()).as(r[0] + " → " + answer.body()).isEqualTo(400);
            JsonNode body = json.readTree(answer.body());
            assertThat(body.get("field").asText()).as(r[0]).isEqualTo(r[1]);
            assertThat(body.get("error").asText()).as(r[0]).contains(r[2]);
            for (String h : hidden) {
                assertThat(answer.body()).as(r[0]).doesNotContain(h);
            }
        }
        // a .csv file inside whose first line is a secret: the run fails naming the file and the line, never quoting it
        HttpResponse<String> started = post("{\"file\":\"secret.csv\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = json.readTree(started.body()).get("run_id").asLong();
        JsonNode run = awaitEnd(id);
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).isEqualTo("secret.csv line 1: expected the header symbol,time,open,high,low,close,volume "
                + "(or NinjaTrader rows)");
        String stored = jdbc.queryForObject("select coalesce(error, '') || ' ' || source || ' ' || parameters::text from backtest_runs where run_id = ?",
                String.class, id);
        String page = get("/api/v1/backtests/" + id, "text/html").body();
        for (String h : hidden) {
            assertThat(run.toString()).doesNotContain(h);
            assertThat(stored).doesNotContain(h);
            assertThat(page).doesNotContain(h);
        }
    }

    @Test
    void aFullQueueAnswers429WithRetryAfterUntilARunEnds() throws Exception {
        awaitNoRunPending();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        desk.intercept(new BacktestListener() {
            @Override
            public void progress(long barsDone, long barsTotal) {
                try {
                    release.await(2, java.util.concurrent.TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        String day = "{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-03-01\",\"to\":\"2011-03-01\"}";
        List<Long> ids = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) { // catalyst.backtest.max-runs: 4 by default, the one running included
                HttpResponse<String> accepted = post(day);
                assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
                ids.add(json.readTree(accepted.body()).get("run_id").asLong());
            }
            long runs = jdbc.queryForObject("select count(*) from backtest_runs", Long.class);
            HttpResponse<String> full = post(day);
            assertThat(full.statusCode()).as(full.body()).isEqualTo(429);
            assertThat(full.headers().firstValue("Retry-After")).hasValue(String.valueOf(BacktestDesk.QUEUE_FULL_RETRY_SECONDS));
            assertThat(full.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode body = json.readTree(full.body());
            assertThat(body.get("error").asText()).contains("backtest queue is full", "catalyst.backtest.max-runs");
            assertThat(body.get("retry_after_seconds").asLong()).isEqualTo(BacktestDesk.QUEUE_FULL_RETRY_SECONDS);
            assertThat(jdbc.queryForObject("select count(*) from backtest_runs", Long.class)).as("a refused run is not recorded").isEqualTo(runs);
        } finally {
            release.countDown();
        }
        for (long id : ids) {
            assertThat(awaitEnd(id).get("status").asText()).isEqualTo("completed");
        }
        awaitNoRunPending();
        HttpResponse<String> again = post(day);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(awaitEnd(json.readTree(again.body()).get("run_id").asLong()).get("status").asText()).isEqualTo("completed");
    }

    /** A run's place in the queue is given back just after its end is recorded. */
    private void awaitNoRunPending() {
        org.awaitility.Awaitility.await("backtest runs still pending").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> desk.runsPending() == 0);
    }

    @Test
    void aRunThatFailsMidwayIsMarkedFailedWithWhatItHadDone() throws Exception {
        desk.intercept(new BacktestListener() {
            @Override
            public void progress(long barsDone, long barsTotal) {
                if (barsDone >= 8000) {
                    throw new IllegalStateException("injected failure after " + barsDone + " bars");
                }
            }
        });
        long id = json.readTree(post("{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"]}").body()).get("run_id").asLong();
        JsonNode run = awaitEnd(id);
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).startsWith("injected failure after");
        long done = run.get("progress").get("bars_done").asLong();
        assertThat(done).isGreaterThanOrEqualTo(8000).isLessThan(run.get("progress").get("bars_total").asLong());
        long kept = jdbc.queryForObject("select count(*) from backtest_trades where run_id = ?", Long.class, id);
        assertThat(kept).as("the trades closed before the failure are kept").isPositive();
        assertThat(jdbc.queryForObject("select max(exit_bar) from backtest_trades where run_id = ?", Long.class, id)).isLessThan(done);
        assertThat(run.get("trades")).hasSize((int) kept);
        assertThat(get("/api/v1/backtests/" + id, "text/html").body()).contains("injected failure after", "failed");
    }

    @Test
    void aRunLeftRunningByAStopIsFailedAtTheNextStartWithWhatItWroteKept() throws Exception {
        long id = jdbc.queryForObject("insert into backtest_runs (strategy, parameters, source, status, bars_done) values "
                + "('pattern', '{}', 'folder data', 'running', 1234) returning run_id", Long.class);
        jdbc.update("insert into backtest_trades (run_id, trade_no, symbol, quantity, entry_time, entry_bar, entry_price, exit_time, exit_bar,"
                + " exit_price, realized_pnl) values (?, 1, 'SPY', 10, now(), 5, 100, now(), 9, 101, 10)", id);
        desk.failInterrupted(new org.springframework.boot.context.event.ApplicationReadyEvent(new org.springframework.boot.SpringApplication(),
                new String[0], context, Duration.ZERO));
        JsonNode run = json.readTree(get("/api/v1/backtests/" + id, "application/json").body());
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).startsWith("interrupted");
        assertThat(run.get("progress").get("bars_done").asLong()).isEqualTo(1234);
        assertThat(run.get("trades")).hasSize(1);
    }

    @Test
    void theScriptPrintsProgressAndTheResultAndExitsNonZeroOnFailure() throws Exception {
        Script ok = script("strategy=ema-cross", "symbols=SPY", "from=2011-03-01", "to=2011-03-04");
        assertThat(ok.exit).as(ok.output).isZero();
        assertThat(ok.output).contains("queued", "completed: 4 sessions, 1,560 bars", "trades ", "realized P&L");
        assertThat(ok.output).containsPattern("(running|completed) +1,560 / 1,560 bars \\(100.0 %\\)");
        Script failed = script("symbols=NOPE");
        assertThat(failed.exit).as(failed.output).isEqualTo(1);
        assertThat(failed.output).contains("failed: unknown symbol NOPE");
        Script refused = script("strategy=martingale");
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.output).contains("refused (400)", "'strategy' must be pattern or ema-cross");
    }

    private record Script(int exit, String output) {
    }

    private Script script(String... pairs) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("scripts/backtest.sh", "--url", "http://127.0.0.1:" + port));
        command.addAll(List.of(pairs));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        return new Script(process.exitValue(), output);
    }

    private void assertFailsAtOnce(String body, String message) throws Exception {
        HttpResponse<String> started = post(body);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        JsonNode run = awaitEnd(json.readTree(started.body()).get("run_id").asLong());
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).contains(message);
        assertThat(run.get("progress").get("bars_done").asLong()).isZero();
    }

    private JsonNode awaitEnd(long id) throws Exception {
        JsonNode[] last = new JsonNode[1];
        org.awaitility.Awaitility.await("run " + id + " to end").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    last[0] = json.readTree(get("/api/v1/backtests/" + id, "application/json").body());
                    String status = last[0].get("status").asText();
                    return status.equals("completed") || status.equals("failed");
                });
        return last[0];
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/backtests"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
