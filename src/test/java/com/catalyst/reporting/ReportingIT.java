package com.catalyst.reporting;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import com.catalyst.testsupport.Chromium;
import com.catalyst.testsupport.ColourBand;
import com.catalyst.testsupport.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The reporting API over real PostgreSQL: the fixture of PerformanceCalculatorTest stored as positions, read back
 * through the routes as JSON, and as an HTML page rendered by headless Chromium whose screenshot must show the charts.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.clock.session-date=2026-01-06",
        "catalyst.clock.speed=0"})
class ReportingIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_reporting"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
    }

    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** Six closed trades over 5–7 January 2026 and two open positions, as in PerformanceCalculatorTest. */
    @BeforeEach
    void fixture() {
        jdbc.execute("truncate orders, fills, positions, performance_daily, cycle_reports, trading_cycles restart identity cascade");
        jdbc.update("insert into trading_cycles (cycle_id, mode, status) values ('20260106-001', 'normal', 'completed')");
        closed(null, "2026-01-05T15:00:00Z", "AAPL", "bull_flag", "300.00");
        closed(null, "2026-01-05T16:00:00Z", "MSFT", "breakout", "-100.00");
        closed("20260106-001", "2026-01-06T15:00:00Z", "AAPL", "breakout", "-250.00");
        closed("20260106-001", "2026-01-06T16:00:00Z", "TSLA", "bull_flag", "50.00");
        closed(null, "2026-01-07T15:00:00Z", "MSFT", "bull_flag", "200.00");
        closed(null, "2026-01-07T16:00:00Z", "TSLA", null, "0.00");
        open("NVDA", 10, "100.00", "25.50");
        open("AMD", 20, "50.25", "-10.00");
    }

    private void closed(String cycle, String closedAt, String symbol, String pattern, String pnl) {
        jdbc.update("insert into positions (cycle_id, security_id, side, quantity, entry_price, exit_price, status, opened_at, closed_at,"
                        + " realized_pnl, pattern_type) values (?, get_or_create_security(?), 'long', 10, 100, 100, 'closed',"
                        + " cast(? as timestamptz) - interval '10 minutes', cast(? as timestamptz), cast(? as numeric), ?)",
                cycle, symbol, closedAt, closedAt, pnl, pattern);
    }

    private void open(String symbol, int quantity, String entry, String unrealized) {
        jdbc.update("insert into positions (security_id, side, quantity, entry_price, status, opened_at, unrealized_pnl)"
                        + " values (get_or_create_security(?), 'long', ?, cast(? as numeric), 'open', '2026-01-07T14:00:00Z', cast(? as numeric))",
                symbol, quantity, entry, unrealized);
    }

    @Test
    void aDayAnswersItsFiguresAsJson() throws Exception {
        HttpResponse<String> response = get("/api/v1/reporting/daily/2026-01-06", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode day = json.readTree(response.body());
        assertThat(day.get("trades_closed").asInt()).isEqualTo(2);
        assertThat(day.get("realized_pnl").decimalValue()).isEqualByComparingTo("-200.00");    // −250 + 50
        assertThat(day.get("win_rate").asDouble()).isEqualTo(0.5);
        assertThat(day.get("average_win").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(day.get("average_loss").decimalValue()).isEqualByComparingTo("-250.00");
        assertThat(day.get("profit_factor").asDouble()).isEqualTo(0.2);                        // 50 / 250
        assertThat(day.get("expectancy").decimalValue()).isEqualByComparingTo("-100.00");      // −200 / 2
        assertThat(day.get("max_drawdown").decimalValue()).isEqualByComparingTo("250.00");     // 0 → −250
        assertThat(day.get("sharpe").isNull()).as("one day: Sharpe undefined").isTrue();
        assertThat(day.get("open_positions").asInt()).as("NVDA and AMD opened on the 7th").isZero();
        assertThat(day.get("by_symbol")).extracting(n -> n.get("key").asText()).containsExactly("AAPL", "TSLA");
        assertThat(day.get("by_pattern")).extracting(n -> n.get("key").asText()).containsExactly("breakout", "bull_flag");
    }

    @Test
    void aPeriodAnswersTheHandComputedFigures() throws Exception {
        JsonNode period = json.readTree(get("/api/v1/reporting/performance?from=2026-01-05&to=2026-01-07", "application/json").body());
        assertThat(period.get("trades_closed").asInt()).isEqualTo(6);
        assertThat(period.get("realized_pnl").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(period.get("unrealized_pnl").decimalValue()).isEqualByComparingTo("15.50");
        assertThat(period.get("exposure").decimalValue()).isEqualByComparingTo("2005.00");
        assertThat(period.get("max_drawdown").decimalValue()).isEqualByComparingTo("350.00");
        // returns ±0.002 on 100 000: Sharpe and Sortino do not depend on the capital's scale (√756/6, √756/3)
        assertThat(period.get("sharpe").asDouble()).isCloseTo(4.582576, within(1e-6));
        assertThat(period.get("sortino").asDouble()).isCloseTo(9.165151, within(1e-6));
        assertThat(period.get("by_pattern")).extracting(n -> n.get("key").asText()).containsExactly("breakout", "bull_flag", "none");
    }

    @Test
    void aCycleReportsTheTradesItOpened() throws Exception {
        JsonNode cycle = json.readTree(get("/api/v1/reporting/cycles/20260106-001", "application/json").body());
        assertThat(cycle.get("scope").asText()).isEqualTo("20260106-001");
        assertThat(cycle.get("trades_closed").asInt()).isEqualTo(2);
        assertThat(cycle.get("realized_pnl").decimalValue()).isEqualByComparingTo("-200.00");
    }

    @Test
    void aDayWithoutTradesIsAnEmptyReport() throws Exception {
        HttpResponse<String> response = get("/api/v1/reporting/daily/2026-01-10", "application/json");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode day = json.readTree(response.body());
        assertThat(day.get("trades_closed").asInt()).isZero();
        assertThat(day.get("realized_pnl").decimalValue()).isEqualByComparingTo("0");
        assertThat(day.get("trades")).isEmpty();
        assertThat(day.get("by_symbol")).isEmpty();
    }

    @Test
    void aMalformedDateIsA400NamingTheFormat() throws Exception {
        for (String bad : List.of("2026-13-01", "06-01-2026", "yesterday")) {
            HttpResponse<String> response = get("/api/v1/reporting/daily/" + bad, "application/json");
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("error").asText()).contains("YYYY-MM-DD");
            assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo("date");
        }
        HttpResponse<String> noTo = get("/api/v1/reporting/performance?from=2026-01-05", "application/json");
        assertThat(noTo.statusCode()).isEqualTo(400);
        assertThat(noTo.body()).contains("'to'", "YYYY-MM-DD");
        assertThat(get("/api/v1/reporting/performance?from=2026-01-07&to=2026-01-05", "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void aBrowserGetsAPageWhoseChartsChromiumDraws() throws Exception {
        String path = "/api/v1/reporting/daily/2026-01-06";
        HttpResponse<String> page = get(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).doesNotContain("http://cdn", "https://");

        String chromium = Chromium.binary();
        Path profile = Chromium.newProfile();
        Path screenshot = profile.resolve("report.png");
        String url = "http://127.0.0.1:" + port + path;
        // the DOM after Chromium parsed it: the three charts are real SVG elements with their shapes
        String dom = Chromium.run(chromium, profile, "--dump-dom", url);
        assertThat(dom).contains("<svg id=\"equity-chart\"", "<svg id=\"drawdown-chart\"", "<svg id=\"trades-chart\"", "<polyline", "<rect class=\"bar\"");
        assertThat(dom).contains("<table id=\"trades\"", "AAPL", "TSLA");

        Chromium.run(chromium, profile, "--screenshot=" + screenshot, "--window-size=1200,1600", url);
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("screenshot written").isNotNull();
        ColourBand equity = ColourBand.of(image, ReportPage.EQUITY_COLOUR);
        ColourBand drawdown = ColourBand.of(image, ReportPage.DRAWDOWN_COLOUR);
        ColourBand gains = ColourBand.of(image, ReportPage.GAIN_COLOUR);
        ColourBand losses = ColourBand.of(image, ReportPage.LOSS_COLOUR);
        assertThat(equity.pixels()).as("equity line drawn").isGreaterThan(200);
        assertThat(drawdown.pixels()).as("drawdown line drawn").isGreaterThan(200);
        assertThat(gains.pixels()).as("winning trade bar").isGreaterThan(100);
        assertThat(losses.pixels()).as("losing trade bar").isGreaterThan(100);
        // each chart in its own region, top to bottom: equity above drawdown above the trade bars
        assertThat(equity.bottom()).isLessThan(drawdown.top());
        assertThat(drawdown.bottom()).isLessThan(Math.min(gains.top(), losses.top()));
        Chromium.deleteProfile(profile);
    }

    @Test
    void acceptTextHtmlAloneGetsThePage() throws Exception {
        for (String path : List.of("/api/v1/reporting/daily/2026-01-06", "/api/v1/reporting/performance?from=2026-01-05&to=2026-01-07",
                "/api/v1/reporting/cycles/20260106-001")) {
            HttpResponse<String> page = get(path, "text/html");
            assertThat(page.statusCode()).as(path + ": " + page.body()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<svg id=\"equity-chart\"");
        }
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
