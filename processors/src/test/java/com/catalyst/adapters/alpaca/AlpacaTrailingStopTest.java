package com.catalyst.adapters.alpaca;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.Trail;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Trailing stops at Alpaca, against a WireMock stub with Alpaca's documented payloads (REFERENCE.md 4.3, 4.4): the
 * {@code trailing_stop} sell Catalyst places when an entry fills (a single order, as Alpaca takes no trailing leg in a
 * bracket), with {@code trail_percent} or {@code trail_price}, and what it reads back: the current {@code stop_price}
 * and the high-water mark {@code hwm}. A short's is a {@code trailing_stop} buy: Alpaca's {@code hwm} of a buy is the
 * lowest price seen, and its stop is hwm plus the trail.
 */
class AlpacaTrailingStopTest {

    static final String CID = "CAT-20260106-001-AAPL-buy-TS";
    static final String ORDER_ID = "9a1d4e2b-3c5f-4e6a-8b7c-0d1e2f3a4b5c";

    WireMockServer alpaca;
    AlpacaBroker broker;

    @BeforeEach
    void start() {
        alpaca = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        broker = new AlpacaBroker(new AlpacaTradingMode(false, URI.create(alpaca.baseUrl())), AlpacaBrokerTest.KEY, AlpacaBrokerTest.SECRET,
                Duration.ofSeconds(2), Duration.ofSeconds(3),
                new AlpacaRest.Retries(3, Duration.ofMillis(10), 2.0, 0.5, Duration.ofMillis(50), Duration.ofSeconds(2)),
                new AlpacaRest.RateLimit(6000, 100, Duration.ofSeconds(1)), d -> { });
    }

    @AfterEach
    void stop() {
        alpaca.stop();
    }

    /** A sell trailing stop as Alpaca answers it: {@code stop_price} is hwm less the trail, {@code hwm} the best price since. */
    static String trailingStop(String status, String trailPercent, String trailPrice, String hwm, String stopPrice, String filledQty,
                               String filledAvgPrice, String filledAt) {
        return AlpacaBrokerTest.order(ORDER_ID, CID, status, "simple", filledQty, filledAvgPrice, filledAt)
                .replace("\"order_type\": \"market\", \"type\": \"market\"", "\"order_type\": \"trailing_stop\", \"type\": \"trailing_stop\"")
                .replace("\"side\": \"buy\", \"position_intent\": \"buy_to_open\"", "\"side\": \"sell\", \"position_intent\": \"sell_to_close\"")
                .replace("\"stop_price\": null", "\"stop_price\": " + quoted(stopPrice))
                .replace("\"trail_percent\": null, \"trail_price\": null, \"hwm\": null",
                        "\"trail_percent\": " + quoted(trailPercent) + ", \"trail_price\": " + quoted(trailPrice) + ", \"hwm\": " + quoted(hwm));
    }

    static final String SHORT_CID = "CAT-20260106-001-AAPL-sell-TS";

    /** A buy trailing stop (a short's cover) as Alpaca answers it: {@code hwm} is the lowest price since, {@code stop_price} hwm plus the trail. */
    static String buyTrailingStop(String status, String trailPercent, String trailPrice, String hwm, String stopPrice, String filledQty,
                                  String filledAvgPrice, String filledAt) {
        return AlpacaBrokerTest.order(ORDER_ID, SHORT_CID, status, "simple", filledQty, filledAvgPrice, filledAt)
                .replace("\"order_type\": \"market\", \"type\": \"market\"", "\"order_type\": \"trailing_stop\", \"type\": \"trailing_stop\"")
                .replace("\"position_intent\": \"buy_to_open\"", "\"position_intent\": \"buy_to_close\"")
                .replace("\"stop_price\": null", "\"stop_price\": " + quoted(stopPrice))
                .replace("\"trail_percent\": null, \"trail_price\": null, \"hwm\": null",
                        "\"trail_percent\": " + quoted(trailPercent) + ", \"trail_price\": " + quoted(trailPrice) + ", \"hwm\": " + quoted(hwm));
    }

    @Test
    void sendsAShortsTrailingStopAsABuyByPercentAndReadsItsStopAboveTheLow() {
        // 1.5 % over the lowest price seen, 187.42: 190.2313
        alpaca.stubFor(post("/v2/orders").willReturn(okJson(buyTrailingStop("new", "1.5", null, "187.42", "190.2313", "0", null, null))));

        BrokerOrder placed = broker.submit(OrderRequest.trailingStop(SHORT_CID, "AAPL", OrderSide.BUY, 10, Trail.percent(new BigDecimal("1.50"))));

        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalToJson("""
                {"symbol": "AAPL", "qty": "10", "side": "buy", "type": "trailing_stop", "trail_percent": "1.5",
                 "time_in_force": "day", "client_order_id": "CAT-20260106-001-AAPL-sell-TS"}""")));
        assertThat(placed.side()).isEqualTo(OrderSide.BUY);
        assertThat(placed.orderType()).isEqualTo(OrderType.TRAILING_STOP);
        assertThat(placed.stopPrice()).isEqualByComparingTo("190.2313").isGreaterThan(placed.trailing().highWaterMark());
        assertThat(placed.trailing().highWaterMark()).isEqualByComparingTo("187.42");
        // the model the paper broker and the backtests use agrees with Alpaca's arithmetic
        assertThat(placed.trailing().trail().stopAbove(placed.trailing().highWaterMark())).isEqualByComparingTo(placed.stopPrice());
    }

    @Test
    void sendsAShortsTrailingStopAsABuyByADollarTrailAndReadsTheCoverWhenItTriggers() {
        alpaca.stubFor(post("/v2/orders").willReturn(okJson(buyTrailingStop("new", null, "0.84", "187.42", "188.26", "0", null, null))));
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(SHORT_CID))
                .willReturn(okJson(buyTrailingStop("filled", null, "0.84", "185.90", "186.74", "10", "186.79", "2026-01-06T17:41:09.204113Z"))));

        BrokerOrder placed = broker.submit(OrderRequest.trailingStop(SHORT_CID, "AAPL", OrderSide.BUY, 10, Trail.price(new BigDecimal("0.84"))));
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalToJson("""
                {"symbol": "AAPL", "qty": "10", "side": "buy", "type": "trailing_stop", "trail_price": "0.84",
                 "time_in_force": "day", "client_order_id": "CAT-20260106-001-AAPL-sell-TS"}""")));
        assertThat(placed.stopPrice()).isEqualByComparingTo("188.26");

        // the low fell to 185.90 and the stop with it (186.74); the rise through it covered the 10 shares
        BrokerOrder filled = broker.findByClientOrderId(SHORT_CID).orElseThrow();
        assertThat(filled.filled()).isTrue();
        assertThat(filled.side()).isEqualTo(OrderSide.BUY);
        assertThat(filled.filledQuantity()).isEqualTo(10);
        assertThat(filled.filledAveragePrice()).isEqualByComparingTo("186.79");
        assertThat(filled.trailing().highWaterMark()).isEqualByComparingTo("185.90");
        assertThat(filled.stopPrice()).isEqualByComparingTo("186.74").isLessThan(placed.stopPrice());
        assertThat(filled.leg()).isNull();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void sendsATrailingStopSellByPercentAsASingleDayOrder() {
        alpaca.stubFor(post("/v2/orders").willReturn(okJson(trailingStop("new", "1.5", null, "187.42", "184.6087", "0", null, null))));

        BrokerOrder placed = broker.submit(OrderRequest.trailingStop(CID, "AAPL", OrderSide.SELL, 10, Trail.percent(new BigDecimal("1.50"))));

        // exactly these fields: no order_class, no legs, no stop_price (Alpaca sets it from the mark)
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalToJson("""
                {"symbol": "AAPL", "qty": "10", "side": "sell", "type": "trailing_stop", "trail_percent": "1.5",
                 "time_in_force": "day", "client_order_id": "CAT-20260106-001-AAPL-buy-TS"}""")));
        assertThat(placed.orderType()).isEqualTo(OrderType.TRAILING_STOP);
        assertThat(placed.status()).isEqualTo("new");
        assertThat(placed.stopPrice()).isEqualByComparingTo("184.6087");
        assertThat(placed.trailing().trail()).isEqualTo(Trail.percent(new BigDecimal("1.5")));
        assertThat(placed.trailing().highWaterMark()).isEqualByComparingTo("187.42");
    }

    @Test
    void sendsATrailingStopSellByADollarTrailForTheAtrMode() {
        alpaca.stubFor(post("/v2/orders").willReturn(okJson(trailingStop("new", null, "0.84", "187.42", "186.58", "0", null, null))));

        BrokerOrder placed = broker.submit(OrderRequest.trailingStop(CID, "AAPL", OrderSide.SELL, 10, Trail.price(new BigDecimal("0.84"))));

        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalToJson("""
                {"symbol": "AAPL", "qty": "10", "side": "sell", "type": "trailing_stop", "trail_price": "0.84",
                 "time_in_force": "day", "client_order_id": "CAT-20260106-001-AAPL-buy-TS"}""")));
        assertThat(placed.trailing().trail().price()).isEqualByComparingTo("0.84");
        assertThat(placed.stopPrice()).isEqualByComparingTo("186.58");
    }

    @Test
    void readsTheMarkAsItRisesAndTheFillWhenItTriggers() {
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders:by_client_order_id")).withQueryParam("client_order_id", equalTo(CID))
                .willReturn(okJson(trailingStop("filled", null, "0.84", "189.10", "188.26", "10", "188.21", "2026-01-06T17:41:09.204113Z"))));

        BrokerOrder filled = broker.findByClientOrderId(CID).orElseThrow();

        assertThat(filled.filled()).isTrue();
        assertThat(filled.side()).isEqualTo(OrderSide.SELL);
        assertThat(filled.filledAveragePrice()).isEqualByComparingTo("188.21");
        assertThat(filled.trailing().highWaterMark()).isEqualByComparingTo("189.10");
        assertThat(filled.stopPrice()).isEqualByComparingTo("188.26");
        // a standalone order at Alpaca: the record, not Alpaca, names it the entry's trailing_stop leg
        assertThat(filled.leg()).isNull();
        assertThat(filled.parentClientOrderId()).isNull();
    }

    @Test
    void aSecondSellForSharesTheTrailingStopHoldsIsAlpacasRefusalNotAFault() {
        // Alpaca's 403 when another open sell holds the shares: why the target is watched by Catalyst, not held at Alpaca
        alpaca.stubFor(post("/v2/orders").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody(AlpacaBrokerTest.error(40310000, "insufficient qty available for order (requested: 10, available: 0)"))));

        BrokerOrder refused = broker.submit(new OrderRequest("CAT-EXIT-7", "AAPL", OrderSide.SELL, 10, OrderType.LIMIT, new BigDecimal("195.00"), null, null));

        assertThat(refused.status()).isEqualTo("rejected");
        assertThat(refused.rejectReason()).contains("insufficient qty available");
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")));
    }

    @Test
    void aTrailingStopNeverTravelsAsABracketLeg() {
        assertThatThrownBy(() -> new OrderRequest(CID, "AAPL", OrderSide.SELL, 10, OrderType.TRAILING_STOP, null, new BigDecimal("180"), new BigDecimal("195"),
                null, Trail.percent(BigDecimal.ONE))).hasMessageContaining("cannot carry bracket legs");
        assertThatThrownBy(() -> new OrderRequest(CID, "AAPL", OrderSide.SELL, 10, OrderType.TRAILING_STOP, null, null, null, null, null))
                .hasMessageContaining("needs a trail");
        assertThatThrownBy(() -> new Trail(BigDecimal.ONE, BigDecimal.ONE)).hasMessageContaining("exactly one");
    }
}
