package com.catalyst.trading;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.catalyst.adapters.alpaca.AlpacaStreamStub;
import com.catalyst.adapters.alpaca.SimulatedAlpacaServer;
import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.adapters.simulated.SimulatedScenario;
import com.catalyst.trading.ReconciliationDesk;
import com.catalyst.testsupport.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * {@code catalyst.trading.exit.mode=trailing-atr} with {@code catalyst.broker.adapter=alpaca} against a local WireMock
 * Alpaca (Alpaca's documented order payloads), on the real PostgreSQL: the entry goes out as a plain order (Alpaca
 * takes no trailing leg in a bracket); when it fills, a {@code trailing_stop} sell for the filled shares follows with
 * {@code trail_price} = the ATR risk recorded × the multiple and the deterministic id {@code <entry>-TS}, once; a
 * restart that lost Alpaca's answer looks the stop up instead of sending it again; Alpaca's fill of the stop, pushed on
 * {@code trade_updates}, closes the position as {@code trailing_stop}. Shorts are allowed: a short's sale goes out
 * without legs too and its trailing stop is a {@code trailing_stop} buy for the shares Alpaca reports short, whose fill
 * covers the short as {@code trailing_stop}.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.market.adapter=alpaca",
        "catalyst.clock.mode=real",
        "catalyst.news.adapter=none",
        "catalyst.market.alpaca.universe-size=500",
        "catalyst.market.stale-after=6h",
        "catalyst.broker.adapter=alpaca",
        "ALPACA_API_KEY=" + AlpacaStreamStub.KEY,
        "ALPACA_SECRET_KEY=" + AlpacaStreamStub.SECRET,
        "catalyst.broker.alpaca.retry.max-attempts=2",
        "catalyst.broker.alpaca.retry.initial-backoff=20ms",
        "catalyst.broker.alpaca.retry.max-backoff=50ms",
        "catalyst.broker.alpaca.rate-limit.requests-per-minute=10000",
        "catalyst.broker.alpaca.rate-limit.burst=100",
        "catalyst.trading.exit.mode=trailing-atr",
        "catalyst.trading.exit.trail-atr-multiple=1.5",
        "catalyst.trading.allow-short=true"})
class AlpacaTrailingExitIT {

    /** AlpacaTradingIT's session: the real clock runs from 11:00 on 2026-01-06. */
    static final java.time.Clock SHIFTED = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.between(
            java.time.Instant.now(), java.time.ZonedDateTime.of(java.time.LocalDate.of(2026, 1, 6), java.time.LocalTime.of(11, 0),
                    com.catalyst.market.clock.TradingClock.EXCHANGE_ZONE).toInstant()));
    static final SimulatedAlpacaServer SERVER = new SimulatedAlpacaServer(new SimulatedMarket(new SimulatedScenario(20260105, 500)), SHIFTED);
    static final WireMockServer ALPACA = SERVER.wireMock();
    static final AlpacaStreamStub MARKET_STREAM = AlpacaStreamStub.start();
    static final AlpacaStreamStub TRADE_UPDATES = AlpacaStreamStub.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_alpaca_trailing"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        ALPACA.stubFor(get("/v2/account").willReturn(okJson("""
                {"id": "904837e3-3b76-47ec-b432-046db621571b", "account_number": "PA3J5QX0RWZN", "status": "ACTIVE",
                 "currency": "USD", "buying_power": "200000", "cash": "100000", "portfolio_value": "100000",
                 "equity": "100000", "last_equity": "100000", "pattern_day_trader": false, "trading_blocked": false,
                 "multiplier": "2", "daytrade_count": 0}""")));
        ALPACA.stubFor(get("/v2/positions").willReturn(okJson("[]")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders")).willReturn(okJson("[]")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id"))
                .willReturn(aResponse().withStatus(404).withBody("{\"code\": 40410000, \"message\": \"order not found\"}")));
        registry.add("catalyst.broker.alpaca.url", ALPACA::baseUrl);
        registry.add("catalyst.market.alpaca.data-url", ALPACA::baseUrl);
        registry.add("catalyst.market.alpaca.stream-url", () -> MARKET_STREAM.marketUrl().toString());
        registry.add("catalyst.broker.alpaca.stream-url", () -> TRADE_UPDATES.tradingBaseUrl().toString().replace("http:", "ws:") + "/stream");
    }

    @org.springframework.boot.test.context.TestConfiguration
    static class InSession {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        java.time.Clock shiftedWallClock() {
            return SHIFTED;
        }
    }

    @AfterAll
    static void stopAlpaca() {
        SERVER.close();
        MARKET_STREAM.close();
        TRADE_UPDATES.close();
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReconciliationDesk reconciliation;
    @Autowired
    com.catalyst.trading.OrderSyncDesk orderSync;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** Alpaca's answer for a market order that filled at once: the request echoed back, filled at 50.00. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder filled() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                {"id": "{{randomValue type='UUID'}}", "client_order_id": "{{jsonPath request.body '$.client_order_id'}}",
                 "created_at": "2026-01-06T16:00:01.5Z", "updated_at": "2026-01-06T16:00:01.9Z",
                 "submitted_at": "2026-01-06T16:00:01.5Z", "filled_at": "2026-01-06T16:00:01.9Z", "asset_class": "us_equity",
                 "symbol": "{{jsonPath request.body '$.symbol'}}", "qty": "{{jsonPath request.body '$.qty'}}",
                 "filled_qty": "{{jsonPath request.body '$.qty'}}", "filled_avg_price": "50.00", "order_class": "simple",
                 "order_type": "market", "type": "market", "side": "{{jsonPath request.body '$.side'}}",
                 "time_in_force": "day", "status": "filled", "extended_hours": false, "legs": null,
                 "trail_percent": null, "trail_price": null, "hwm": null}""");
    }

    /** A trailing stop as Alpaca answers it: {@code status}, its trail, the mark {@code hwm} and the stop under it. */
    static String trailingStop(String clientOrderId, String symbol, String trailPrice, String status, String hwm, String stop,
                               String filledQty, String filledAvgPrice, String filledAt) {
        return """
                {"id": "5d2f7c1a-8e3b-4a6d-9f0e-1b2c3d4e5f60", "client_order_id": "%s",
                 "created_at": "2026-01-06T16:00:02.1Z", "updated_at": "2026-01-06T16:20:07.3Z",
                 "submitted_at": "2026-01-06T16:00:02.1Z", "filled_at": %s, "asset_class": "us_equity", "symbol": "%s",
                 "qty": "10", "filled_qty": "%s", "filled_avg_price": %s, "order_class": "", "order_type": "trailing_stop",
                 "type": "trailing_stop", "side": "sell", "position_intent": "sell_to_close", "time_in_force": "day",
                 "limit_price": null, "stop_price": "%s", "trail_percent": null, "trail_price": "%s", "hwm": "%s",
                 "status": "%s", "extended_hours": false, "legs": null}""".formatted(clientOrderId,
                filledAt == null ? "null" : "\"" + filledAt + "\"", symbol, filledQty, filledAvgPrice == null ? "null" : "\"" + filledAvgPrice + "\"",
                stop, trailPrice, hwm, status);
    }

    @Test
    void theEntryFillsThenItsTrailingStopFollowsOnceAndItsFillClosesThePosition() throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(reconciliation::tradingAllowed);
        ALPACA.stubFor(post("/v2/orders").withRequestBody(containing("CAT-MAN-")).willReturn(filled()));
        ALPACA.stubFor(post("/v2/orders").withRequestBody(containing("trailing_stop")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withTransformers("response-template").withBody(trailingStop(
                        "{{jsonPath request.body '$.client_order_id'}}", "{{jsonPath request.body '$.symbol'}}",
                        "{{jsonPath request.body '$.trail_price'}}", "new", "50.00", "49.00", "0", null, null))));
        String symbol = jdbc.queryForObject("select symbol from securities where symbol ~ '^[A-Z]+$' order by symbol limit 1", String.class);

        HttpResponse<String> bought = send("POST", "/api/v1/trading/orders",
                "{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"quantity\":10,\"idempotency_key\":\"it-alpaca-trail\"}");
        JsonNode entry = json.readTree(bought.body());
        assertThat(entry.get("status").asText()).as(bought.body()).isEqualTo("filled");
        String entryId = entry.get("client_order_id").asText();
        String stopId = entryId + "-TS";

        // the entry: a plain market order, no bracket legs
        JsonNode sentEntry = json.readTree(ALPACA.findAll(postRequestedFor(urlEqualTo("/v2/orders"))
                .withRequestBody(containing("\"" + entryId + "\""))).get(0).getBodyAsString());
        assertThat(sentEntry.has("order_class")).isFalse();
        assertThat(sentEntry.has("stop_loss")).isFalse();
        assertThat(sentEntry.has("take_profit")).isFalse();

        // the trailing stop: ATR × 1.5 in dollars, as risk recorded the ATR, for the 10 filled shares, exactly these fields
        BigDecimal atr = jdbc.queryForObject("select cast(d.numbers->>'atr' as numeric) from risk_decisions d join securities s"
                + " using (security_id) where s.symbol = ? order by d.decision_id desc limit 1", BigDecimal.class, symbol);
        Map<String, Object> stop = jdbc.queryForMap("select status, order_type, leg, parent_client_order_id, quantity, trail_price,"
                + " stop_price, hwm, broker_order_id from orders where client_order_id = ?", stopId);
        BigDecimal trail = (BigDecimal) stop.get("trail_price");
        assertThat(atr).as("the ATR risk recorded with its decision").isNotNull();
        assertThat(trail).isEqualByComparingTo(atr.multiply(new BigDecimal("1.5")).setScale(2, java.math.RoundingMode.HALF_UP));
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalToJson("""
                {"symbol": "%s", "qty": "10", "side": "sell", "type": "trailing_stop", "trail_price": "%s",
                 "time_in_force": "day", "client_order_id": "%s"}""".formatted(symbol, trail.stripTrailingZeros().toPlainString(), stopId))));
        assertThat(stop.get("status")).isEqualTo("new");
        assertThat(stop.get("order_type")).isEqualTo("trailing_stop");
        assertThat(stop.get("leg")).isEqualTo("trailing_stop");
        assertThat(stop.get("parent_client_order_id")).isEqualTo(entryId);
        assertThat(stop.get("quantity")).isEqualTo(10);
        assertThat((BigDecimal) stop.get("hwm")).isEqualByComparingTo("50.00");
        assertThat((BigDecimal) stop.get("stop_price")).isEqualByComparingTo("49.00");

        // a restart that lost Alpaca's answer: the stop is looked up by its client order id, never sent a second time
        jdbc.update("update orders set status = 'pending_submit', broker_order_id = null where client_order_id = ?", stopId);
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(stopId)).atPriority(1)
                .willReturn(okJson(trailingStop(stopId, symbol, trail.toPlainString(), "new", "50.40", "49.40", "0", null, null))));
        producer.requestBody("direct:trading-manage", "null", String.class);
        assertThat(jdbc.queryForMap("select status, broker_order_id, stop_price from orders where client_order_id = ?", stopId))
                .containsEntry("status", "new").containsEntry("broker_order_id", "5d2f7c1a-8e3b-4a6d-9f0e-1b2c3d4e5f60");
        assertThat(jdbc.queryForObject("select stop_price from orders where client_order_id = ?", BigDecimal.class, stopId))
                .isEqualByComparingTo("49.40");
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(containing("\"" + stopId + "\"")));

        // Alpaca fills the stop and says so on trade_updates: the sync records the fill and closes the position
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(stopId)).atPriority(1)
                .willReturn(okJson(trailingStop(stopId, symbol, trail.toPlainString(), "filled", "51.20", "50.20", "10", "50.18",
                        "2026-01-06T16:20:07.3Z"))));
        TRADE_UPDATES.sendBinary(AlpacaStreamStub.tradeUpdate("fill", stopId, symbol, "50.18", "10", "0"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> "filled".equals(
                jdbc.queryForObject("select status from orders where client_order_id = ?", String.class, stopId)));
        Map<String, Object> position = jdbc.queryForMap("select p.status, p.close_reason, p.exit_price, p.realized_pnl from positions p"
                + " join orders o on o.position_id = p.position_id where o.client_order_id = ?", entryId);
        assertThat(position.get("status")).isEqualTo("closed");
        assertThat(position.get("close_reason")).isEqualTo("trailing_stop");
        assertThat((BigDecimal) position.get("exit_price")).isEqualByComparingTo("50.18");
        assertThat((BigDecimal) position.get("realized_pnl")).isEqualByComparingTo("1.80");
        List<String> steps = jdbc.queryForList("select coalesce(from_status, '-') || '>' || to_status from order_events where client_order_id = ?"
                + " order by event_id", String.class, stopId);
        assertThat(steps).startsWith("->pending_submit", "pending_submit>new").endsWith("new>filled");
    }

    /** A buy trailing stop (a short's cover) as Alpaca answers it: its {@code hwm} is the lowest price since, the stop over it. */
    static String buyTrailingStop(String clientOrderId, String symbol, String qty, String trailPrice, String status, String hwm, String stop,
                                  String filledQty, String filledAvgPrice, String filledAt) {
        return trailingStop(clientOrderId, symbol, trailPrice, status, hwm, stop, filledQty, filledAvgPrice, filledAt)
                .replace("\"side\": \"sell\", \"position_intent\": \"sell_to_close\"", "\"side\": \"buy\", \"position_intent\": \"buy_to_close\"")
                .replace("\"qty\": \"10\"", "\"qty\": \"" + qty + "\"")
                .replace("5d2f7c1a-8e3b-4a6d-9f0e-1b2c3d4e5f60", "7c4e1b9d-2a6f-4d3e-8b1a-5f0c9e2d7a41"); // an order of its own
    }

    @Test
    void aShortsTrailingStopIsABuyForTheSharesAlpacaHoldsShortAndItsFillCoversIt() throws Exception {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(reconciliation::tradingAllowed);
        String symbol = jdbc.queryForObject("select symbol from securities where symbol ~ '^[A-Z]+$' order by symbol offset 1 limit 1", String.class);
        String entryId = "CAT-20260106-902-" + symbol + "-sell";
        String stopId = entryId + "-TS";
        ALPACA.stubFor(get("/v2/assets/" + symbol).willReturn(okJson("""
                {"id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "class": "us_equity", "exchange": "NASDAQ", "symbol": "%s",
                 "status": "active", "tradable": true, "marginable": true, "shortable": true, "easy_to_borrow": true,
                 "fractionable": true}""".formatted(symbol))));
        ALPACA.stubFor(post("/v2/orders").withRequestBody(containing("\"" + entryId + "\"")).willReturn(filled()));

        // risk judges the short: entry 50.00, the fixed stop 51.00 above, ATR 0.40 (the trail: 0.40 × 1.5 = 0.60 dollars)
        jdbc.update("insert into trading_cycles (cycle_id, mode, status) values ('20260106-902', 'normal', 'active')");
        HttpResponse<String> judged = send("POST", "/api/v1/risk/evaluate", """
                {"cycle_id": "20260106-902", "size_multiplier": 1.0, "proposals": [{"symbol": "%s", "side": "short", "entry_price": 50.00,
                 "atr": 0.40, "pattern_type": "bear_flag", "score": 70, "stop_price": 51.00}]}""".formatted(symbol));
        assertThat(judged.statusCode()).as(judged.body()).isEqualTo(200);
        JsonNode decision = json.readTree(judged.body()).get("decisions").get(0);
        assertThat(decision.get("verdict").asText()).as(decision.toString()).isIn("approved", "resized");
        int quantity = decision.get("approved_quantity").asInt();
        ALPACA.stubFor(post("/v2/orders").withRequestBody(containing("\"" + stopId + "\"")).atPriority(1).willReturn(okJson(
                buyTrailingStop(stopId, symbol, String.valueOf(quantity), "0.6", "new", "50.00", "50.60", "0", null, null))));

        // the sale fills, but Alpaca's positions do not show the short yet: no cover is placed for shares not held short
        String executed = producer.requestBody("direct:trading-execute", "{\"cycle_id\": \"20260106-902\", \"decisions\": ["
                + decision + "]}", String.class);
        assertThat(executed).contains("filled");
        assertThat(jdbc.queryForList("select status from orders where client_order_id = ?", String.class, stopId)).isEmpty();
        ALPACA.verify(0, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(containing("\"" + stopId + "\"")));

        // Alpaca reports the short (side short, a negative qty): the next sync places the cover for it
        ALPACA.stubFor(get("/v2/positions").atPriority(1).willReturn(okJson("""
                [{"asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "symbol": "%s", "exchange": "NASDAQ", "asset_class": "us_equity",
                  "avg_entry_price": "50.00", "qty": "-%d", "qty_available": "-%d", "side": "short", "market_value": "-%d.00",
                  "cost_basis": "-%d.00", "unrealized_pl": "0", "current_price": "50.00", "lastday_price": "50.00", "change_today": "0"}]"""
                .formatted(symbol, quantity, quantity, 50 * quantity, 50 * quantity))));
        assertThat(orderSync.protect()).isEqualTo(1);

        // the sale: a plain sell, no bracket legs
        JsonNode sentEntry = json.readTree(ALPACA.findAll(postRequestedFor(urlEqualTo("/v2/orders"))
                .withRequestBody(containing("\"" + entryId + "\""))).get(0).getBodyAsString());
        assertThat(sentEntry.get("side").asText()).isEqualTo("sell");
        assertThat(sentEntry.has("order_class")).isFalse();
        assertThat(sentEntry.has("stop_loss")).isFalse();
        // its trailing stop: a buy for the shares held short, the ATR trail in dollars, exactly these fields
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalToJson("""
                {"symbol": "%s", "qty": "%d", "side": "buy", "type": "trailing_stop", "trail_price": "0.6",
                 "time_in_force": "day", "client_order_id": "%s"}""".formatted(symbol, quantity, stopId))));
        Map<String, Object> stop = jdbc.queryForMap("select status, side, leg, parent_client_order_id, quantity, trail_price, stop_price, hwm"
                + " from orders where client_order_id = ?", stopId);
        assertThat(stop).containsEntry("status", "new").containsEntry("side", "buy").containsEntry("leg", "trailing_stop")
                .containsEntry("parent_client_order_id", entryId).containsEntry("quantity", quantity);
        assertThat((BigDecimal) stop.get("trail_price")).isEqualByComparingTo("0.60");
        assertThat((BigDecimal) stop.get("hwm")).isEqualByComparingTo("50.00");
        assertThat((BigDecimal) stop.get("stop_price")).isEqualByComparingTo("50.60");

        // the price fell to 49.10 and rose back through the stop (49.70): Alpaca's fill, pushed on trade_updates, covers the short
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(stopId)).atPriority(1)
                .willReturn(okJson(buyTrailingStop(stopId, symbol, String.valueOf(quantity), "0.6", "filled", "49.10", "49.70",
                        String.valueOf(quantity), "49.72", "2026-01-06T16:20:07.3Z"))));
        ALPACA.stubFor(get("/v2/positions").atPriority(1).willReturn(okJson("[]")));
        TRADE_UPDATES.sendBinary(AlpacaStreamStub.tradeUpdate("fill", stopId, symbol, "49.72", String.valueOf(quantity), "0"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> "filled".equals(
                jdbc.queryForObject("select status from orders where client_order_id = ?", String.class, stopId)));
        Map<String, Object> position = jdbc.queryForMap("select p.side, p.status, p.close_reason, p.exit_price, p.realized_pnl from positions p"
                + " join orders o on o.position_id = p.position_id where o.client_order_id = ?", entryId);
        assertThat(position).containsEntry("side", "short").containsEntry("status", "closed").containsEntry("close_reason", "trailing_stop");
        assertThat((BigDecimal) position.get("exit_price")).isEqualByComparingTo("49.72");
        // sold at 50.00, covered at 49.72
        assertThat((BigDecimal) position.get("realized_pnl")).isEqualByComparingTo(new BigDecimal("0.28").multiply(BigDecimal.valueOf(quantity)));
        assertThat(jdbc.queryForObject("select stop_price from orders where client_order_id = ?", BigDecimal.class, stopId))
                .isEqualByComparingTo("49.70");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
