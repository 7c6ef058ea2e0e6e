package com.catalyst.risk;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.catalyst.trading.ReconciliationDesk;
import com.catalyst.risk.RiskLimitsBook;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/risk/check} on the real PostgreSQL: a proposed trade is answered with the decision, its reason
 * and numbers, and recorded; bad input is a 400 naming the field; the kill switch refuses and records one event a day.
 * {@code /api/v1/risk/limits}: a run-time change is checked, recorded, in force for the next decision and found again
 * by a restart; a bad one changes nothing.
 */
@CatalystIntegrationTest
class RiskCheckIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RiskLimitChangeRepository limitChanges;
    @Autowired
    MarketDataPort market;
    @Autowired
    TradingClock clock;
    @Autowired
    ReconciliationDesk reconciliation;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String symbol;
    /** The market's last price of {@code symbol}: what a market order is judged at. */
    private BigDecimal last;

    @BeforeEach
    void emptyRecord() throws Exception {
        // the securities master is loaded by a start-up route: wait for it
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from securities", Integer.class) >= 1);
        // an empty record, then back to the configured limits (the book keeps them in memory; no losses today, so a reset
        // lifts no kill switch), then no record of that reset either
        jdbc.execute("truncate trading_cycles, risk_decisions, risk_events, orders, fills, positions, risk_limit_changes restart identity cascade");
        HttpResponse<String> reset = send("DELETE", "/api/v1/risk/limits", null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        jdbc.execute("truncate risk_limit_changes restart identity cascade");
        symbol = jdbc.queryForObject("select symbol from securities order by symbol limit 1", String.class);
        last = BigDecimal.valueOf(market.lastPrice(symbol, clock.sessionDate(), clock.now()));
        assertThat(last).as("the simulated market has a price for " + symbol + " at 11:00").isPositive();
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
        BigDecimal stop = last.subtract(BigDecimal.ONE);
        JsonNode asked = json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"long\",\"stop_price\":" + stop + ",\"quantity\":100000}").body());
        assertThat(asked.get("verdict").asText()).isEqualTo("resized");
        assertThat(asked.get("requested_quantity").asInt()).isEqualTo(100000);
        assertThat(asked.get("approved_quantity").asInt()).isLessThanOrEqualTo(1000);
        assertThat(asked.get("stop_price").decimalValue()).isEqualByComparingTo(stop);

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
        assertField(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"stop_price\":" + last.add(BigDecimal.ONE) + "}"), "stop_price");
        assertField(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"type\":\"stop\"}"), "type");
        assertField(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"type\":\"limit\"}"), "limit_price");
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
        RiskLimitsBook restarted = new RiskLimitsBook(configured(before), SessionTime::midSession, limitChanges, new ObjectMapper());
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

    @Test
    void aMarketOrderIsJudgedAtTheLastPriceNotAtTheClientsEntryPrice() throws Exception {
        JsonNode market = json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\"}").body());
        JsonNode lowball = json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":0.5}").body());
        JsonNode inflated = json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":" + last.multiply(BigDecimal.TEN) + "}").body());

        for (JsonNode decision : new JsonNode[] {market, lowball, inflated}) {
            assertThat(decision.get("verdict").asText()).as(decision.toString()).isIn("approved", "resized");
            assertThat(decision.get("entry_price").decimalValue()).isEqualByComparingTo(last);
            assertThat(decision.get("approved_quantity").asInt()).isEqualTo(market.get("approved_quantity").asInt());
        }
        // a limit order is judged at its limit
        BigDecimal limit = last.subtract(new BigDecimal("0.10"));
        JsonNode limited = json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":0.5,\"type\":\"limit\",\"limit_price\":"
                + limit + "}").body());
        assertThat(limited.get("entry_price").decimalValue()).isEqualByComparingTo(limit);
        assertThat(jdbc.queryForList("select entry_price from risk_decisions", BigDecimal.class)).allSatisfy(p -> assertThat(p).isGreaterThan(BigDecimal.ONE));
    }

    @Test
    void everyRealizedLossOfTheDayCountsTowardTheKillSwitch() throws Exception {
        // a manual position (no cycle) closed this afternoon, a position of yesterday's cycle closed this morning,
        // and a partial exit of a position still open: -800 each, -2,400 together past the configured 2,000
        jdbc.update("insert into trading_cycles (cycle_id, mode, status) values ('20260105-001', 'normal', 'completed')");
        String[] three = jdbc.queryForList("select symbol from securities order by symbol limit 3", String.class).toArray(String[]::new);
        jdbc.update("insert into positions (cycle_id, security_id, side, quantity, entry_price, exit_price, status, opened_at, closed_at, realized_pnl,"
                + " close_reason) values (null, get_or_create_security(?), 'long', 100, 50, 42, 'closed', '2026-01-06 10:00-05', '2026-01-06 10:40-05',"
                + " -800, 'manual_close')", three[0]);
        jdbc.update("insert into positions (cycle_id, security_id, side, quantity, entry_price, exit_price, status, opened_at, closed_at, realized_pnl,"
                + " close_reason) values ('20260105-001', get_or_create_security(?), 'long', 100, 50, 42, 'closed', '2026-01-05 15:00-05',"
                + " '2026-01-06 09:45-05', -800, 'flatten')", three[1]);
        // yesterday's loss does not count today
        jdbc.update("insert into positions (cycle_id, security_id, side, quantity, entry_price, exit_price, status, opened_at, closed_at, realized_pnl)"
                + " values (null, get_or_create_security(?), 'long', 100, 50, 0.01, 'closed', '2026-01-05 10:00-05', '2026-01-05 11:00-05', -4999)", three[1]);
        assertThat(json.readTree(atMarket(symbol).body()).get("verdict").asText())
                .isIn("approved", "resized");

        jdbc.update("insert into positions (security_id, side, quantity, entry_price, status, opened_at, realized_pnl)"
                + " values (get_or_create_security(?), 'long', 50, 50, 'open', '2026-01-06 10:00-05', -800)", three[2]);

        JsonNode refused = json.readTree(atMarket(symbol).body());
        assertThat(refused.get("verdict").asText()).isEqualTo("rejected");
        assertThat(refused.get("reason").asText()).startsWith("kill switch").contains("-2400");
    }

    @Test
    void aPositionClosedByReconciliationCountsItsLossToday() throws Exception {
        // the record holds a position the paper broker does not (sold broker-side): reconciliation closes it at its last mark
        jdbc.update("insert into positions (security_id, side, quantity, entry_price, status, opened_at, unrealized_pnl)"
                + " values (get_or_create_security(?), 'long', 100, 50, 'open', '2026-01-06 10:00-05', -2500)", symbol);

        reconciliation.scheduled();

        assertThat(jdbc.queryForMap("select status, realized_pnl from positions")).containsEntry("status", "closed");
        assertThat(jdbc.queryForObject("select realized_pnl from positions", BigDecimal.class)).isEqualByComparingTo("-2500");
        JsonNode refused = json.readTree(atMarket(symbol).body());
        assertThat(refused.get("reason").asText()).startsWith("kill switch");
    }

    @Test
    void aResetCannotLiftATrippedKillSwitch() throws Exception {
        jdbc.update("insert into trading_cycles (cycle_id, mode, status) values ('20260106-001', 'normal', 'completed')");
        jdbc.update("insert into positions (cycle_id, security_id, side, quantity, entry_price, exit_price, status, opened_at, closed_at, realized_pnl)"
                + " values ('20260106-001', get_or_create_security(?), 'long', 100, 50, 35, 'closed', '2026-01-06 10:00-05', '2026-01-06 10:30-05', -1500)",
                symbol);
        // tightening to 1,000 trips the switch at -1,500; the configured 2,000 would lift it
        assertThat(send("PUT", "/api/v1/risk/limits", "{\"max_daily_loss\": 1000}").statusCode()).isEqualTo(200);
        assertThat(json.readTree(atMarket(symbol).body()).get("reason").asText()).startsWith("kill switch");

        HttpResponse<String> reset = send("DELETE", "/api/v1/risk/limits", null);

        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(409);
        JsonNode error = json.readTree(reset.body());
        assertThat(error.get("error").asText()).contains("cannot be reset today").contains("next session");
        assertThat(error.get("limit").asText()).isEqualTo("max_daily_loss");
        assertThat(json.readTree(send("GET", "/api/v1/risk/limits", null).body()).get("in_force").get("max_daily_loss").decimalValue())
                .isEqualByComparingTo("1000");
        assertThat(json.readTree(atMarket(symbol).body()).get("reason").asText()).startsWith("kill switch");
        assertThat(jdbc.queryForObject("select count(*) from risk_limit_changes where source = 'reset'", Integer.class)).isZero();
        // nor can a raise, as before
        assertThat(send("PUT", "/api/v1/risk/limits", "{\"max_daily_loss\": 2000}").statusCode()).isEqualTo(409);
    }

    @Test
    void workingAndUnknownOrdersCountTowardOpenPositionsAndExposure() throws Exception {
        String[] four = jdbc.queryForList("select symbol from securities where symbol <> ? order by symbol limit 4", String.class, symbol)
                .toArray(String[]::new);
        assertThat(send("PUT", "/api/v1/risk/limits", "{\"max_open_positions\": 2}").statusCode()).isEqualTo(200);
        // an entry resting at the broker and one whose send went unanswered: no position yet, both may fill
        workingOrder("w-1", four[0], "new", "limit", 100, 0, new BigDecimal("10"));
        workingOrder("w-2", four[1], "unknown", "market", 100, 0, null);
        // finished orders count for nothing
        workingOrder("w-3", four[2], "canceled", "limit", 100, 0, new BigDecimal("10"));
        workingOrder("w-4", four[3], "filled", "market", 100, 100, null);

        JsonNode full = json.readTree(atMarket(symbol).body());
        assertThat(full.get("verdict").asText()).isEqualTo("rejected");
        assertThat(full.get("reason").asText()).contains("open positions 2 reached the maximum 2");
        JsonNode same = json.readTree(atMarket(four[1]).body());
        assertThat(same.get("reason").asText()).contains(four[1] + " is already open");

        // exposure: a partly filled entry's remaining 6,000 shares at the limit take 90,000 of the 100,000 limit
        jdbc.execute("truncate orders cascade");
        send("PUT", "/api/v1/risk/limits", "{\"max_open_positions\": 5, \"max_total_exposure_share\": 1}");
        workingOrder("w-5", four[0], "partially_filled", "limit", 7000, 1000, new BigDecimal("15"));
        JsonNode capped = json.readTree(check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":" + last + ",\"stop_price\":"
                + last.multiply(new BigDecimal("0.999")).setScale(2, java.math.RoundingMode.DOWN) + "}").body());
        assertThat(capped.get("numbers").get("exposure").decimalValue()).isEqualByComparingTo("90000");
        assertThat(capped.get("verdict").asText()).as(capped.toString()).isEqualTo("resized");
        assertThat(capped.get("approved_quantity").intValue() * last.doubleValue()).isLessThanOrEqualTo(10000.0);
    }

    /** A market check sending the last price as its entry_price, as a careful client does: judged the same either way. */
    private HttpResponse<String> atMarket(String symbol) throws Exception {
        return check("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"entry_price\":"
                + BigDecimal.valueOf(market.lastPrice(symbol, clock.sessionDate(), clock.now())) + "}");
    }

    private void workingOrder(String id, String symbol, String status, String type, int quantity, int filled, BigDecimal limit) {
        jdbc.update("insert into orders (order_id, client_order_id, security_id, side, order_type, quantity, filled_qty, limit_price, status)"
                + " values (gen_random_uuid(), ?, get_or_create_security(?), 'buy', ?, ?, ?, ?, ?)", id, symbol, type, quantity, filled, limit, status);
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
