package com.catalyst.adapters.alpaca;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.catalyst.adapters.alpaca.AlpacaMarketStreamTest.FAST;
import static com.catalyst.adapters.alpaca.AlpacaMarketStreamTest.PATIENCE;
import static com.catalyst.adapters.alpaca.AlpacaStreamStub.KEY;
import static com.catalyst.adapters.alpaca.AlpacaStreamStub.SECRET;
import static com.catalyst.adapters.alpaca.AlpacaStreamStub.tradeUpdate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The trade updates stream against {@link AlpacaStreamStub}, speaking REFERENCE.md 4.11 at {@code /stream}. */
class AlpacaTradeUpdatesTest {

    AlpacaStreamStub stub;
    final List<TradeUpdate> updates = new CopyOnWriteArrayList<>();
    final AtomicInteger listening = new AtomicInteger();
    AlpacaTradeUpdates stream;

    @BeforeEach
    void startStub() {
        stub = AlpacaStreamStub.start();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        stub.close();
    }

    AlpacaTradeUpdates stream(String key, String secret) {
        stream = new AlpacaTradeUpdates(stub.tradingBaseUrl(), key, secret, updates::add, listening::incrementAndGet, FAST);
        return stream;
    }

    @Test
    void theStreamUrlIsTheTradingHostsStreamPathOverWebSocket() {
        assertThat(AlpacaTradeUpdates.streamUrl(URI.create("https://paper-api.alpaca.markets")))
                .isEqualTo(URI.create("wss://paper-api.alpaca.markets/stream"));
        assertThat(AlpacaTradeUpdates.streamUrl(URI.create("https://api.alpaca.markets/")))
                .isEqualTo(URI.create("wss://api.alpaca.markets/stream"));
        assertThat(AlpacaTradeUpdates.streamUrl(URI.create("http://127.0.0.1:8089")))
                .isEqualTo(URI.create("ws://127.0.0.1:8089/stream"));
        assertThatThrownBy(() -> AlpacaTradeUpdates.streamUrl(URI.create("ftp://paper-api.alpaca.markets")))
                .hasMessageContaining("CATALYST_BROKER_ALPACA_URL");
    }

    @Test
    void startAuthenticatesListensOverBinaryFramesAndRunsOnListeningOnce() {
        stream(KEY, SECRET).start();

        assertThat(stub.received()).extracting(AlpacaStreamStub.Received::action).containsExactly("authenticate", "listen");
        assertThat(stub.received().get(0).message().path("data").path("key_id").asText()).isEqualTo(KEY);
        assertThat(stub.received().get(0).message().path("data").path("secret_key").asText()).isEqualTo(SECRET);
        assertThat(stub.received().get(1).message().path("data").path("streams")).extracting(n -> n.asText())
                .containsExactly("trade_updates");
        await().atMost(PATIENCE).until(() -> listening.get() == 1);
        assertThat(stream.status().connected()).isTrue();
    }

    @Test
    void aFillInABinaryFrameIsDeliveredAsATradeUpdate() {
        stream(KEY, SECRET).start();

        stub.sendBinary(tradeUpdate("fill", "cat-42-AAPL", "AAPL", "189.27", "10", "10"));

        await().atMost(PATIENCE).until(() -> updates.size() == 1);
        assertThat(updates.get(0)).isEqualTo(new TradeUpdate("fill", "cat-42-AAPL", "a-cat-42-AAPL", "AAPL", "buy", "filled",
                new BigDecimal("189.27"), new BigDecimal("10"), new BigDecimal("10"), new BigDecimal("10"),
                Instant.parse("2026-12-07T15:31:02.123456Z")));
        assertThat(stream.status().lastDataAt()).isNotNull();
    }

    @Test
    void textFramesAsOnTheLiveHostAreReadToo() {
        stub.binaryTradeFrames = false;
        stream(KEY, SECRET).start();

        stub.send(tradeUpdate("partial_fill", "cat-43-MSFT", "MSFT", "411.05", "3", "3"));

        await().atMost(PATIENCE).until(() -> updates.size() == 1);
        assertThat(updates.get(0).event()).isEqualTo("partial_fill");
        assertThat(updates.get(0).price()).isEqualByComparingTo("411.05");
    }

    @Test
    void aDropReconnectsListensAgainAndRunsOnListeningAfterEachReconnect() {
        stream(KEY, SECRET).start();
        await().atMost(PATIENCE).until(() -> listening.get() == 1);

        stub.dropAll();
        await().atMost(PATIENCE).until(() -> listening.get() == 2);
        stub.sendBinary(tradeUpdate("fill", "cat-44-TSLA", "TSLA", "251.00", "4", "4"));
        await().atMost(PATIENCE).until(() -> updates.size() == 1);

        stub.dropAll();
        await().atMost(PATIENCE).until(() -> listening.get() == 3);
        assertThat(stub.connections()).hasSize(3);
        assertThat(stub.received("authenticate")).hasSize(3);
        assertThat(stub.received("listen")).hasSize(3);
        assertThat(updates.get(0).clientOrderId()).isEqualTo("cat-44-TSLA");
    }

    @Test
    void refusedKeysStopStartUpWithAMessageNamingTheKeysAndAreNeverRetried() {
        stream("PKWRONG", "wrong-secret");

        assertThatThrownBy(() -> stream.start())
                .isInstanceOf(AlpacaStreamException.class)
                .hasMessageContaining("ALPACA_API_KEY").hasMessageContaining("ALPACA_SECRET_KEY").hasMessageContaining("refused")
                .hasMessageNotContaining("wrong-secret");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> stub.connections().size() == 1);
        assertThat(listening.get()).isZero();
    }

    @Test
    void anUnreadableFrameIsCountedAndSkippedAndTheNextEventArrives() {
        stream(KEY, SECRET).start();

        stub.sendBinary("\u0000\u0001 not json");
        stub.sendBinary("{\"stream\":\"trade_updates\",\"data\":{\"event\":\"fill\"}}");
        stub.sendBinary(tradeUpdate("canceled", "cat-45-AMD", "AMD", "", "", ""));

        await().atMost(PATIENCE).until(() -> updates.size() == 1);
        assertThat(stream.status().unreadableFrames()).isEqualTo(2);
        assertThat(updates.get(0).event()).isEqualTo("canceled");
        assertThat(updates.get(0).price()).isNull();
    }

    @Test
    void closeStopsTheStreamAndNothingReconnectsAfterIt() {
        stream(KEY, SECRET).start();
        // onListening runs on the stream's own thread, after start() returns: wait for it, or close() may win the race
        await().atMost(PATIENCE).until(() -> listening.get() == 1);

        stream.close();

        await().atMost(PATIENCE).until(() -> stub.openSessions() == 0);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> stub.connections().size() == 1);
        assertThat(listening.get()).isEqualTo(1);
    }
}
