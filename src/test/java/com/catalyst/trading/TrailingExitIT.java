package com.catalyst.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.testsupport.SteppedTradingClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code catalyst.trading.exit.mode=trailing-percent} end to end on the paper broker, the real PostgreSQL and the
 * simulated market's bars, with a clock the test moves minute by minute: an entry goes out without bracket legs; once
 * it fills, its trailing stop {@code <entry>-TS} is recorded and placed for the filled shares; a restart that lost the
 * broker's answer settles the stop from the broker instead of placing a second one; the stop climbs with the bars and
 * never comes down; when a bar's low reaches it, the order sync records the fill and closes the position with
 * {@code close_reason = trailing_stop} at the price the paper broker's model gives. A cycle's entries (trading-execute,
 * with the decisions' recorded numbers) get theirs the same way. Shorts are allowed: a short entry goes out without legs
 * too, gets a buy trailing stop for the shares the broker holds short, whose stop follows the low-water mark down and
 * never up, and whose fill covers the short and closes it as {@code trailing_stop}.
 */
@CatalystIntegrationTest
@TestPropertySource(properties = {
        "catalyst.broker.slippage-bps=2",
        "catalyst.broker.commission-per-share=0",
        "catalyst.trading.exit.mode=trailing-percent",
        "catalyst.trading.exit.trail-percent=0.5",
        "catalyst.trading.allow-short=true",
        // the cycle's entries and the trader's own: room for both
        "catalyst.risk.max-open-positions=10"})
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class TrailingExitIT {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 6);
    private static final double SLIP = 2 / 10_000.0;
    private static final BigDecimal TRAIL = new BigDecimal("0.5");

    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        SteppedTradingClock steppedClock() {
            return new SteppedTradingClock(DAY, at(11, 0));
        }
    }

    static Instant at(int hour, int minute) {
        return SteppedTradingClock.at(DAY, hour, minute);
    }

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MarketDataPort market;
    @Autowired
    SteppedTradingClock clock;
    @Autowired
    ProducerTemplate producer;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** A symbol whose bars after 11:00 trigger a 0.5 % trailing stop at {@code trigger} before rising 1.9 % (no target first). */
    record Plan(String symbol, List<Bar> after, int trigger, BigDecimal fillPrice, BigDecimal lastStop) {
    }

    /** The paper broker's model, replayed on the bars: the mark starts at the 11:00 close and follows the highs. */
    static Plan plan(String symbol, List<Bar> bars) {
        List<Bar> after = new ArrayList<>();
        Bar start = null;
        for (Bar b : bars) {
            if (!b.time().isAfter(at(11, 0))) {
                start = b;
            } else if (b.time().isBefore(at(15, 30))) {
                after.add(b);
            }
        }
        if (start == null || after.isEmpty()) {
            return null;
        }
        com.catalyst.trading.Trail trail = com.catalyst.trading.Trail.percent(TRAIL);
        BigDecimal hwm = BigDecimal.valueOf(start.close()).setScale(4, RoundingMode.HALF_UP);
        BigDecimal stop = trail.stopBelow(hwm);
        for (int i = 0; i < after.size(); i++) {
            Bar b = after.get(i);
            if (b.low() <= stop.doubleValue()) {
                double price = Math.min(stop.doubleValue(), b.open()) * (1 - SLIP);
                return i >= 3 ? new Plan(symbol, after, i, BigDecimal.valueOf(price).setScale(4, RoundingMode.HALF_UP), stop) : null;
            }
            if (b.close() >= start.close() * 1.019) {
                return null; // the target (at least 2 % up) could close it first
            }
            hwm = hwm.max(BigDecimal.valueOf(b.high()).setScale(4, RoundingMode.HALF_UP));
            stop = stop.max(trail.stopBelow(hwm));
        }
        return null;
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aFilledEntryGetsItsTrailingStopOnceWhichClimbsAndClosesThePositionAsTrailingStop() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from securities", Integer.class) >= 50);
        // a cycle's entries: simple orders carrying the trail, each with its trailing stop as soon as it filled
        com.catalyst.workflow.CycleSummary cycle = producer.requestBody("direct:workflow-run-cycle", null, com.catalyst.workflow.CycleSummary.class);
        assertThat(cycle.status()).isEqualTo("completed");
        assertThat(cycle.placed()).isPositive();
        // longs and shorts alike: a long's stop sells, a short's buys
        List<Map<String, Object>> entries = jdbc.queryForList("select client_order_id, side, order_class, trail_percent, filled_qty from orders"
                + " where cycle_id = ? and parent_client_order_id is null and status = 'filled'", cycle.cycleId());
        assertThat(entries).hasSize((int) cycle.placed()).allSatisfy(e -> {
            assertThat(e.get("order_class")).isEqualTo("simple");
            assertThat((BigDecimal) e.get("trail_percent")).isEqualByComparingTo(TRAIL);
            Map<String, Object> ts = jdbc.queryForMap("select status, side, leg, quantity from orders where client_order_id = ?",
                    e.get("client_order_id") + "-TS");
            assertThat(ts).containsEntry("status", "accepted").containsEntry("leg", "trailing_stop").containsEntry("quantity", e.get("filled_qty"))
                    .containsEntry("side", "buy".equals(e.get("side")) ? "sell" : "buy");
        });
        assertThat(jdbc.queryForObject("select count(*) from paper_broker_orders where leg is not null", Integer.class)).isZero();
        List<String> held = jdbc.queryForList("select symbol from v_positions_current", String.class);

        Plan plan = null;
        for (String symbol : jdbc.queryForList("select symbol from securities where symbol ~ '^[A-Z]+$' order by symbol", String.class)) {
            if (held.contains(symbol)) {
                continue;
            }
            plan = plan(symbol, market.intradayBars(symbol, DAY, at(16, 0)));
            if (plan != null) {
                break;
            }
        }
        assertThat(plan).as("a symbol of the seeded session whose bars trigger the trail").isNotNull();

        JsonNode entry = order(plan.symbol(), "{\"quantity\":10,\"idempotency_key\":\"it-trail\"}");
        String entryId = entry.get("client_order_id").asText();
        String stopId = entryId + "-TS";
        assertThat(entry.get("status").asText()).isEqualTo("filled");
        // no bracket legs: the entry is a simple order carrying its trail
        Map<String, Object> entryRow = jdbc.queryForMap("select order_class, trail_percent, trail_price from orders where client_order_id = ?", entryId);
        assertThat(entryRow.get("order_class")).isEqualTo("simple");
        assertThat((BigDecimal) entryRow.get("trail_percent")).isEqualByComparingTo(TRAIL);
        assertThat(jdbc.queryForObject("select count(*) from paper_broker_orders where parent_client_order_id = ?", Integer.class, entryId))
                .isZero();

        // placed right after the fill, for the filled shares, recorded as the entry's trailing_stop leg
        Map<String, Object> stop = jdbc.queryForMap("select status, order_type, order_class, leg, parent_client_order_id, quantity,"
                + " trail_percent, stop_price, broker_order_id from orders where client_order_id = ?", stopId);
        assertThat(stop.get("status")).isEqualTo("accepted");
        assertThat(stop.get("order_type")).isEqualTo("trailing_stop");
        assertThat(stop.get("leg")).isEqualTo("trailing_stop");
        assertThat(stop.get("parent_client_order_id")).isEqualTo(entryId);
        assertThat(stop.get("quantity")).isEqualTo(10);
        assertThat(stop.get("broker_order_id")).isNotNull();
        assertThat(jdbc.queryForObject("select order_type from paper_broker_orders where client_order_id = ?", String.class, stopId))
                .isEqualTo("trailing_stop");

        // a restart that lost the broker's answer: the row is back to pending_submit; the next pass asks, never sends twice
        jdbc.update("update orders set status = 'pending_submit', broker_order_id = null where client_order_id = ?", stopId);
        manage();
        assertThat(jdbc.queryForObject("select status from orders where client_order_id = ?", String.class, stopId)).isEqualTo("accepted");
        assertThat(jdbc.queryForObject("select count(*) from paper_broker_orders where client_order_id like ?", Integer.class, entryId + "%"))
                .as("the entry and one trailing stop at the broker").isEqualTo(2);

        // minute by minute: the stop only climbs, until the bar that reaches it
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i <= plan.trigger(); i++) {
            clock.moveTo(plan.after().get(i).time());
            manage();
            BigDecimal now = jdbc.queryForObject("select stop_price from orders where client_order_id = ?", BigDecimal.class, stopId);
            assertThat(now).as("stop at " + clock.now()).isGreaterThanOrEqualTo(previous);
            previous = now;
        }
        assertThat(previous).isEqualByComparingTo(plan.lastStop());
        Map<String, Object> closed = jdbc.queryForMap("select p.status, p.close_reason, p.exit_price from positions p join orders o"
                + " on o.position_id = p.position_id where o.client_order_id = ?", entryId);
        assertThat(closed.get("status")).isEqualTo("closed");
        assertThat(closed.get("close_reason")).isEqualTo("trailing_stop");
        assertThat((BigDecimal) closed.get("exit_price")).isEqualByComparingTo(plan.fillPrice());
        assertThat(jdbc.queryForObject("select status from orders where client_order_id = ?", String.class, stopId)).isEqualTo("filled");
        // closed: no second trailing stop, no exit of the planner's
        manage();
        assertThat(jdbc.queryForObject("select count(*) from orders where parent_client_order_id = ? or position_id = (select position_id"
                + " from orders where client_order_id = ?)", Integer.class, entryId, entryId)).isEqualTo(2);
    }

    /**
     * The paper broker's model of a short's buy trailing stop, replayed on the bars after {@code start}: the low-water mark
     * starts at the close then and follows the lows, the stop 0.5 % over it; a high at or over the stop covers at the stop
     * (or at a gap's open) plus the slippage. Null when the bars reach the stop within three minutes, never reach it
     * before 15:30, or first fall 1.9 % (the target, twice the 2 % stop distance under the entry, could cover it first).
     */
    static Plan shortPlan(String symbol, List<Bar> bars, Instant start) {
        List<Bar> after = new ArrayList<>();
        Bar first = null;
        for (Bar b : bars) {
            if (!b.time().isAfter(start)) {
                first = b;
            } else if (b.time().isBefore(at(15, 30))) {
                after.add(b);
            }
        }
        if (first == null || after.isEmpty() || first.close() <= 10) {
            return null;
        }
        com.catalyst.trading.Trail trail = com.catalyst.trading.Trail.percent(TRAIL);
        BigDecimal lwm = BigDecimal.valueOf(first.close()).setScale(4, RoundingMode.HALF_UP);
        BigDecimal stop = trail.stopAbove(lwm);
        for (int i = 0; i < after.size(); i++) {
            Bar b = after.get(i);
            if (b.high() >= stop.doubleValue()) {
                double price = Math.max(stop.doubleValue(), b.open()) * (1 + SLIP);
                return i >= 3 ? new Plan(symbol, after, i, BigDecimal.valueOf(price).setScale(4, RoundingMode.HALF_UP), stop) : null;
            }
            if (b.close() <= first.close() * 0.981) {
                return null; // the target (at least 2 % down) could cover it first
            }
            lwm = lwm.min(BigDecimal.valueOf(b.low()).setScale(4, RoundingMode.HALF_UP));
            stop = stop.min(trail.stopAbove(lwm));
        }
        return null;
    }

    @Autowired
    com.catalyst.testsupport.CatalystHttp catalyst;
    @Autowired
    BrokerPort broker;

    @Test
    @org.junit.jupiter.api.Order(2)
    void aShortGetsABuyTrailingStopWhichFollowsTheLowsDownAndCoversItAsTrailingStop() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from securities", Integer.class) >= 50);
        // from wherever the clock stands (the test before moved it): a symbol never traded here whose bars trigger the trail
        Instant start = clock.now();
        List<String> traded = jdbc.queryForList("select distinct s.symbol from positions p join securities s using (security_id)", String.class);
        Plan plan = null;
        for (String symbol : jdbc.queryForList("select symbol from securities where symbol ~ '^[A-Z]+$' order by symbol", String.class)) {
            if (!traded.contains(symbol)) {
                plan = shortPlan(symbol, market.intradayBars(symbol, DAY, at(16, 0)), start);
                if (plan != null) {
                    break;
                }
            }
        }
        assertThat(plan).as("a symbol of the seeded session whose bars trigger a short's trail").isNotNull();
        String symbol = plan.symbol();
        BigDecimal last = BigDecimal.valueOf(market.lastPrice(symbol, DAY, start)).setScale(4, RoundingMode.HALF_UP);

        // risk judges the short (the fixed stop 2 % above: the ceiling, well over the trailing stop), trading sells to open
        jdbc.update("insert into trading_cycles (cycle_id, mode, status) values ('20260106-901', 'normal', 'active')");
        HttpResponse<String> judged = catalyst.post("/api/v1/risk/evaluate", """
                {"cycle_id": "20260106-901", "size_multiplier": 1.0, "proposals": [{"symbol": "%s", "side": "short", "entry_price": %s,
                 "atr": 0.5, "pattern_type": "bear_flag", "score": 70, "stop_price": %s}]}""".formatted(symbol, last,
                last.multiply(new BigDecimal("1.02")).setScale(2, RoundingMode.UP)));
        assertThat(judged.statusCode()).as(judged.body()).isEqualTo(200);
        JsonNode decision = catalyst.json(judged).get("decisions").get(0);
        assertThat(decision.get("verdict").asText()).as(decision.toString()).isIn("approved", "resized");
        int quantity = decision.get("approved_quantity").asInt();
        String executed = producer.requestBody("direct:trading-execute", "{\"cycle_id\": \"20260106-901\", \"decisions\": ["
                + decision + "]}", String.class);
        assertThat(executed).contains("filled");

        // the entry: a simple sell carrying its trail, no bracket legs at the broker
        String entryId = "CAT-20260106-901-" + symbol + "-sell";
        String stopId = entryId + "-TS";
        Map<String, Object> entry = jdbc.queryForMap("select side, status, order_class, trail_percent from orders where client_order_id = ?", entryId);
        assertThat(entry).containsEntry("side", "sell").containsEntry("status", "filled").containsEntry("order_class", "simple");
        assertThat((BigDecimal) entry.get("trail_percent")).isEqualByComparingTo(TRAIL);
        assertThat(jdbc.queryForObject("select count(*) from paper_broker_orders where parent_client_order_id = ?", Integer.class, entryId))
                .isZero();

        // its trailing stop, placed right after the fill: a buy for the shares the broker holds short
        Map<String, Object> stop = jdbc.queryForMap("select status, side, order_type, leg, parent_client_order_id, quantity, stop_price,"
                + " broker_order_id from orders where client_order_id = ?", stopId);
        assertThat(stop).containsEntry("status", "accepted").containsEntry("side", "buy").containsEntry("order_type", "trailing_stop")
                .containsEntry("leg", "trailing_stop").containsEntry("parent_client_order_id", entryId).containsEntry("quantity", quantity);
        assertThat(stop.get("broker_order_id")).isNotNull();
        assertThat((BigDecimal) stop.get("stop_price")).isEqualByComparingTo(com.catalyst.trading.Trail.percent(TRAIL).stopAbove(last));
        assertThat(broker.positions()).filteredOn(p -> p.symbol().equals(symbol)).singleElement()
                .satisfies(p -> assertThat(p.quantity()).isEqualTo(-quantity));
        assertThat(broker.openOrders()).filteredOn(o -> o.symbol().equals(symbol)).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(OrderSide.BUY);
            assertThat(o.orderType()).isEqualTo(OrderType.TRAILING_STOP);
        });

        // a restart that lost the broker's answer: looked up, never placed twice
        jdbc.update("update orders set status = 'pending_submit', broker_order_id = null where client_order_id = ?", stopId);
        manage();
        assertThat(jdbc.queryForObject("select status from orders where client_order_id = ?", String.class, stopId)).isEqualTo("accepted");
        assertThat(jdbc.queryForObject("select count(*) from paper_broker_orders where client_order_id like ?", Integer.class, entryId + "%"))
                .as("the entry and one trailing stop at the broker").isEqualTo(2);

        // minute by minute: the stop only comes down, with the mark the broker reports (its low-water mark), until the bar that reaches it
        BigDecimal previous = null;
        for (int i = 0; i <= plan.trigger(); i++) {
            clock.moveTo(plan.after().get(i).time());
            manage();
            Map<String, Object> now = jdbc.queryForMap("select stop_price, hwm from orders where client_order_id = ?", stopId);
            BigDecimal stopNow = (BigDecimal) now.get("stop_price");
            if (previous != null) {
                assertThat(stopNow).as("stop at " + clock.now()).isLessThanOrEqualTo(previous);
            }
            if (i < plan.trigger()) {
                assertThat((BigDecimal) now.get("hwm")).as("the low-water mark at " + clock.now()).isLessThanOrEqualTo(last);
            }
            previous = stopNow;
        }
        assertThat(previous).isEqualByComparingTo(plan.lastStop());
        Map<String, Object> closed = jdbc.queryForMap("select p.status, p.side, p.close_reason, p.entry_price, p.exit_price, p.quantity,"
                + " p.realized_pnl from positions p join orders o on o.position_id = p.position_id where o.client_order_id = ?", entryId);
        assertThat(closed).containsEntry("status", "closed").containsEntry("side", "short").containsEntry("close_reason", "trailing_stop");
        assertThat((BigDecimal) closed.get("exit_price")).isEqualByComparingTo(plan.fillPrice());
        // a short's P&L: what it sold for less what it paid to cover (no commission here)
        assertThat((BigDecimal) closed.get("realized_pnl")).isEqualByComparingTo(((BigDecimal) closed.get("entry_price"))
                .subtract(plan.fillPrice()).multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP));
        assertThat(jdbc.queryForObject("select status from orders where client_order_id = ?", String.class, stopId)).isEqualTo("filled");
        assertThat(broker.positions()).noneSatisfy(p -> assertThat(p.symbol()).isEqualTo(symbol));
        // covered: no second trailing stop, no exit of the planner's
        manage();
        assertThat(jdbc.queryForObject("select count(*) from orders where parent_client_order_id = ? or position_id = (select position_id"
                + " from orders where client_order_id = ?)", Integer.class, entryId, entryId)).isEqualTo(2);
    }

    private JsonNode order(String symbol, String fields) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/trading/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"symbol\":\"" + symbol + "\",\"side\":\"buy\"," + fields.substring(1))).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The cycle's exit step, as the workflow calls it in one JVM: the order sync, then the exit planner. */
    private void manage() {
        producer.requestBody("direct:trading-manage", "null", String.class);
    }
}
