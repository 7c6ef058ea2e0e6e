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
import java.util.Set;
import java.util.stream.Collectors;

import com.catalyst.adapters.paper.JdbcPaperLedger;
import com.catalyst.adapters.paper.PaperBroker;
import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.testsupport.SteppedTradingClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The paper broker's working orders through the trading API and the order sync, on the real PostgreSQL, with the
 * simulated market's own bars and a clock the test moves minute by minute: a limit entry rests and fills when the
 * price comes down to it; its bracket leg closes the position with the realized P&L its fills give; a large order
 * fills in two parts (partially_filled, then filled, two fills rows); cancel works on a resting and on a partly filled
 * order; a limit far from the market is a 400 naming the rule; a broker restarted on the same book keeps the working
 * orders; reconciliation follows a leg's fill like the cycle does; near the close resting entries are canceled and the
 * end-of-day exits cancel the legs before they sell.
 */
@CatalystIntegrationTest
@TestPropertySource(properties = {
        "catalyst.trading.allow-short=true",
        "catalyst.broker.max-fill-quantity=50",
        "catalyst.broker.slippage-bps=2",
        "catalyst.broker.commission-per-share=0.005"})
class PaperBrokerOrdersIT {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 6);
    private static final double SLIP = 2 / 10_000.0;

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
    BrokerPort broker;
    @Autowired
    MarketDataPort market;
    @Autowired
    SteppedTradingClock clock;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    com.catalyst.trading.ReconciliationDesk reconciliation;
    @Autowired
    org.apache.camel.ProducerTemplate producer;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** A limit entry whose price the session comes down to, and after it one of its legs' prices. */
    record Plan(String symbol, List<Bar> bars, int start, BigDecimal limit, BigDecimal stop, BigDecimal target, int fill) {
    }

    @Test
    void workingOrdersRestFillInPartsCancelAndCloseThroughTheirLegs() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from securities", Integer.class) >= 50);
        List<String> symbols = jdbc.queryForList("select symbol from securities where symbol ~ '^[A-Z]+$' order by symbol", String.class);
        Plan plan = null;
        List<String> others = new ArrayList<>();
        for (String symbol : symbols) {
            List<Bar> bars = market.intradayBars(symbol, DAY, at(16, 0));
            int start = indexOf(bars, at(11, 0));
            if (start < 0 || bars.get(start).close() < 10 || bars.get(start).close() > 150) {
                continue;
            }
            Plan candidate = plan == null ? plan(symbol, bars, start) : null;
            if (candidate != null) {
                plan = candidate;
            } else if (others.size() < 5) {
                others.add(symbol);
            }
        }
        assertThat(plan).as("a symbol whose price dips 1 % after 11:00").isNotNull();
        assertThat(others).hasSize(5);

        // a large market order fills 50 now (max-fill-quantity) and the rest on the next bar
        String big = others.get(0);
        JsonNode partial = order(big, "{\"quantity\":80,\"idempotency_key\":\"it-big\"}");
        assertThat(partial.get("status").asText()).isEqualTo("partially_filled");
        assertThat(partial.get("filled_qty").asInt()).isEqualTo(50);
        manage();
        assertThat(openQuantity(big)).isEqualTo(50);

        // a limit 1 % under the market rests at the broker
        JsonNode resting = order(plan.symbol(), "{\"quantity\":20,\"type\":\"limit\",\"limit_price\":" + plan.limit() + ",\"stop_price\":"
                + plan.stop() + ",\"idempotency_key\":\"it-limit\"}");
        String limitId = resting.get("client_order_id").asText();
        assertThat(resting.get("status").asText()).isEqualTo("accepted");
        assertThat(resting.get("order_type").asText()).isEqualTo("limit");
        assertThat(resting.get("take_profit_price").decimalValue()).isEqualByComparingTo(plan.target());
        assertThat(openQuantity(plan.symbol())).isZero();

        // cancel: a resting limit, and a partly filled market order that keeps its 50 shares
        JsonNode far = order(others.get(1), "{\"quantity\":10,\"type\":\"limit\",\"limit_price\":" + priceAt(others.get(1), 11, 0, 0.95)
                + ",\"idempotency_key\":\"it-cancel\"}");
        HttpResponse<String> canceled = send("DELETE", "/api/v1/trading/orders/" + far.get("client_order_id").asText(), null);
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        assertThat(json.readTree(canceled.body()).get("status").asText()).isEqualTo("canceled");
        JsonNode half = order(others.get(2), "{\"quantity\":80,\"idempotency_key\":\"it-half\"}");
        JsonNode halfCanceled = json.readTree(send("DELETE", "/api/v1/trading/orders/" + half.get("client_order_id").asText(), null).body());
        assertThat(halfCanceled.get("status").asText()).isEqualTo("canceled");
        assertThat(halfCanceled.get("filled_qty").asInt()).isEqualTo(50);
        assertThat(openQuantity(others.get(2))).isEqualTo(50);
        assertThat(send("DELETE", "/api/v1/trading/orders/CAT-NO-SUCH", null).statusCode()).isEqualTo(404);

        // a limit 20 % from the market: 400 naming the rule, recorded, nothing sent
        HttpResponse<String> tooFar = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + others.get(3) + "\",\"side\":\"buy\","
                + "\"quantity\":10,\"type\":\"limit\",\"limit_price\":" + priceAt(others.get(3), 11, 0, 0.8) + ",\"idempotency_key\":\"it-far\"}");
        assertThat(tooFar.statusCode()).as(tooFar.body()).isEqualTo(400);
        assertThat(json.readTree(tooFar.body()).get("field").asText()).isEqualTo("limit_price");
        assertThat(json.readTree(tooFar.body()).get("error").asText()).contains("limit_price_band");
        assertThat(jdbc.queryForObject("select count(*) from risk_events where event_type = 'order_rejected' and details->>'rule' = 'limit_price_band'",
                Integer.class)).isEqualTo(1);
        assertThat(broker.openOrders()).noneMatch(o -> o.symbol().equals(others.get(3)));
        assertThat(jdbc.queryForObject("select count(*) from orders o join securities s using (security_id) where s.symbol = ?", Integer.class,
                others.get(3))).isZero();

        // a broker restarted on the same book finds the same working orders (no quotes: it only reads)
        PaperBroker restarted = new PaperBroker(s -> Double.NaN, clock::now, new BigDecimal("100000"), 0, BigDecimal.ZERO,
                new JdbcPaperLedger(JdbcClient.create(jdbc), transactions));
        assertThat(ids(restarted.openOrders())).isEqualTo(ids(broker.openOrders())).contains(limitId, limitId + "-SL", limitId + "-TP");

        // the next bar: the large order completes, two fills, each recorded once
        clock.moveTo(at(11, 1));
        manage();
        manage();
        String bigId = partial.get("client_order_id").asText();
        assertThat(status(bigId)).isEqualTo("filled");
        assertThat(jdbc.queryForList("select f.quantity from fills f join orders o using (order_id) where o.client_order_id = ? order by f.fill_id",
                Integer.class, bigId)).containsExactly(50, 30);
        assertThat(jdbc.queryForList("select to_status from order_events where client_order_id = ? order by event_id", String.class, bigId))
                .containsExactly("pending_submit", "partially_filled", "filled");
        assertThat(openQuantity(big)).isEqualTo(80);

        // the limit rests until the bar whose close comes down to it, then fills at the limit or better
        clock.moveTo(plan.bars().get(plan.fill() - 1).time());
        manage();
        assertThat(status(limitId)).isEqualTo("accepted");
        clock.moveTo(plan.bars().get(plan.fill()).time());
        manage();
        assertThat(status(limitId)).isEqualTo("filled");
        BigDecimal entry = money(Math.min(plan.limit().doubleValue(), plan.bars().get(plan.fill()).close() * (1 + SLIP)));
        assertThat(jdbc.queryForObject("select filled_avg_price from orders where client_order_id = ?", BigDecimal.class, limitId))
                .isEqualByComparingTo(entry);
        assertThat(entry).isLessThanOrEqualTo(plan.limit());
        assertThat(openQuantity(plan.symbol())).isEqualTo(20);
        assertThat(jdbc.queryForList("select leg || ':' || status from orders where parent_client_order_id = ? order by leg", String.class, limitId))
                .containsExactly("stop_loss:accepted", "take_profit:accepted");

        // the first later bar past the stop or the target: that leg sells, the other is canceled
        int exitBar = -1;
        for (int i = plan.fill() + 1; i < plan.bars().size() && exitBar < 0; i++) {
            double close = plan.bars().get(i).close();
            if (close <= plan.stop().doubleValue() || close >= plan.target().doubleValue()) {
                exitBar = i;
            }
        }
        assertThat(exitBar).as("the stop or the target is reached before 15:30").isPositive();
        assertThat(plan.bars().get(exitBar).time()).isBefore(at(15, 30));
        // reconciliation runs the same order sync: the leg's fill closes the position, no repair is needed
        clock.moveTo(plan.bars().get(exitBar).time());
        reconciliation.atStartup();
        assertThat(reconciliation.tradingAllowed()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from risk_events where event_type like 'reconciliation_%'", Integer.class)).isZero();
        double close = plan.bars().get(exitBar).close();
        String closingLeg = close >= plan.target().doubleValue() ? "take_profit" : "stop_loss";
        BigDecimal exit = closingLeg.equals("take_profit") ? money(Math.max(plan.target().doubleValue(), close * (1 - SLIP))) : money(close * (1 - SLIP));
        Map<String, Object> position = jdbc.queryForMap("select p.status, p.close_reason, p.exit_price, p.realized_pnl from positions p"
                + " join orders o using (position_id) where o.client_order_id = ?", limitId);
        assertThat(position.get("status")).isEqualTo("closed");
        assertThat(position.get("close_reason")).isEqualTo(closingLeg);
        assertThat((BigDecimal) position.get("exit_price")).isEqualByComparingTo(exit);
        // as for any exit: (exit − entry) × shares − the exit's commission
        BigDecimal realized = exit.subtract(entry).multiply(BigDecimal.valueOf(20)).subtract(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP);
        assertThat((BigDecimal) position.get("realized_pnl")).isEqualByComparingTo(realized);
        assertThat(jdbc.queryForList("select leg || ':' || status from orders where parent_client_order_id = ? order by leg", String.class, limitId))
                .containsExactly(closingLeg.equals("stop_loss") ? "stop_loss:filled" : "stop_loss:canceled",
                        closingLeg.equals("take_profit") ? "take_profit:filled" : "take_profit:canceled");
        assertThat(openQuantity(plan.symbol())).isZero();

        // the record and the broker agree on what is held
        assertThat(localPositions()).isEqualTo(brokerPositions());

        // an entry still resting near the close is canceled, and the end-of-day exits cancel the legs before selling
        Instant now = clock.now();
        JsonNode late = order(others.get(4), "{\"quantity\":10,\"type\":\"limit\",\"limit_price\":"
                + BigDecimal.valueOf(market.lastPrice(others.get(4), DAY, now) * 0.95).setScale(2, RoundingMode.HALF_UP)
                + ",\"idempotency_key\":\"it-late\"}");
        assertThat(late.get("status").asText()).isEqualTo("accepted");
        // and a short's sell to open resting above the market is canceled the same way (shorts on here): a symbol that
        // does not climb to the limit by 15:56, the limit 2 % over both prices (inside the 10 % band)
        String shortSymbol = others.stream().skip(1).filter(s -> market.lastPrice(s, DAY, at(15, 56)) <= market.lastPrice(s, DAY, now) * 1.05)
                .findFirst().orElseThrow();
        BigDecimal shortLimit = BigDecimal.valueOf(Math.max(market.lastPrice(shortSymbol, DAY, now), market.lastPrice(shortSymbol, DAY, at(15, 56)))
                * 1.02).setScale(2, RoundingMode.HALF_UP);
        JsonNode lateShort = order(shortSymbol, "short", "{\"quantity\":10,\"type\":\"limit\",\"limit_price\":" + shortLimit
                + ",\"stop_price\":" + shortLimit.multiply(new BigDecimal("1.04")).setScale(2, RoundingMode.HALF_UP)
                + ",\"idempotency_key\":\"it-late-short\"}");
        assertThat(lateShort.get("status").asText()).as(lateShort.toString()).isEqualTo("accepted");
        clock.moveTo(at(15, 56));
        manage();
        assertThat(status(late.get("client_order_id").asText())).isEqualTo("canceled");
        assertThat(status(lateShort.get("client_order_id").asText())).isEqualTo("canceled");
        // an exit of more than 50 shares fills in two bars too
        clock.moveTo(at(15, 57));
        manage();
        assertThat(localPositions()).isEmpty();
        assertThat(brokerPositions()).isEmpty();
        // the large position left in parts (a leg's partial fill, then the end-of-day exit): its realized P&L adds them all
        Map<String, Object> bigPosition = jdbc.queryForMap("select p.position_id, p.entry_price, p.realized_pnl, p.close_reason from positions p"
                + " join orders o using (position_id) where o.client_order_id = ?", bigId);
        // closed by an exit that filled in two parts: the later order sync writes the reason it was sent for
        assertThat(bigPosition.get("close_reason")).isEqualTo("end_of_day");
        BigDecimal expected = jdbc.queryForObject("select sum(round((f.price - ?) * f.quantity - f.commission, 2)) from fills f"
                + " join orders o using (order_id) where o.position_id = ? and o.side = 'sell'", BigDecimal.class,
                bigPosition.get("entry_price"), bigPosition.get("position_id"));
        assertThat((BigDecimal) bigPosition.get("realized_pnl")).isEqualByComparingTo(expected);
        assertThat(jdbc.queryForObject("select sum(f.quantity) from fills f join orders o using (order_id) where o.position_id = ?"
                + " and o.side = 'sell'", Integer.class, bigPosition.get("position_id"))).isEqualTo(80);
        assertThat(broker.openOrders()).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from orders where leg is not null and status in ('new', 'accepted', 'partially_filled')",
                Integer.class)).isZero();
    }

    private Map<String, Integer> localPositions() {
        return jdbc.queryForList("select symbol, quantity from v_positions_current").stream()
                .collect(Collectors.toMap(r -> (String) r.get("symbol"), r -> ((Number) r.get("quantity")).intValue()));
    }

    private Map<String, Integer> brokerPositions() {
        return broker.positions().stream().collect(Collectors.toMap(BrokerPort.BrokerPosition::symbol, BrokerPort.BrokerPosition::quantity));
    }

    private static Plan plan(String symbol, List<Bar> bars, int start) {
        BigDecimal limit = BigDecimal.valueOf(bars.get(start).close() * 0.99).setScale(2, RoundingMode.UP);
        BigDecimal stop = limit.multiply(new BigDecimal("0.99")).setScale(2, RoundingMode.DOWN);
        BigDecimal target = limit.add(limit.subtract(stop).multiply(BigDecimal.valueOf(2))).setScale(2, RoundingMode.UP);
        int fill = -1;
        for (int i = start + 1; i < bars.size() && bars.get(i).time().isBefore(at(14, 0)); i++) {
            if (bars.get(i).close() <= limit.doubleValue()) {
                fill = i;
                break;
            }
        }
        if (fill < 0 || fill == start + 1) {
            return null;
        }
        for (int i = fill + 1; i < bars.size() && bars.get(i).time().isBefore(at(15, 30)); i++) {
            if (bars.get(i).close() <= stop.doubleValue() || bars.get(i).close() >= target.doubleValue()) {
                return new Plan(symbol, bars, start, limit, stop, target, fill);
            }
        }
        return null;
    }

    private static int indexOf(List<Bar> bars, Instant time) {
        for (int i = 0; i < bars.size(); i++) {
            if (bars.get(i).time().equals(time)) {
                return i;
            }
        }
        return -1;
    }

    private BigDecimal priceAt(String symbol, int hour, int minute, double factor) {
        return BigDecimal.valueOf(market.lastPrice(symbol, DAY, at(hour, minute)) * factor).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(double price) {
        return BigDecimal.valueOf(price).setScale(4, RoundingMode.HALF_UP);
    }

    private static Set<String> ids(List<BrokerOrder> orders) {
        return orders.stream().map(BrokerOrder::clientOrderId).collect(Collectors.toSet());
    }

    private JsonNode order(String symbol, String fields) throws Exception {
        return order(symbol, "buy", fields);
    }

    private JsonNode order(String symbol, String side, String fields) throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + symbol + "\",\"side\":\"" + side + "\","
                + fields.substring(1));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The cycle's exit step, as the workflow calls it in one JVM (over HTTP it is the workflow's door alone). */
    private void manage() {
        producer.requestBody("direct:trading-manage", "null", String.class);
    }

    private String status(String clientOrderId) {
        return jdbc.queryForObject("select status from orders where client_order_id = ?", String.class, clientOrderId);
    }

    private int openQuantity(String symbol) {
        return jdbc.queryForObject("select coalesce(sum(quantity), 0) from v_positions_current where symbol = ?", Integer.class, symbol);
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
