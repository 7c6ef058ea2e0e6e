package com.catalyst.adapters.alpaca;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerPort;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Shorts through the Alpaca adapter, against WireMock serving Alpaca's documented payloads: a short bracket is a sell
 * with its take profit below and its stop above; a short position comes back with side short and a negative qty; an
 * asset's {@code shortable} and {@code easy_to_borrow} say whether it may be shorted, asked once a session.
 */
class AlpacaShortTest {

    static final String CID = "CAT-20260106-001-TSLA-sell";

    WireMockServer alpaca;
    AlpacaBroker broker;

    @BeforeEach
    void start() {
        alpaca = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        alpaca.start();
        broker = new AlpacaBroker(new AlpacaTradingMode(false, URI.create(alpaca.baseUrl())), "PKTESTKEYID", "s3cr3t", Duration.ofSeconds(2),
                Duration.ofSeconds(3), new AlpacaRest.Retries(3, Duration.ofMillis(10), 2.0, 0.5, Duration.ofMillis(50), Duration.ofSeconds(2)),
                new AlpacaRest.RateLimit(6000, 100, Duration.ofSeconds(1)), d -> { });
    }

    @AfterEach
    void stop() {
        alpaca.stop();
    }

    /** GET /v2/assets/{symbol} as Alpaca documents it. */
    static String asset(String symbol, boolean shortable, boolean easyToBorrow) {
        return """
                {"id": "8ccae427-5dd0-45b3-b5fe-7ba5e422c766", "class": "us_equity", "exchange": "NASDAQ", "symbol": "%s",
                 "name": "%s Inc. Common Stock", "status": "active", "tradable": true, "marginable": true, "maintenance_margin_requirement": 30,
                 "shortable": %s, "easy_to_borrow": %s, "fractionable": true, "attributes": []}""".formatted(symbol, symbol, shortable,
                easyToBorrow);
    }

    @Test
    void aShortBracketIsASellWithItsTargetBelowAndItsStopAbove() {
        alpaca.stubFor(post("/v2/orders").willReturn(okJson(AlpacaBrokerTest.order("904837e3-3b76-47ec-b432-046db621571b", CID, "new",
                "bracket", "0", null, null))));

        BrokerOrder placed = broker.submit(new OrderRequest(CID, "TSLA", OrderSide.SELL, 10, OrderType.MARKET, null, new BigDecimal("251.50"),
                new BigDecimal("237.00")));

        assertThat(placed.status()).isEqualTo("new");
        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders")).withRequestBody(equalToJson("""
                {"symbol": "TSLA", "qty": "10", "side": "sell", "type": "market", "time_in_force": "day",
                 "client_order_id": "CAT-20260106-001-TSLA-sell", "order_class": "bracket",
                 "take_profit": {"limit_price": "237.00"}, "stop_loss": {"stop_price": "251.50"}}""")));
    }

    @Test
    void aShortPositionComesBackNegative() {
        alpaca.stubFor(get("/v2/positions").willReturn(okJson("""
                [{"asset_id": "8ccae427-5dd0-45b3-b5fe-7ba5e422c766", "symbol": "TSLA", "exchange": "NASDAQ", "asset_class": "us_equity",
                  "asset_marginable": true, "avg_entry_price": "245.10", "qty": "-10", "qty_available": "-10", "side": "short",
                  "market_value": "-2431.00", "cost_basis": "-2451.00", "unrealized_pl": "20.00", "unrealized_plpc": "0.0081599347",
                  "unrealized_intraday_pl": "20.00", "unrealized_intraday_plpc": "0.0081599347", "current_price": "243.10",
                  "lastday_price": "240.00", "change_today": "0.0129166667"},
                 {"asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "symbol": "AAPL", "exchange": "NASDAQ", "asset_class": "us_equity",
                  "asset_marginable": true, "avg_entry_price": "187.42", "qty": "10", "qty_available": "10", "side": "long",
                  "market_value": "1881.50", "cost_basis": "1874.20", "unrealized_pl": "7.30", "unrealized_plpc": "0.0038950272",
                  "unrealized_intraday_pl": "7.30", "unrealized_intraday_plpc": "0.0038950272", "current_price": "188.15",
                  "lastday_price": "185.92", "change_today": "0.0119944062"}]""")));

        assertThat(broker.positions()).containsExactly(new BrokerPort.BrokerPosition("TSLA", -10, new BigDecimal("245.10")),
                new BrokerPort.BrokerPosition("AAPL", 10, new BigDecimal("187.42")));
    }

    @Test
    void anAssetIsLentOnlyWhenShortableAndEasyToBorrowAndIsAskedOnceASession() {
        alpaca.stubFor(get("/v2/assets/TSLA").willReturn(okJson(asset("TSLA", true, true))));
        alpaca.stubFor(get("/v2/assets/GME").willReturn(okJson(asset("GME", true, false))));
        alpaca.stubFor(get("/v2/assets/OTCX").willReturn(okJson(asset("OTCX", false, false))));
        alpaca.stubFor(get("/v2/assets/NOPE").willReturn(notFound().withBody("{\"code\": 40410000, \"message\": \"asset not found for NOPE\"}")));

        assertThat(broker.borrow("TSLA").lendable()).isTrue();
        assertThat(broker.borrow("GME")).satisfies(b -> {
            assertThat(b.shortable()).isTrue();
            assertThat(b.easyToBorrow()).isFalse();
            assertThat(b.lendable()).isFalse();
        });
        assertThat(broker.borrow("OTCX").lendable()).isFalse();
        assertThat(broker.borrow("NOPE").lendable()).isFalse();
        assertThat(broker.borrow("TSLA").lendable()).isTrue();

        alpaca.verify(1, getRequestedFor(urlEqualTo("/v2/assets/TSLA")));
        alpaca.verify(1, getRequestedFor(urlEqualTo("/v2/assets/GME")));
    }
}
