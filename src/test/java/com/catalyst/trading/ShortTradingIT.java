package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.catalyst.trading.ReconciliationDesk;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.testsupport.CatalystHttp;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.catalyst.adapters.paper.PaperBroker;
import com.catalyst.trading.ManualOrderDesk;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A short through the whole order path on the real PostgreSQL with the paper broker, shorts allowed: risk judges the
 * short (stop above, target below) and records it; trading sells to open with the inverted bracket; the record holds a
 * short position (positive quantity, side short) while the broker holds a negative one; closing it buys to cover, with
 * the P&L of a short; reconciliation records a short only the broker holds and agrees with the broker afterwards.
 */
@CatalystIntegrationTest
@TestPropertySource(properties = "catalyst.trading.allow-short=true")
class ShortTradingIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BrokerPort broker;
    @Autowired
    CatalystHttp http;
    @Autowired
    MarketDataPort market;
    @Autowired
    TradingClock clock;
    @Autowired
    ReconciliationDesk reconciliation;
    @Autowired
    com.catalyst.trading.OrderSyncDesk orderSync;
    @Autowired
    org.apache.camel.ProducerTemplate producer;

    /** Symbols with a price over 10 this session, in order, once the securities are loaded and reconciliation allows trading. */
    private List<String> tradableSymbols() throws InterruptedException {
        org.awaitility.Awaitility.await("securities loaded and reconciliation done").atMost(java.time.Duration.ofMinutes(1))
                .until(() -> jdbc.queryForObject("select count(*) from securities", Integer.class) >= 3 && reconciliation.tradingAllowed());
        return jdbc.queryForList("select symbol from securities s where symbol ~ '^[A-Z]+$' order by symbol", String.class)
                .stream().filter(s -> market.lastPrice(s, clock.sessionDate(), clock.now()) > 10).limit(4).toList();
    }

    @Test
    @Order(1)
    void aShortIsJudgedSoldCoveredAndReconciled() throws Exception {
        List<String> symbols = tradableSymbols();
        String symbol = symbols.get(0);
        BigDecimal last = BigDecimal.valueOf(market.lastPrice(symbol, clock.sessionDate(), clock.now())).setScale(4, RoundingMode.HALF_UP);
        BigDecimal stop = last.multiply(new BigDecimal("1.02")).setScale(2, RoundingMode.UP);
        jdbc.update("insert into trading_cycles (cycle_id, mode, status) values ('20260106-001', 'normal', 'active')");

        HttpResponse<String> judged = http.post("/api/v1/risk/evaluate", """
                {"cycle_id": "20260106-001", "size_multiplier": 1.0, "proposals": [{"symbol": "%s", "side": "short", "entry_price": %s,
                 "atr": 0.5, "pattern_type": "bear_flag", "score": 70, "stop_price": %s}]}""".formatted(symbol, last, stop));
        assertThat(judged.statusCode()).as(judged.body()).isEqualTo(200);
        JsonNode decision = http.json(judged).get("decisions").get(0);
        assertThat(decision.get("side").asText()).isEqualTo("short");
        assertThat(decision.get("verdict").asText()).as(decision.toString()).isIn("approved", "resized");
        assertThat(decision.get("stop_price").decimalValue()).isGreaterThan(last);
        assertThat(decision.get("target_price").decimalValue()).isLessThan(last);
        int quantity = decision.get("approved_quantity").asInt();

        // the workflow's call (the REST route takes a service token): the route itself, with the decision as risk answered it
        String executed = producer.requestBody("direct:trading-execute", "{\"cycle_id\": \"20260106-001\", \"decisions\": ["
                + decision + "]}", String.class);
        assertThat(executed).contains("filled");
        String entryId = "CAT-20260106-001-" + symbol + "-sell";
        Map<String, Object> order = jdbc.queryForMap("select side, status, order_class, quantity, decision_id from orders where client_order_id = ?",
                entryId);
        assertThat(order).containsEntry("side", "sell").containsEntry("status", "filled").containsEntry("order_class", "bracket");
        assertThat(order.get("decision_id")).as("the order names the short decision").isNotNull();
        Map<String, Object> position = jdbc.queryForMap("select side, quantity, status from positions where security_id = get_or_create_security(?)",
                symbol);
        assertThat(position).containsEntry("side", "short").containsEntry("quantity", quantity).containsEntry("status", "open");
        assertThat(broker.positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualTo(-quantity));
        // the bracket's legs are buys at the broker: the stop above, the target below
        assertThat(broker.openOrders()).extracting(BrokerOrder::side).containsOnly(OrderSide.BUY);
        // and so they are in the record once the order sync has followed the entry
        orderSync.sync();
        assertThat(jdbc.queryForList("select leg || ':' || side from orders where parent_client_order_id = ?", String.class, entryId))
                .containsExactlyInAnyOrder("stop_loss:buy", "take_profit:buy");

        HttpResponse<String> closed = http.delete("/api/v1/trading/positions/" + symbol);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        Map<String, Object> after = jdbc.queryForMap("select status, entry_price, exit_price, quantity, realized_pnl, close_reason from positions"
                + " where security_id = get_or_create_security(?)", symbol);
        assertThat(after.get("status")).isEqualTo("closed");
        BigDecimal entry = (BigDecimal) after.get("entry_price");
        BigDecimal exit = (BigDecimal) after.get("exit_price");
        BigDecimal commission = jdbc.queryForObject("select sum(f.commission) from fills f join orders o using (order_id) where o.client_order_id"
                + " like 'CAT-EXIT-%'", BigDecimal.class);
        // a short's P&L: what it sold for less what it paid to cover
        assertThat((BigDecimal) after.get("realized_pnl")).isEqualByComparingTo(entry.subtract(exit).multiply(BigDecimal.valueOf(quantity))
                .subtract(commission).setScale(2, RoundingMode.HALF_UP));
        assertThat(jdbc.queryForObject("select side from orders where client_order_id like 'CAT-EXIT-%'", String.class)).isEqualTo("buy");
        assertThat(broker.positions()).isEmpty();
        assertThat(broker.openOrders()).isEmpty();

        // a short only the broker holds is recorded as one by reconciliation, and the run stays ok
        String other = symbols.get(1);
        assertThat(broker.submit(new OrderRequest("HAND-1", other, OrderSide.SELL, 7, OrderType.MARKET, null, null, null)).status()).isEqualTo("filled");
        reconciliation.scheduled();
        assertThat(reconciliation.tradingAllowed()).as(String.valueOf(reconciliation.status())).isTrue();
        assertThat(jdbc.queryForMap("select side, quantity from positions where status = 'open' and security_id = get_or_create_security(?)", other))
                .containsEntry("side", "short").containsEntry("quantity", 7);
        reconciliation.scheduled();
        assertThat(jdbc.queryForObject("select count(*) from risk_events where event_type like 'reconciliation_position_%'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void aTradersShortIsCheckedPlacedAsASellToOpenAndSentOnlyWhenTheBrokerLends() throws Exception {
        // symbols 0 and 1 are the first test's
        List<String> symbols = tradableSymbols();
        String symbol = symbols.get(2);
        BigDecimal last = BigDecimal.valueOf(market.lastPrice(symbol, clock.sessionDate(), clock.now())).setScale(4, RoundingMode.HALF_UP);
        BigDecimal stop = last.multiply(new BigDecimal("1.02")).setScale(2, RoundingMode.UP);
        BigDecimal below = last.multiply(new BigDecimal("0.98")).setScale(2, RoundingMode.DOWN);

        // the risk check: a short's stop below the price is a 400 naming it; above, the short is judged as a cycle's
        HttpResponse<String> wrongStop = http.post("/api/v1/risk/check", """
                {"symbol": "%s", "side": "short", "stop_price": %s}""".formatted(symbol, below));
        assertThat(wrongStop.statusCode()).as(wrongStop.body()).isEqualTo(400);
        assertThat(http.json(wrongStop).get("field").asText()).isEqualTo("stop_price");
        HttpResponse<String> checked = http.post("/api/v1/risk/check", """
                {"symbol": "%s", "side": "short", "stop_price": %s, "quantity": 5}""".formatted(symbol, stop));
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        JsonNode check = http.json(checked);
        assertThat(check.get("side").asText()).isEqualTo("short");
        assertThat(check.get("verdict").asText()).as(check.toString()).isEqualTo("approved");
        assertThat(check.get("stop_price").decimalValue()).isEqualByComparingTo(stop);
        assertThat(check.get("target_price").decimalValue()).isLessThan(last);
        assertThat(check.get("numbers").has("short_position_value_limit")).as(check.toString()).isTrue();

        // the order: a sell to open with the inverted bracket, filled by the paper broker, recorded as a short
        HttpResponse<String> placed = http.post("/api/v1/trading/orders", """
                {"symbol": "%s", "side": "short", "quantity": 5, "stop_price": %s, "idempotency_key": "trader-short-1"}""".formatted(symbol, stop));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        JsonNode order = http.json(placed);
        String clientOrderId = ManualOrderDesk.clientOrderId("trader-short-1");
        assertThat(order.get("client_order_id").asText()).isEqualTo(clientOrderId);
        assertThat(order.get("side").asText()).isEqualTo("sell");
        assertThat(order.get("status").asText()).isEqualTo("filled");
        assertThat(order.get("order_class").asText()).isEqualTo("bracket");
        assertThat(order.get("stop_price").decimalValue()).isEqualByComparingTo(stop);
        assertThat(order.get("take_profit_price").decimalValue()).isLessThan(last);
        Map<String, Object> position = jdbc.queryForMap("select side, quantity, status, stop_loss from positions where status = 'open'"
                + " and security_id = get_or_create_security(?)", symbol);
        assertThat(position).containsEntry("side", "short").containsEntry("quantity", 5);
        assertThat(broker.positions()).filteredOn(p -> p.symbol().equals(symbol)).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualTo(-5));
        // the bracket's legs at the broker: buys, the stop above the entry and the target below
        List<BrokerOrder> legs = broker.openOrders().stream().filter(o -> o.symbol().equals(symbol)).toList();
        assertThat(legs).hasSize(2).extracting(BrokerOrder::side).containsOnly(OrderSide.BUY);
        // and in the record, once the order sync has followed them
        orderSync.sync();
        assertThat(jdbc.queryForList("select side from orders where parent_client_order_id = ?", String.class, clientOrderId))
                .hasSize(2).containsOnly("buy");

        // the same key again is the same order; a sell is still never an entry, shorts on or not
        HttpResponse<String> replay = http.post("/api/v1/trading/orders", """
                {"symbol": "%s", "side": "short", "quantity": 5, "stop_price": %s, "idempotency_key": "trader-short-1"}""".formatted(symbol, stop));
        assertThat(http.json(replay).get("client_order_id").asText()).isEqualTo(clientOrderId);
        HttpResponse<String> sell = http.post("/api/v1/trading/orders", """
                {"symbol": "%s", "side": "sell", "quantity": 5}""".formatted(symbol));
        assertThat(sell.statusCode()).as(sell.body()).isEqualTo(400);
        assertThat(http.json(sell).get("field").asText()).isEqualTo("side");
        assertThat(broker.positions()).filteredOn(p -> p.symbol().equals(symbol)).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualTo(-5));

        // a symbol the broker will not lend: approved by risk, recorded rejected, never sent
        String hard = symbols.get(3);
        PaperBroker paper = (PaperBroker) broker;
        paper.shortSelling(true, List.of(hard));
        try {
            HttpResponse<String> notLent = http.post("/api/v1/trading/orders", """
                    {"symbol": "%s", "side": "short", "quantity": 5, "idempotency_key": "trader-short-htb"}""".formatted(hard));
            assertThat(notLent.statusCode()).as(notLent.body()).isEqualTo(200);
            JsonNode rejected = http.json(notLent);
            assertThat(rejected.get("status").asText()).isEqualTo("rejected");
            assertThat(rejected.get("reject_reason").asText()).isEqualTo("not sent: " + hard + " is not easy to borrow at the broker");
            assertThat(broker.findByClientOrderId(ManualOrderDesk.clientOrderId("trader-short-htb"))).isEmpty();
            assertThat(broker.positions()).noneMatch(p -> p.symbol().equals(hard));
        } finally {
            paper.shortSelling(true, List.of());
        }
    }
}
