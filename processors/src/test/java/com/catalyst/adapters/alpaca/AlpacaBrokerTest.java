package com.catalyst.adapters.alpaca;

import com.catalyst.trading.BracketLeg;
import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerPort;
import com.catalyst.trading.BrokerUnavailableException;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.OrderStatus;
import com.catalyst.trading.UnreadableBrokerAnswerException;

import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Alpaca trading adapter against a local WireMock stub serving the payloads of Alpaca's trading API v2
 * (field names and shapes from REFERENCE.md 4.3-4.7): the bodies it sends, what it makes of each answer, and its
 * retries, counted in the stub's request log.
 */
class AlpacaBrokerTest {

    static final String KEY = "PKTESTKEYID";
    static final String SECRET = "s3cr3t-never-shown";
    static final String CID = "CAT-20260106-001-AAPL-buy";
    static final String ORDER_ID = "61e69015-8549-4bfd-b9c3-01e75843f47d";

    WireMockServer alpaca;
    AlpacaBroker broker;
    final List<Duration> rateLimitWaits = new ArrayList<>();

    @BeforeEach
    void start() {
        alpaca = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        broker = broker(Duration.ofSeconds(3));
    }

    @AfterEach
    void stop() {
        alpaca.stop();
    }

    AlpacaBroker broker(Duration requestTimeout) {
        // short backoffs keep the test fast; three attempts a call
        return new AlpacaBroker(new AlpacaTradingMode(false, URI.create(alpaca.baseUrl())), KEY, SECRET, Duration.ofSeconds(2),
                requestTimeout, new AlpacaRest.Retries(3, Duration.ofMillis(10), 2.0, 0.5, Duration.ofMillis(50), Duration.ofSeconds(2)),
                new AlpacaRest.RateLimit(6000, 100, Duration.ofSeconds(1)), rateLimitWaits::add);
    }

    /** An order as Alpaca answers it (GET/POST /v2/orders), with the fields Alpaca documents. */
    static String order(String id, String clientOrderId, String status, String orderClass, String filledQty, String filledAvgPrice,
                        String filledAt) {
        return """
                {"id": "%s", "client_order_id": "%s", "created_at": "2026-01-06T16:05:01.123456Z",
                 "updated_at": "2026-01-06T16:05:01.123456Z", "submitted_at": "2026-01-06T16:05:01.117321Z",
                 "filled_at": %s, "expired_at": null, "canceled_at": null, "failed_at": null, "replaced_at": null,
                 "replaced_by": null, "replaces": null, "asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "symbol": "AAPL",
                 "asset_class": "us_equity", "notional": null, "qty": "10", "filled_qty": "%s", "filled_avg_price": %s,
                 "order_class": "%s", "order_type": "market", "type": "market", "side": "buy", "position_intent": "buy_to_open",
                 "time_in_force": "day", "limit_price": null, "stop_price": null, "status": "%s", "extended_hours": false,
                 "legs": null, "trail_percent": null, "trail_price": null, "hwm": null}
                """.formatted(id, clientOrderId, filledAt == null ? "null" : "\"" + filledAt + "\"", filledQty,
                filledAvgPrice == null ? "null" : "\"" + filledAvgPrice + "\"", orderClass, status);
    }

    static String accepted() {
        return order(ORDER_ID, CID, "accepted", "simple", "0", null, null);
    }

    static OrderRequest market() {
        return new OrderRequest(CID, "AAPL", OrderSide.BUY, 10, OrderType.MARKET, null, null, null);
    }

    static String error(long code, String message) {
        return "{\"code\": " + code + ", \"message\": \"" + message + "\"}";
    }

    @Test
    void sendsAMarketOrderAsAlpacaDocumentsItWithTheKeyHeaders() {
        alpaca.stubFor(post("/v2/orders").willReturn(okJson(accepted())));

        BrokerOrder placed = broker.submit(market());

        assertThat(placed.brokerOrderId()).isEqualTo(ORDER_ID);
        assertThat(placed.clientOrderId()).isEqualTo(CID);
        assertThat(placed.status()).isEqualTo("accepted");
        assertThat(placed.quantity()).isEqualTo(10);
        assertThat(placed.filledQuantity()).isZero();
        assertThat(placed.submittedAt()).isEqualTo(Instant.parse("2026-01-06T16:05:01.117321Z"));
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY))
                .withHeader("APCA-API-SECRET-KEY", equalTo(SECRET))
                .withRequestBody(equalToJson("""
                        {"symbol": "AAPL", "qty": "10", "side": "buy", "type": "market", "time_in_force": "day",
                         "client_order_id": "CAT-20260106-001-AAPL-buy"}""")));
    }

    @Test
    void sendsABracketWithItsTwoLegsAndALimitEntry() {
        alpaca.stubFor(post("/v2/orders").willReturn(okJson(order(ORDER_ID, CID, "new", "bracket", "0", null, null))));

        broker.submit(new OrderRequest(CID, "AAPL", OrderSide.BUY, 10, OrderType.LIMIT, new BigDecimal("187.50"), new BigDecimal("183.75"),
                new BigDecimal("195.00")));

        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalToJson("""
                {"symbol": "AAPL", "qty": "10", "side": "buy", "type": "limit", "limit_price": "187.50", "time_in_force": "day",
                 "client_order_id": "CAT-20260106-001-AAPL-buy", "order_class": "bracket",
                 "take_profit": {"limit_price": "195.00"}, "stop_loss": {"stop_price": "183.75"}}""")));
        assertThatThrownBy(() -> broker.submit(new OrderRequest("CAT-X", "AAPL", OrderSide.BUY, 1, OrderType.LIMIT, null, null, null)))
                .hasMessageContaining("limit price");
    }

    @Test
    void findsAnOrderByItsClientOrderIdAndReadsItsFill() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(CID))
                .willReturn(okJson(order(ORDER_ID, CID, "filled", "simple", "10", "187.42", "2026-01-06T16:05:02.501937Z"))));
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo("CAT-NEVER"))
                .willReturn(aResponse().withStatus(404).withBody(error(40410000, "order not found"))));

        BrokerOrder found = broker.findByClientOrderId(CID).orElseThrow();

        assertThat(found.filled()).isTrue();
        assertThat(found.filledQuantity()).isEqualTo(10);
        assertThat(found.filledAveragePrice()).isEqualByComparingTo("187.42");
        assertThat(found.filledAt()).isEqualTo(Instant.parse("2026-01-06T16:05:02.501937Z"));
        assertThat(broker.findByClientOrderId("CAT-NEVER")).isEmpty();
    }

    @Test
    void aBracketEntryComesWithItsLegsNamingItAsParent() {
        String takeProfit = order("7c6a43f4-2f41-4c7e-9c1b-8a0b1d6b9c01", "5f0b7e1c-tp", "new", "bracket", "0", null, null)
                .replace("\"type\": \"market\"", "\"type\": \"limit\"").replace("\"side\": \"buy\"", "\"side\": \"sell\"")
                .replace("\"limit_price\": null", "\"limit_price\": \"195.00\"");
        String stopLoss = order("0d2b7a9e-61a4-4a51-8f3e-2f7c5a1e4b02", "5f0b7e1c-sl", "held", "bracket", "0", null, null)
                .replace("\"type\": \"market\"", "\"type\": \"stop\"").replace("\"side\": \"buy\"", "\"side\": \"sell\"")
                .replace("\"stop_price\": null", "\"stop_price\": \"183.50\"");
        String entry = order(ORDER_ID, CID, "filled", "bracket", "10", "187.42", "2026-01-06T16:05:02.501937Z")
                .replace("\"legs\": null", "\"legs\": [" + takeProfit + "," + stopLoss + "]");
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(CID))
                .willReturn(okJson(entry)));

        BrokerOrder found = broker.findByClientOrderId(CID).orElseThrow();

        assertThat(found.legs()).extracting(BrokerOrder::leg).containsExactly(BracketLeg.TAKE_PROFIT, BracketLeg.STOP_LOSS);
        assertThat(found.legs()).extracting(BrokerOrder::parentClientOrderId).containsOnly(CID);
        assertThat(found.legs()).extracting(BrokerOrder::status).containsExactly("new", "held");
        assertThat(found.legs().get(0).limitPrice()).isEqualByComparingTo("195.00");
        assertThat(found.legs().get(1).stopPrice()).isEqualByComparingTo("183.50");
        assertThat(found.leg()).isNull();
        assertThat(found.parentClientOrderId()).isNull();
    }

    @Test
    void cancelsByClientOrderIdThroughAlpacasOwnId() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(CID))
                .willReturn(okJson(accepted())));
        alpaca.stubFor(delete("/v2/orders/" + ORDER_ID).willReturn(aResponse().withStatus(204)));
        alpaca.stubFor(get("/v2/orders/" + ORDER_ID).willReturn(okJson(order(ORDER_ID, CID, "canceled", "simple", "0", null, null))));
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo("CAT-NEVER"))
                .willReturn(aResponse().withStatus(404).withBody(error(40410000, "order not found"))));

        assertThat(broker.cancel(CID)).get().extracting(BrokerOrder::status).isEqualTo("canceled");
        assertThat(broker.cancel("CAT-NEVER")).isEmpty();

        alpaca.verify(1, deleteRequestedFor(urlEqualTo("/v2/orders/" + ORDER_ID)));
    }

    @Test
    void anOrderThatFilledBeforeTheCancelComesBackFilled() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).willReturn(okJson(accepted())));
        alpaca.stubFor(delete("/v2/orders/" + ORDER_ID).willReturn(aResponse().withStatus(422).withBody(error(42210000, "order is not cancelable"))));
        alpaca.stubFor(get("/v2/orders/" + ORDER_ID).willReturn(okJson(order(ORDER_ID, CID, "filled", "simple", "10", "187.42",
                "2026-01-06T16:05:02.501937Z"))));

        assertThat(broker.cancel(CID)).get().extracting(BrokerOrder::status).isEqualTo("filled");
    }

    @Test
    void listsOpenOrdersPositionsAndTheAccount() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders")).withQueryParam("status", equalTo("open"))
                .willReturn(okJson("[" + accepted() + "," + order("a8c1b8b2-3b7e-4d43-9d25-1c0f2a6a8f11", "CAT-LEG-1", "held", "bracket", "0",
                        null, null) + "]")));
        alpaca.stubFor(get("/v2/positions").willReturn(okJson("""
                [{"asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "symbol": "AAPL", "exchange": "NASDAQ", "asset_class": "us_equity",
                  "asset_marginable": true, "avg_entry_price": "187.42", "qty": "10", "qty_available": "10", "side": "long",
                  "market_value": "1881.50", "cost_basis": "1874.20", "unrealized_pl": "7.30", "unrealized_plpc": "0.0038950272",
                  "unrealized_intraday_pl": "7.30", "unrealized_intraday_plpc": "0.0038950272", "current_price": "188.15",
                  "lastday_price": "185.92", "change_today": "0.0119944062"}]""")));
        alpaca.stubFor(get("/v2/account").willReturn(okJson(account())));

        assertThat(broker.openOrders()).extracting(BrokerOrder::clientOrderId, BrokerOrder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CID, "accepted"), org.assertj.core.groups.Tuple.tuple("CAT-LEG-1", "held"));
        assertThat(broker.positions()).containsExactly(new BrokerPort.BrokerPosition("AAPL", 10, new BigDecimal("187.42")));
        BrokerPort.Account account = broker.account();
        assertThat(account.accountId()).isEqualTo("PA3J5QX0RWZN");
        assertThat(account.cash()).isEqualByComparingTo("98125.40");
        assertThat(account.equity()).isEqualByComparingTo("100006.90");
        assertThat(account.buyingPower()).isEqualByComparingTo("196250.80");
        assertThat(account.paper()).isTrue();
    }

    static String account() {
        return """
                {"id": "904837e3-3b76-47ec-b432-046db621571b", "account_number": "PA3J5QX0RWZN", "status": "ACTIVE",
                 "crypto_status": "ACTIVE", "currency": "USD", "buying_power": "196250.80", "regt_buying_power": "196250.80",
                 "daytrading_buying_power": "0", "non_marginable_buying_power": "98125.40", "options_buying_power": "98125.40",
                 "cash": "98125.40", "accrued_fees": "0", "pending_transfer_in": "0", "portfolio_value": "100006.90",
                 "pattern_day_trader": false, "trading_blocked": false, "transfers_blocked": false, "account_blocked": false,
                 "created_at": "2025-11-03T14:12:45.321Z", "trade_suspended_by_user": false, "multiplier": "2",
                 "shorting_enabled": true, "equity": "100006.90", "last_equity": "100000", "long_market_value": "1881.50",
                 "short_market_value": "0", "initial_margin": "940.75", "maintenance_margin": "564.45",
                 "last_maintenance_margin": "0", "sma": "0", "daytrade_count": 0, "balance_asof": "2026-01-05",
                 "options_approved_level": 0, "options_trading_level": 0}""";
    }

    @Test
    void forbiddenIsARejectionWithAlpacasReasonAndIsNeverRetried() {
        alpaca.stubFor(post("/v2/orders").willReturn(aResponse().withStatus(403)
                .withBody(error(40310000, "insufficient buying power"))));

        BrokerOrder refused = broker.submit(market());

        assertThat(refused.status()).isEqualTo("rejected");
        assertThat(refused.rejectReason()).contains("HTTP 403").contains("insufficient buying power").contains("40310000");
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void aDuplicateClientOrderIdIsSaidSoAndAnyOther422IsARejection() {
        alpaca.stubFor(post("/v2/orders").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(CID))
                .willReturn(aResponse().withStatus(422).withBody(error(40010001, "client_order_id must be unique"))));
        alpaca.stubFor(post("/v2/orders").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("CAT-BAD"))
                .willReturn(aResponse().withStatus(422).withBody(error(40010001, "qty must be > 0"))));

        assertThatThrownBy(() -> broker.submit(market())).isInstanceOf(BrokerPort.DuplicateClientOrderIdException.class)
                .hasMessageContaining(CID);
        BrokerOrder refused = broker.submit(new OrderRequest("CAT-BAD", "AAPL", OrderSide.BUY, 1, OrderType.MARKET, null, null, null));
        assertThat(refused.status()).isEqualTo("rejected");
        assertThat(refused.rejectReason()).contains("HTTP 422").contains("qty must be > 0");
        alpaca.verify(2, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void aRateLimitedOrderWaitsItsRetryAfterAndIsSentAgainWithoutALookup() {
        alpaca.stubFor(post("/v2/orders").inScenario("429").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1").withBody(error(42910000, "rate limit exceeded")))
                .willSetStateTo("allowed"));
        alpaca.stubFor(post("/v2/orders").inScenario("429").whenScenarioStateIs("allowed").willReturn(okJson(accepted())));

        assertThat(broker.submit(market()).status()).isEqualTo("accepted");

        List<LoggedRequest> posts = alpaca.findAll(postRequestedFor(urlEqualTo("/v2/orders")));
        assertThat(posts).hasSize(2);
        // the second request came at least the second Retry-After asked for (the backoff alone is 10-50 ms)
        assertThat(posts.get(1).getLoggedDate().getTime() - posts.get(0).getLoggedDate().getTime()).isGreaterThanOrEqualTo(1000);
        // a 429 was refused outright: nothing to settle before sending again
        alpaca.verify(0, getRequestedFor(urlPathEqualTo("/v2/orders:by_client_order_id")));
    }

    @Test
    void aServerErrorIsSettledByLookupThenSentAgainWithTheSameId() {
        alpaca.stubFor(post("/v2/orders").inScenario("5xx").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream unavailable")).willSetStateTo("up"));
        alpaca.stubFor(post("/v2/orders").inScenario("5xx").whenScenarioStateIs("up").willReturn(okJson(accepted())));
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id"))
                .willReturn(aResponse().withStatus(404).withBody(error(40410000, "order not found"))));

        assertThat(broker.submit(market()).status()).isEqualTo("accepted");

        List<LoggedRequest> posts = alpaca.findAll(postRequestedFor(urlEqualTo("/v2/orders")));
        assertThat(posts).hasSize(2);
        assertThat(posts).allSatisfy(p -> assertThat(p.getBodyAsString()).contains("\"client_order_id\":\"" + CID + "\""));
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(CID)));
    }

    @Test
    void serverErrorsForeverEndAfterTheAttemptsWithAnErrorThatCarriesNoSecret() {
        alpaca.stubFor(post("/v2/orders").willReturn(aResponse().withStatus(500).withBody("internal error")));
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id"))
                .willReturn(aResponse().withStatus(404).withBody(error(40410000, "order not found"))));
        alpaca.stubFor(get("/v2/account").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> broker.submit(market())).isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("HTTP 500")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(KEY));
        alpaca.verify(3, postRequestedFor(urlEqualTo("/v2/orders")));
        assertThatThrownBy(() -> broker.account()).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("HTTP 502");
        alpaca.verify(3, getRequestedFor(urlEqualTo("/v2/account")));
    }

    @Test
    void aTimedOutOrderThatReachedAlpacaIsSettledByLookupAndNeverSentTwice() {
        // Alpaca takes the order but answers after the adapter's 1 s timeout
        alpaca.stubFor(post("/v2/orders").willReturn(okJson(accepted()).withFixedDelay(5000)));
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(CID))
                .willReturn(okJson(accepted())));

        BrokerOrder settled = broker(Duration.ofSeconds(1)).submit(market());

        assertThat(settled.status()).isEqualTo("accepted");
        assertThat(settled.brokerOrderId()).isEqualTo(ORDER_ID);
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/orders:by_client_order_id")));
    }

    @Test
    void anUnreadableOrderAnswerIsUnknownAndAnUnreadableListIsAClearError() {
        alpaca.stubFor(post("/v2/orders").willReturn(aResponse().withStatus(200).withBody("<html>gateway</html>")));
        alpaca.stubFor(get("/v2/positions").willReturn(okJson("[{\"symbol\": \"AAPL\", \"qty\": \"2.5\", \"avg_entry_price\": \"187.42\"}]")));

        BrokerOrder unknown = broker.submit(market());

        assertThat(unknown.status()).isEqualTo("unknown");
        assertThat(OrderStatus.of(unknown.status())).isEqualTo(OrderStatus.UNKNOWN);
        assertThat(unknown.rejectReason()).contains("unreadable answer");
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
        assertThatThrownBy(() -> broker.positions()).isInstanceOf(UnreadableBrokerAnswerException.class)
                .hasMessageContaining("GET /v2/positions").hasMessageContaining("whole number of shares");
    }

    @Test
    void theKeysRefusedIsAnErrorThatSaysWhichSettingsToCheck() {
        alpaca.stubFor(get("/v2/account").willReturn(aResponse().withStatus(401).withBody("{\"message\": \"unauthorized.\"}")));

        assertThatThrownBy(() -> broker.account()).hasMessageContaining("HTTP 401").hasMessageContaining("ALPACA_API_KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
        alpaca.verify(1, getRequestedFor(urlEqualTo("/v2/account")));
    }

    @Test
    void everyCallSharesOneRateLimit() {
        // two requests a minute, no waiting, one attempt: the third call of any kind is held back and never sent
        AlpacaBroker limited = new AlpacaBroker(new AlpacaTradingMode(false, URI.create(alpaca.baseUrl())), KEY, SECRET,
                Duration.ofSeconds(2), Duration.ofSeconds(3),
                new AlpacaRest.Retries(1, Duration.ofMillis(10), 2.0, 0.5, Duration.ofMillis(50), Duration.ofSeconds(2)),
                new AlpacaRest.RateLimit(2, 2, Duration.ZERO), rateLimitWaits::add);
        alpaca.stubFor(get("/v2/account").willReturn(okJson(account())));
        alpaca.stubFor(get("/v2/positions").willReturn(okJson("[]")));

        limited.account();
        limited.positions();
        assertThatThrownBy(limited::account).isInstanceOf(BrokerUnavailableException.class).hasMessageContaining("rate limit");

        assertThat(alpaca.getAllServeEvents()).hasSize(2);
        assertThat(rateLimitWaits).hasSize(3);
    }
}
