package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.catalyst.desk.ReconciliationDesk;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.testsupport.CatalystHttp;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
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
    com.catalyst.desk.OrderSyncDesk orderSync;
    @Autowired
    org.apache.camel.ProducerTemplate producer;

    @Test
    void aShortIsJudgedSoldCoveredAndReconciled() throws Exception {
        for (int i = 0; i < 600 && (jdbc.queryForObject("select count(*) from securities", Integer.class) < 3
                || !reconciliation.tradingAllowed()); i++) {
            Thread.sleep(100);
        }
        List<String> symbols = jdbc.queryForList("select symbol from securities s where symbol ~ '^[A-Z]+$' order by symbol", String.class)
                .stream().filter(s -> market.lastPrice(s, clock.sessionDate(), clock.now()) > 10).limit(2).toList();
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
        assertThat(broker.openOrders()).extracting(BrokerOrder::side).containsOnly("buy");
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
        assertThat(broker.submit(new OrderRequest("HAND-1", other, "sell", 7, "market", null, null, null)).status()).isEqualTo("filled");
        reconciliation.scheduled();
        assertThat(reconciliation.tradingAllowed()).as(String.valueOf(reconciliation.status())).isTrue();
        assertThat(jdbc.queryForMap("select side, quantity from positions where status = 'open' and security_id = get_or_create_security(?)", other))
                .containsEntry("side", "short").containsEntry("quantity", 7);
        reconciliation.scheduled();
        assertThat(jdbc.queryForObject("select count(*) from risk_events where event_type like 'reconciliation_position_%'", Integer.class))
                .isEqualTo(1);
    }
}
