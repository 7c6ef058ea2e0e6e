package com.catalyst.trading;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.catalyst.adapters.alpaca.AlpacaStreamStub;
import com.catalyst.adapters.alpaca.SimulatedAlpacaServer;
import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.adapters.simulated.SimulatedScenario;
import com.catalyst.trading.ReconciliationDesk;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.workflow.CycleSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trading cycle end to end with {@code catalyst.broker.adapter=alpaca} against a local WireMock Alpaca, on the real
 * PostgreSQL: start-up reads the account and reconciles through the adapter; a cycle's bracket orders reach the stub
 * once each with their deterministic client order ids and are recorded with Alpaca's answer; when Alpaca keeps failing,
 * the orders are recorded unknown (for reconciliation) and the cycle still completes; the adapter's meters are served.
 */
@CamelSpringBootTest
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "catalyst.workflow.auto-start=false",
        // the Alpaca broker trades only on Alpaca's market and the real clock (AlpacaBrokerSafety)
        "catalyst.market.adapter=alpaca",
        "catalyst.clock.mode=real",
        "catalyst.news.adapter=none",
        "catalyst.market.alpaca.universe-size=500",
        // no live bar is streamed here: the stale-data guard must not stop the entries this test is about
        "catalyst.market.stale-after=6h",
        "catalyst.broker.adapter=alpaca",
        "ALPACA_API_KEY=" + AlpacaStreamStub.KEY,
        "ALPACA_SECRET_KEY=" + AlpacaStreamStub.SECRET,
        "catalyst.broker.alpaca.retry.max-attempts=2",
        "catalyst.broker.alpaca.retry.initial-backoff=20ms",
        "catalyst.broker.alpaca.retry.max-backoff=50ms",
        "catalyst.broker.alpaca.rate-limit.requests-per-minute=10000",
        "catalyst.broker.alpaca.rate-limit.burst=100",
        "camel.resilience4j.configurations.broker.wait-duration-in-open-state=2",
        "catalyst.trading.reconcile-min-age=0s"})
class AlpacaTradingIT {

    /** TradingCycleIT's session, where the seeded market has setups: the real clock runs from 11:00 on 2026-01-06. */
    static final java.time.Clock SHIFTED = java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.between(
            java.time.Instant.now(), java.time.ZonedDateTime.of(java.time.LocalDate.of(2026, 1, 6), java.time.LocalTime.of(11, 0),
                    com.catalyst.market.clock.TradingClock.EXCHANGE_ZONE).toInstant()));
    static final SimulatedAlpacaServer SERVER = new SimulatedAlpacaServer(
            new SimulatedMarket(new SimulatedScenario(20260105, 500)), SHIFTED);
    /** One WireMock for Alpaca's trading and data hosts: the market's answers are computed, the trading ones stubbed here. */
    static final WireMockServer ALPACA = SERVER.wireMock();
    static final AlpacaStreamStub MARKET_STREAM = AlpacaStreamStub.start();
    static final AlpacaStreamStub TRADE_UPDATES = AlpacaStreamStub.start();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_alpaca"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        stubAlpaca();
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

    /** Alpaca as documented: an account, no positions, no orders yet; a new order is echoed back accepted. */
    static void stubAlpaca() {
        ALPACA.stubFor(get("/v2/account").willReturn(okJson("""
                {"id": "904837e3-3b76-47ec-b432-046db621571b", "account_number": "PA3J5QX0RWZN", "status": "ACTIVE",
                 "currency": "USD", "buying_power": "200000", "cash": "100000", "portfolio_value": "100000",
                 "equity": "100000", "last_equity": "100000", "pattern_day_trader": false, "trading_blocked": false,
                 "multiplier": "2", "daytrade_count": 0}""")));
        ALPACA.stubFor(get("/v2/positions").willReturn(okJson("[]")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders")).willReturn(okJson("[]")));
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id"))
                .willReturn(aResponse().withStatus(404).withBody("{\"code\": 40410000, \"message\": \"order not found\"}")));
        ALPACA.stubFor(post("/v2/orders").willReturn(accepted()));
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
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCycleSendsItsOrdersToAlpacaOnceEachAndRecordsTheAnswers() throws Exception {
        assertThat(reconciliation.tradingAllowed()).as("start-up reconciliation through the adapter").isTrue();
        ALPACA.verify(getRequestedFor(urlEqualTo("/v2/account")));
        ALPACA.verify(getRequestedFor(urlEqualTo("/v2/positions")));

        CycleSummary summary = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);

        assertThat(summary.status()).isEqualTo("completed");
        // Alpaca accepts market orders and fills them later: accepted orders are sent, not yet placed (filled)
        assertThat(summary.approved()).isPositive();
        assertThat(summary.orders()).hasSize((int) summary.approved()).allSatisfy(o -> assertThat(o.status()).isEqualTo("accepted"));
        String cycle = summary.cycleId();
        List<LoggedRequest> posts = ALPACA.findAll(postRequestedFor(urlEqualTo("/v2/orders")));
        List<String> sent = posts.stream().map(p -> body(p).get("client_order_id").asText()).toList();
        List<String> recorded = jdbc.queryForList("select client_order_id from orders where cycle_id = ? order by client_order_id",
                String.class, cycle);
        assertThat(sent).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(recorded);
        assertThat(recorded).hasSize((int) summary.approved()).allMatch(c -> c.startsWith("CAT-" + cycle + "-") && c.endsWith("-buy"));
        for (LoggedRequest p : posts) {
            JsonNode order = body(p);
            assertThat(p.getHeader("APCA-API-KEY-ID")).isEqualTo(AlpacaStreamStub.KEY);
            assertThat(order.get("order_class").asText()).isEqualTo("bracket");
            assertThat(order.get("time_in_force").asText()).isEqualTo("day");
            // prices are decimal strings, as Alpaca documents
            assertThat(new java.math.BigDecimal(order.get("stop_loss").get("stop_price").asText()))
                    .isPositive().isLessThan(new java.math.BigDecimal(order.get("take_profit").get("limit_price").asText()));
        }
        // recorded with Alpaca's answer: its order id and status, after pending_submit
        assertThat(jdbc.queryForList("select status from orders where cycle_id = ?", String.class, cycle)).containsOnly("accepted");
        assertThat(jdbc.queryForObject("select count(*) from orders where cycle_id = ? and broker_order_id is null", Integer.class, cycle))
                .isZero();
        assertThat(jdbc.queryForList("select coalesce(from_status, '-') || '>' || to_status from order_events e join orders o"
                + " using (client_order_id) where o.cycle_id = ? order by e.event_id", String.class, cycle))
                .containsOnly("->pending_submit", "pending_submit>accepted");

        // fills pushed: Alpaca's trade_updates stream says one entry filled; the order sync runs at once, no cycle needed
        assertThat(TRADE_UPDATES.received("authenticate")).hasSize(1);
        assertThat(TRADE_UPDATES.received("listen")).hasSize(1);
        Map<String, Object> pushed = jdbc.queryForMap("select o.client_order_id, s.symbol, o.quantity from orders o"
                + " join securities s using (security_id) where o.cycle_id = ? order by o.client_order_id limit 1", cycle);
        String pushedId = (String) pushed.get("client_order_id");
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", matching(pushedId))
                .atPriority(1).willReturn(filledLookup(pushed.get("symbol") + "", pushed.get("quantity") + "")));
        TRADE_UPDATES.sendBinary(AlpacaStreamStub.tradeUpdate("fill", pushedId, pushed.get("symbol") + "", "50.00",
                pushed.get("quantity") + "", pushed.get("quantity") + ""));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> "filled".equals(
                jdbc.queryForObject("select status from orders where client_order_id = ?", String.class, pushedId)));
        assertThat(jdbc.queryForObject("select count(*) from fills f join orders o using (order_id) where o.client_order_id = ?",
                Integer.class, pushedId)).isEqualTo(1);

        // the trader's account view is Alpaca's
        JsonNode account = json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/trading/account"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(account.get("account_id").asText()).isEqualTo("PA3J5QX0RWZN");
        assertThat(account.get("paper").asBoolean()).isTrue();

        // an exit Alpaca rejects can be tried again: the retry is a new attempt with a new client order id
        ALPACA.stubFor(post("/v2/orders").withRequestBody(containing("CAT-MAN-")).willReturn(filled()));
        String symbol = jdbc.queryForObject("select symbol from securities where symbol ~ '^[A-Z]+$' and symbol not in"
                + " (select s.symbol from orders o join securities s using (security_id)) order by symbol limit 1", String.class);
        HttpResponse<String> bought = send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"quantity\":10}");
        assertThat(json.readTree(bought.body()).get("status").asText()).as(bought.body()).isEqualTo("filled");
        int position = jdbc.queryForObject("select position_id from v_positions_current where symbol = ?", Integer.class, symbol);
        // Alpaca now holds the 10 shares: an exit sells only what the broker says it holds (TradeDesk)
        ALPACA.stubFor(get("/v2/positions").atPriority(1).willReturn(okJson("[{\"symbol\": \"" + symbol + "\", \"qty\": \"10\","
                + " \"side\": \"long\", \"avg_entry_price\": \"50.00\"}]")));
        ALPACA.stubFor(post("/v2/orders").withRequestBody(containing("CAT-EXIT-")).willReturn(aResponse().withStatus(403)
                .withBody("{\"code\": 40310000, \"message\": \"insufficient qty available for order\"}")));
        JsonNode refused = json.readTree(send("DELETE", "/api/v1/trading/positions/" + symbol, null).body()).get("outcomes").get(0);
        assertThat(refused.get("status").asText()).isEqualTo("rejected");
        assertThat(refused.get("client_order_id").asText()).isEqualTo("CAT-EXIT-" + position);
        assertThat(refused.get("reason").asText()).contains("insufficient qty available");
        ALPACA.stubFor(post("/v2/orders").withRequestBody(containing("CAT-EXIT-")).willReturn(filled()));
        JsonNode closed = json.readTree(send("DELETE", "/api/v1/trading/positions/" + symbol, null).body()).get("outcomes").get(0);
        assertThat(closed.get("status").asText()).isEqualTo("filled");
        assertThat(closed.get("client_order_id").asText()).isEqualTo("CAT-EXIT-" + position + "-2");
        assertThat(jdbc.queryForObject("select status from positions where position_id = ?", String.class, position)).isEqualTo("closed");
        ALPACA.stubFor(get("/v2/positions").atPriority(1).willReturn(okJson("[]")));
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(containing("\"CAT-EXIT-" + position + "\"")));
        ALPACA.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(containing("\"CAT-EXIT-" + position + "-2\"")));

        // an answer that is not Alpaca's JSON: the order is recorded unknown with what was wrong, for reconciliation
        ALPACA.stubFor(post("/v2/orders").withRequestBody(containing("CAT-MAN-"))
                .willReturn(aResponse().withStatus(200).withBody("<html><body>502 Bad Gateway</body></html>")));
        JsonNode garbled = json.readTree(send("POST", "/api/v1/trading/orders",
                "{\"symbol\":\"" + symbol + "\",\"side\":\"buy\",\"quantity\":10,\"idempotency_key\":\"garbled-1\"}").body());
        assertThat(garbled.get("status").asText()).as(garbled.toString()).isEqualTo("unknown");
        assertThat(garbled.get("reject_reason").asText()).contains("unreadable answer from Alpaca");
        posts = ALPACA.findAll(postRequestedFor(urlEqualTo("/v2/orders")));

        // the first cycle's entries end at Alpaca unfilled (the next cycle's order sync reads them canceled): working, they
        // would still count toward the open positions and exposure, and the next cycle could not enter the same symbols
        ALPACA.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", matching("CAT-" + cycle + "-.*"))
                .willReturn(canceled()));

        // Alpaca fails every order: after the adapter's attempts each is recorded unknown (or, once the broker circuit
        // breaker has opened, rejected unsent), and the cycle completes
        ALPACA.stubFor(post("/v2/orders").willReturn(aResponse().withStatus(503).withBody("upstream unavailable")));
        int postsBefore = posts.size();
        CycleSummary failing = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        assertThat(failing.status()).isEqualTo("completed");
        List<Map<String, Object>> orders = jdbc.queryForList("select client_order_id, status, reject_reason from orders where cycle_id = ?",
                failing.cycleId());
        List<Map<String, Object>> unknown = orders.stream().filter(o -> "unknown".equals(o.get("status"))).toList();
        assertThat(unknown).isNotEmpty().allSatisfy(o -> assertThat((String) o.get("reject_reason"))
                .contains("after 2 attempts").contains("HTTP 503").doesNotContain(AlpacaStreamStub.SECRET));
        assertThat(orders).filteredOn(o -> !"unknown".equals(o.get("status"))).allSatisfy(o -> {
            assertThat(o.get("status")).isEqualTo("rejected");
            assertThat((String) o.get("reject_reason")).contains("circuit breaker is open");
        });
        // two attempts an order that was tried, each re-send after a lookup by client order id; none sent once the breaker opened
        int attempts = ALPACA.findAll(postRequestedFor(urlEqualTo("/v2/orders"))).size() - postsBefore;
        assertThat(attempts).isEqualTo(2 * unknown.size());

        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).containsPattern("resilience4j_retry_calls_total\\{.*kind=\"failed_with_retry\".*name=\"alpaca\".*\\} [1-9]");
        assertThat(metrics).contains("resilience4j_ratelimiter_available_permissions{").contains("catalyst_broker_rate_limit_wait_seconds_count{")
                .contains("resilience4j_circuitbreaker_state{");

        // reconciliation settles the unknown orders (Alpaca never saw them: canceled, not resent), so they no longer count
        // toward the limits; each order below is in a symbol of its own, as an unknown or working one refuses a second entry
        reconciliation.scheduled();
        assertThat(jdbc.queryForObject("select count(*) from orders where status = 'unknown'", Integer.class)).isZero();
        assertThat(send("PUT", "/api/v1/risk/limits", "{\"max_open_positions\": 20}").statusCode()).isEqualTo(200);
        java.util.Iterator<String> fresh = jdbc.queryForList("select symbol from securities where symbol ~ '^[A-Z]+$' and symbol not in"
                + " (select s.symbol from orders o join securities s using (security_id)) order by symbol limit 20", String.class).iterator();

        // while Alpaca keeps failing, the broker circuit breaker opens (half of the last 10 calls failed); then no order
        // reaches Alpaca: each is recorded rejected, "not sent", at once
        for (int i = 0; i < 10 && breakerState("open") < 1; i++) {
            send("POST", "/api/v1/trading/orders", "{\"symbol\":\"" + fresh.next() + "\",\"side\":\"buy\",\"quantity\":1,\"idempotency_key\":\"down-" + i + "\"}");
        }
        assertThat(breakerState("open")).isEqualTo(1.0);
        int postsWhileOpen = ALPACA.findAll(postRequestedFor(urlEqualTo("/v2/orders"))).size();
        JsonNode unsent = json.readTree(send("POST", "/api/v1/trading/orders",
                "{\"symbol\":\"" + fresh.next() + "\",\"side\":\"buy\",\"quantity\":1,\"idempotency_key\":\"open-1\"}").body());
        assertThat(unsent.get("status").asText()).isEqualTo("rejected");
        assertThat(unsent.get("reject_reason").asText()).contains("not sent: broker circuit breaker is open");
        assertThat(ALPACA.findAll(postRequestedFor(urlEqualTo("/v2/orders")))).hasSize(postsWhileOpen);

        // Alpaca recovers: after the open wait the breaker lets two probes through, they succeed, and it closes
        ALPACA.stubFor(post("/v2/orders").withRequestBody(containing("CAT-MAN-")).willReturn(accepted()));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> breakerState("half_open") >= 1);
        assertThat(breakerState("half_open")).isEqualTo(1.0);
        for (int i = 1; i <= 2; i++) {
            JsonNode probe = json.readTree(send("POST", "/api/v1/trading/orders",
                    "{\"symbol\":\"" + fresh.next() + "\",\"side\":\"buy\",\"quantity\":1,\"idempotency_key\":\"probe-" + i + "\"}").body());
            assertThat(probe.get("status").asText()).as(probe.toString()).isEqualTo("accepted");
        }
        assertThat(breakerState("closed")).isEqualTo(1.0);
    }

    /** The broker circuit breaker's state gauge in /actuator/prometheus: 1.0 for the state it is in. */
    private double breakerState(String state) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(l -> l.startsWith("resilience4j_circuitbreaker_state{") && l.contains("state=\"" + state + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).max().orElse(-1);
    }

    /** Alpaca's usual answer to a new market order: the request echoed back, accepted, nothing filled yet. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withTransformers("response-template").withBody("""
                        {"id": "{{randomValue type='UUID'}}", "client_order_id": "{{jsonPath request.body '$.client_order_id'}}",
                         "created_at": "2026-01-06T16:00:01.5Z", "updated_at": "2026-01-06T16:00:01.5Z",
                         "submitted_at": "2026-01-06T16:00:01.5Z", "filled_at": null, "asset_class": "us_equity",
                         "symbol": "{{jsonPath request.body '$.symbol'}}", "qty": "{{jsonPath request.body '$.qty'}}",
                         "filled_qty": "0", "filled_avg_price": null, "order_class": "{{jsonPath request.body '$.order_class'}}",
                         "order_type": "market", "type": "market", "side": "{{jsonPath request.body '$.side'}}",
                         "time_in_force": "day", "status": "accepted", "extended_hours": false, "legs": null}""");
    }

    /** Alpaca's answer to a lookup of an order it canceled unfilled (the order's fields as the lookup names them). */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder canceled() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                {"id": "{{randomValue type='UUID'}}", "client_order_id": "{{request.query.client_order_id}}",
                 "created_at": "2026-01-06T16:00:01.5Z", "updated_at": "2026-01-06T16:00:02.5Z",
                 "submitted_at": "2026-01-06T16:00:01.5Z", "filled_at": null, "canceled_at": "2026-01-06T16:00:02.5Z",
                 "asset_class": "us_equity", "symbol": "SPY", "qty": "1", "filled_qty": "0", "filled_avg_price": null,
                 "order_class": "bracket", "order_type": "market", "type": "market", "side": "buy",
                 "time_in_force": "day", "status": "canceled", "extended_hours": false, "legs": null}""");
    }

    /** Alpaca's answer to a lookup of an entry that filled at 50.00 (what the trade update announced). */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder filledLookup(String symbol, String quantity) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                {"id": "9a5d6f3e-0c1b-4f7e-9d2a-3b4c5d6e7f80", "client_order_id": "{{request.query.client_order_id}}",
                 "created_at": "2026-01-06T16:00:01.5Z", "updated_at": "2026-01-06T16:00:02.5Z",
                 "submitted_at": "2026-01-06T16:00:01.5Z", "filled_at": "2026-01-06T16:00:02.5Z",
                 "asset_class": "us_equity", "symbol": "%s", "qty": "%s", "filled_qty": "%s", "filled_avg_price": "50.00",
                 "order_class": "bracket", "order_type": "market", "type": "market", "side": "buy",
                 "time_in_force": "day", "status": "filled", "extended_hours": false, "legs": null}""".formatted(symbol, quantity, quantity));
    }

    /** Alpaca's answer for an order that filled at once: the request echoed back, filled at 50.00. */
    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder filled() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withTransformers("response-template").withBody("""
                {"id": "{{randomValue type='UUID'}}", "client_order_id": "{{jsonPath request.body '$.client_order_id'}}",
                 "created_at": "2026-01-06T16:00:01.5Z", "updated_at": "2026-01-06T16:00:01.9Z",
                 "submitted_at": "2026-01-06T16:00:01.5Z", "filled_at": "2026-01-06T16:00:01.9Z", "asset_class": "us_equity",
                 "symbol": "{{jsonPath request.body '$.symbol'}}", "qty": "{{jsonPath request.body '$.qty'}}",
                 "filled_qty": "{{jsonPath request.body '$.qty'}}", "filled_avg_price": "50.00", "order_class": "simple",
                 "order_type": "market", "type": "market", "side": "{{jsonPath request.body '$.side'}}",
                 "time_in_force": "day", "status": "filled", "extended_hours": false, "legs": null}""");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(LoggedRequest request) {
        try {
            return json.readTree(request.getBodyAsString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + request.getBodyAsString(), e);
        }
    }
}
