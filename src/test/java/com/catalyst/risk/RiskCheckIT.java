package com.catalyst.risk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.math.BigDecimal;
import java.util.Map;

import com.catalyst.desk.RiskLimitsBook;
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

/**
 * {@code POST /api/v1/risk/check} on the real PostgreSQL: a proposed trade is answered with the decision, its reason
 * and numbers, and recorded; bad input is a 400 naming the field; the kill switch refuses and records one event a day.
 * {@code /api/v1/risk/limits}: a run-time change is checked, recorded, in force for the next decision and found again
 * by a restart; a bad one changes nothing.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.clock.session-date=2026-01-06",
        "catalyst.clock.start-time=11:00",
        "catalyst.clock.speed=0"})
class RiskCheckIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_risk_check"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
    }

    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String symbol;

    @BeforeEach
    void emptyRecord() throws Exception {
        // the securities master is loaded by a start-up route: wait for it
        for (int i = 0; i < 600 && jdbc.queryForObject("select count(*) from securities", Integer.class) == 0; i++) {
            Thread.sleep(100);
        }
        // back to the configured limits (the book keeps them in memory), then an empty record
        assertThat(send("DELETE", "/api/v1/risk/limits", null).statusCode()).isEqualTo(200);
        jdbc.execute("truncate trading_cycles, risk_decisions, risk_events, orders, fills, positions, risk_limit_changes restart identity cascade");
        symbol = jdbc.queryForObject("select symbol from securities order by symbol limit 1", String.class);
    }

    @Test
    void aProposedTradeIsDecidedExplainedAndRecorded() throws Exception {
        HttpResponse<String> sized = check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":50.00}");
        assertThat(sized.statusCode()).as(sized.body()).isEqualTo(200);
        JsonNode decision = json.readTree(sized.body());
        assertThat(decision.get("verdict").asText()).isIn("approved", "resized");
        assertThat(decision.get("approved_quantity").asInt()).isPositive();
        assertThat(decision.get("reason").asText()).isNotBlank();
        assertThat(decision.get("numbers").has("risk_budget")).isTrue();
        assertThat(decision.get("numbers").has("exposure_limit")).isTrue();

        // the trader's own stop and quantity: risk only cuts the quantity to the limits
        JsonNode asked = json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"long\",\"entry_price\":50,\"stop_price\":49,\"quantity\":100000}").body());
        assertThat(asked.get("verdict").asText()).isEqualTo("resized");
        assertThat(asked.get("requested_quantity").asInt()).isEqualTo(100000);
        assertThat(asked.get("approved_quantity").asInt()).isLessThanOrEqualTo(1000);
        assertThat(asked.get("stop_price").decimalValue()).isEqualByComparingTo("49");

        assertThat(jdbc.queryForObject("select count(*) from risk_decisions where cycle_id is null", Integer.class)).isEqualTo(2);
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        assertField(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":50,\"quantity\":0}"), "quantity");
        assertField(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":50,\"quantity\":-5}"), "quantity");
        assertField(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":50,\"quantity\":\"many\"}"), "quantity");
        assertField(check("{\"symbol\":\"NOSUCH\",\"side\":\"buy\",\"entry_price\":50}"), "symbol");
        assertField(check("{\"symbol\":\"not a symbol\",\"side\":\"buy\",\"entry_price\":50}"), "symbol");
        assertField(check("{\"symbol\":\"" + symbol + "\",\"side\":\"sideways\",\"entry_price\":50}"), "side");
        assertField(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":-1}"), "entry_price");
        assertField(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":50,\"stop_price\":51}"), "stop_price");
        assertThat(jdbc.queryForObject("select count(*) from risk_decisions", Integer.class)).isZero();
    }

    @Test
    void theKillSwitchRefusesEntriesAndRecordsOneEventADay() throws Exception {
        jdbc.update("insert into trading_cycles (cycle_id, mode, status) values ('20260106-001', 'normal', 'completed')");
        jdbc.update("insert into positions (cycle_id, security_id, side, quantity, entry_price, exit_price, status, opened_at, closed_at,"
                + " realized_pnl) values ('20260106-001', get_or_create_security(?), 'long', 100, 50, 20, 'closed', now(), now(), -3000)", symbol);

        for (int i = 0; i < 3; i++) {
            JsonNode refused = json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":50}").body());
            assertThat(refused.get("verdict").asText()).isEqualTo("rejected");
            assertThat(refused.get("reason").asText()).startsWith("kill switch");
        }
        assertThat(jdbc.queryForObject("select count(*) from risk_events where event_type = 'kill_switch' and session_date = '2026-01-06'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aLimitChangedAtRunTimeDecidesTheNextTradeAndIsRecorded() throws Exception {
        JsonNode before = json.readTree(send("GET", "/api/v1/risk/limits", null).body());
        assertThat(before.get("overrides").size()).isZero();
        assertThat(before.get("in_force")).isEqualTo(before.get("configured"));
        assertThat(json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":50}").body()).get("verdict").asText())
                .isIn("approved", "resized");

        HttpResponse<String> changed = send("PUT", "/api/v1/risk/limits", "{\"min_price\": 900, \"max_open_positions\": 2, \"reason\": \"quiet day\"}");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode after = json.readTree(changed.body());
        assertThat(after.get("in_force").get("min_price").decimalValue()).isEqualByComparingTo("900");
        assertThat(after.get("in_force").get("max_open_positions").asInt()).isEqualTo(2);
        assertThat(after.get("before").get("min_price").decimalValue()).isEqualByComparingTo(before.get("in_force").get("min_price").decimalValue());
        assertThat(after.get("configured")).isEqualTo(before.get("configured"));
        JsonNode refused = json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":50}").body());
        assertThat(refused.get("verdict").asText()).isEqualTo("rejected");
        assertThat(refused.get("reason").asText()).contains("minimum price 900");
        assertThat(jdbc.queryForMap("select source, reason, requested->>'min_price' as min_price, after->>'max_open_positions' as open"
                + " from risk_limit_changes")).containsEntry("source", "rest").containsEntry("reason", "quiet day")
                .containsEntry("min_price", "900").containsEntry("open", "2");

        // a second change keeps the first one's overrides
        send("PUT", "/api/v1/risk/limits", "{\"risk_per_trade\": 0.004}");
        JsonNode both = json.readTree(send("GET", "/api/v1/risk/limits", null).body()).get("overrides");
        assertThat(both.get("min_price").decimalValue()).isEqualByComparingTo("900");
        assertThat(both.get("risk_per_trade").decimalValue()).isEqualByComparingTo("0.004");

        // what a restart finds: a new book on the same record puts the same limits in force
        RiskLimitsBook restarted = new RiskLimitsBook(configured(before), SessionTime::midSession, jdbc, new ObjectMapper());
        assertThat(restarted.manager().limits().minPrice()).isEqualByComparingTo("900");
        assertThat(restarted.manager().limits().riskPerTrade()).isEqualByComparingTo("0.004");

        JsonNode reset = json.readTree(send("DELETE", "/api/v1/risk/limits", null).body());
        assertThat(reset.get("in_force")).isEqualTo(before.get("configured"));
        assertThat(jdbc.queryForObject("select source from risk_limit_changes order by change_id desc limit 1", String.class)).isEqualTo("reset");
    }

    @Test
    void aBadLimitChangeIsA400NamingTheLimitAndChangesNothing() throws Exception {
        assertRefused(send("PUT", "/api/v1/risk/limits", "{\"risk_per_trade\": 0.5, \"max_open_positions\": 3}"), "risk_per_trade must be 0.001 to 0.05");
        assertRefused(send("PUT", "/api/v1/risk/limits", "{\"max_open_positions\": 2.5}"), "not a whole number");
        assertRefused(send("PUT", "/api/v1/risk/limits", "{\"max_leverage\": 4}"), "unknown risk limit 'max_leverage'");
        assertRefused(send("PUT", "/api/v1/risk/limits", "{}"), "no limit to change");
        assertThat(send("PUT", "/api/v1/risk/limits", "{not json").statusCode()).isEqualTo(400);
        assertThat(send("PUT", "/api/v1/risk/limits", "[1, 2]").statusCode()).isEqualTo(400);

        JsonNode now = json.readTree(send("GET", "/api/v1/risk/limits", null).body());
        assertThat(now.get("overrides").size()).isZero();
        assertThat(now.get("in_force").get("max_open_positions")).isEqualTo(now.get("configured").get("max_open_positions"));
        assertThat(jdbc.queryForObject("select count(*) from risk_limit_changes", Integer.class)).isZero();
    }

    @Test
    void theDailyLossLimitCannotBeRaisedOnceTodaysLossesReachedIt() throws Exception {
        jdbc.update("insert into trading_cycles (cycle_id, mode, status) values ('20260106-001', 'normal', 'completed')");
        jdbc.update("insert into positions (cycle_id, security_id, side, quantity, entry_price, exit_price, status, opened_at, closed_at,"
                + " realized_pnl) values ('20260106-001', get_or_create_security(?), 'long', 100, 50, 20, 'closed', now(), now(), -3000)", symbol);

        HttpResponse<String> raised = send("PUT", "/api/v1/risk/limits", "{\"max_daily_loss\": 10000}");

        assertThat(raised.statusCode()).as(raised.body()).isEqualTo(409);
        assertThat(json.readTree(raised.body()).get("error").asText()).contains("max_daily_loss cannot be raised today");
        assertThat(json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":50}").body())
                .get("reason").asText()).startsWith("kill switch");
        // tightening is always allowed
        assertThat(send("PUT", "/api/v1/risk/limits", "{\"max_daily_loss\": 1000}").statusCode()).isEqualTo(200);
    }

    /** The configured limits as GET /limits shows them: every field is named, so the base they lay over does not matter. */
    @SuppressWarnings("unchecked")
    private static RiskLimits configured(JsonNode view) {
        Map<String, Object> values = new ObjectMapper().convertValue(view.get("configured"), Map.class);
        RiskLimits any = new RiskLimits(BigDecimal.ONE, 1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, 1, 1);
        return RiskLimitsChange.apply(any, RiskLimitsChange.checked(values));
    }

    private void assertRefused(HttpResponse<String> response, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("error").asText()).contains(message);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void assertField(HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("field").asText()).isEqualTo(field);
    }

    private HttpResponse<String> check(String body) throws Exception {
        return send("POST", "/api/v1/risk/check", body);
    }
}
