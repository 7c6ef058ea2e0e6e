package com.catalyst.adapters.alpaca;

import com.catalyst.market.clock.MutableClock;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.catalyst.adapters.alpaca.AlpacaStreamStub.Connection;
import com.catalyst.adapters.alpaca.AlpacaStreamStub.Received;
import com.catalyst.adapters.alpaca.MarketStreamMessage.BarMessage;
import com.catalyst.market.Bar;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static com.catalyst.adapters.alpaca.AlpacaStreamStub.KEY;
import static com.catalyst.adapters.alpaca.AlpacaStreamStub.SECRET;
import static com.catalyst.adapters.alpaca.AlpacaStreamStub.bar;
import static com.catalyst.adapters.alpaca.AlpacaStreamStub.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The market-data stream against {@link AlpacaStreamStub}, a local WebSocket server speaking REFERENCE.md 4.10. */
class AlpacaMarketStreamTest {

    /** Short waits so that reconnects happen within a test; the 406 wait is far longer than the backoff. */
    static final StreamSettings FAST = StreamSettings.defaults()
            .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(20))
            .withBackoff(Duration.ofMillis(50), 2.0, Duration.ofMillis(400))
            .withConnectionLimitWait(Duration.ofMillis(1500));
    static final Duration PATIENCE = Duration.ofSeconds(20);

    AlpacaStreamStub stub;
    RecordingBars bars = new RecordingBars();
    AlpacaMarketStream stream;

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

    AlpacaMarketStream stream(String key, String secret) {
        stream = new AlpacaMarketStream(stub.marketUrl(), key, secret, bars, FAST);
        return stream;
    }

    AlpacaMarketStream started(Set<String> symbols) {
        stream(KEY, SECRET).subscribe(symbols);
        stream.start();
        return stream;
    }

    @Test
    void startAuthenticatesSubscribesBarsAndUpdatedBarsAndReturnsOnceSubscribed() {
        started(Set.of("AAPL", "MSFT"));

        List<Received> sent = stub.received();
        assertThat(sent).extracting(Received::action).containsExactly("auth", "subscribe");
        assertThat(sent.get(0).message().path("key").asText()).isEqualTo(KEY);
        assertThat(sent.get(0).message().path("secret").asText()).isEqualTo(SECRET);
        assertThat(sent.get(1).message().path("bars")).extracting(n -> n.asText()).containsExactlyInAnyOrder("AAPL", "MSFT");
        assertThat(sent.get(1).message().path("updatedBars")).extracting(n -> n.asText()).containsExactlyInAnyOrder("AAPL", "MSFT");
        StreamStatus status = stream.status();
        assertThat(status.connected()).isTrue();
        assertThat(status.subscribed()).isEqualTo(2);
        assertThat(status.problems()).isEmpty();
        assertThat(status.reconnects()).isZero();
    }

    @Test
    void aBarIsStampedWithItsEndOneMinuteAfterAlpacasStart() {
        started(Set.of("AAPL"));

        stub.send(message(bar("AAPL", "2026-12-07T14:30:00Z", 189.25, false)));

        await().atMost(PATIENCE).until(() -> bars.received.size() == 1);
        Delivered first = bars.received.get(0);
        assertThat(first.symbol()).isEqualTo("AAPL");
        assertThat(first.updated()).isFalse();
        assertThat(first.bar()).isEqualTo(new Bar(Instant.parse("2026-12-07T14:31:00Z"), 189.20, 189.35, 189.15, 189.25, 4937));
        assertThat(stream.status().lastDataAt()).isNotNull();
    }

    @Test
    void anUpdatedBarIsDeliveredAsAReplacementOfTheSameMinute() {
        started(Set.of("AAPL"));

        stub.send(message(bar("AAPL", "2026-12-07T14:30:00Z", 189.25, false)));
        stub.send(message(bar("AAPL", "2026-12-07T14:30:00Z", 189.40, true)));

        await().atMost(PATIENCE).until(() -> bars.received.size() == 2);
        assertThat(bars.received).extracting(Delivered::updated).containsExactly(false, true);
        assertThat(bars.received).extracting(d -> d.bar().time()).containsOnly(Instant.parse("2026-12-07T14:31:00Z"));
        assertThat(bars.received.get(1).bar().close()).isEqualTo(189.40);
    }

    @Test
    void outOfOrderBarsAreDeliveredInTheOrderTheyCame() {
        started(Set.of("AAPL"));

        // ordering and duplicates are the store's and the sanitizer's job, not the stream's
        stub.send(message(bar("AAPL", "2026-12-07T14:32:00Z", 190.00, false), bar("AAPL", "2026-12-07T14:30:00Z", 189.00, false)));
        stub.send(message(bar("AAPL", "2026-12-07T14:31:00Z", 189.50, false)));

        await().atMost(PATIENCE).until(() -> bars.received.size() == 3);
        assertThat(bars.received).extracting(d -> d.bar().time()).containsExactly(Instant.parse("2026-12-07T14:33:00Z"),
                Instant.parse("2026-12-07T14:31:00Z"), Instant.parse("2026-12-07T14:32:00Z"));
    }

    @Test
    void aMessageFragmentedOverSeveralFramesIsJoinedBeforeItIsRead() {
        started(Set.of("AAPL", "MSFT", "TSLA"));

        stub.sendFragmented(message(bar("AAPL", "2026-12-07T14:30:00Z", 189.25, false),
                bar("MSFT", "2026-12-07T14:30:00Z", 411.10, false), bar("TSLA", "2026-12-07T14:30:00Z", 251.05, false)), 7);

        await().atMost(PATIENCE).until(() -> bars.received.size() == 3);
        assertThat(bars.received).extracting(Delivered::symbol).containsExactly("AAPL", "MSFT", "TSLA");
        assertThat(stream.status().unreadableFrames()).isZero();
    }

    @Test
    void subscribeReplacesTheWantedSetSubscribingWhatIsNewAndUnsubscribingWhatIsGone() {
        started(Set.of("AAPL", "MSFT"));

        stream.subscribe(Set.of("MSFT", "TSLA"));

        await().atMost(PATIENCE).until(() -> stub.received("subscribe").size() == 2 && stub.received("unsubscribe").size() == 1);
        assertThat(stub.received("unsubscribe").get(0).message().path("bars")).extracting(n -> n.asText()).containsExactly("AAPL");
        assertThat(stub.received("unsubscribe").get(0).message().path("updatedBars")).extracting(n -> n.asText()).containsExactly("AAPL");
        assertThat(stub.received("subscribe").get(1).message().path("bars")).extracting(n -> n.asText()).containsExactly("TSLA");
        await().atMost(PATIENCE).until(() -> stream.status().subscribed() == 2);
    }

    @Test
    void refusedKeysStopStartUpWithAMessageNamingTheKeysAndAreNeverRetried() {
        stream("PKWRONG", "wrong-secret");

        assertThatThrownBy(() -> stream.start())
                .isInstanceOf(AlpacaStreamException.class)
                .hasMessageContaining("ALPACA_API_KEY").hasMessageContaining("ALPACA_SECRET_KEY").hasMessageContaining("refused")
                .hasMessageNotContaining("wrong-secret")
                .satisfies(e -> assertThat(((AlpacaStreamException) e).code()).isEqualTo(402));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> stub.connections().size() == 1);
        assertThat(stub.received("auth")).hasSize(1);
    }

    @Test
    void aUrlThatRefusesConnectionsStopsStartUpNamingTheSettingAndTheUrl() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        URI nowhere = URI.create("ws://127.0.0.1:" + port + "/v2/iex");
        stream = new AlpacaMarketStream(nowhere, KEY, SECRET, bars, FAST);

        assertThatThrownBy(() -> stream.start())
                .isInstanceOf(AlpacaStreamException.class)
                .hasMessageContaining("CATALYST_MARKET_ALPACA_STREAM_URL").hasMessageContaining(nowhere.toString());
    }

    @Test
    void aServerThatNeverAnswersTheHandshakeStopsStartUpAfterOneAttempt() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                        accepted.incrementAndGet();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            URI silentUrl = URI.create("ws://127.0.0.1:" + silent.getLocalPort() + "/v2/iex");
            stream = new AlpacaMarketStream(silentUrl, KEY, SECRET, bars,
                    FAST.withTimeouts(Duration.ofMillis(500), Duration.ofSeconds(20)));

            assertThatThrownBy(() -> stream.start())
                    .isInstanceOf(AlpacaStreamException.class)
                    .hasMessageContaining("CATALYST_MARKET_ALPACA_STREAM_URL").hasMessageContaining(silentUrl.toString());
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> accepted.get() == 1);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aConnectionLimitAtStartUpSaysAnotherClientHoldsTheStreamAndIsNotRetried() {
        stub.connectionLimit = true;
        stream(KEY, SECRET);

        assertThatThrownBy(() -> stream.start())
                .isInstanceOf(AlpacaStreamException.class)
                .hasMessageContaining("406").hasMessageContaining("another process or client holds this account's");
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> stub.connections().size() == 1);
    }

    @Test
    void aConnectionLimitAfterADropWaitsTheLongWaitBetweenAttemptsNeverTheShortBackoff() {
        started(Set.of("AAPL"));
        stub.connectionLimit = true;

        stub.dropAll();

        // the first attempt follows the drop by the short backoff; each 406 then holds the next one back
        await().atMost(PATIENCE).until(() -> stub.connections().size() >= 4);
        List<Connection> attempts = stub.connections().subList(1, 4);
        for (int i = 1; i < attempts.size(); i++) {
            long gapMillis = (attempts.get(i).nanos() - attempts.get(i - 1).nanos()) / 1_000_000;
            assertThat(gapMillis).as("gap before 406 attempt %d", i).isGreaterThanOrEqualTo(FAST.connectionLimitWait().toMillis());
        }
        assertThat(stream.status().problems()).anyMatch(p -> p.contains("406") && p.contains("another process or client"));
        assertThat(stream.status().connected()).isFalse();

        stub.connectionLimit = false;
        await().atMost(PATIENCE).until(() -> bars.reconnected.get() == 1);
        assertThat(stream.status().problems()).noneMatch(p -> p.contains("406"));
    }

    @Test
    void aDropMidSessionReconnectsReauthenticatesResubscribesAndCallsOnReconnectedOncePerReconnect() {
        started(Set.of("AAPL", "MSFT"));
        stub.send(message(bar("AAPL", "2026-12-07T14:30:00Z", 189.25, false)));
        await().atMost(PATIENCE).until(() -> bars.received.size() == 1);

        stub.dropAll();
        await().atMost(PATIENCE).until(() -> bars.reconnected.get() == 1);
        stub.send(message(bar("AAPL", "2026-12-07T14:32:00Z", 189.60, false)));
        await().atMost(PATIENCE).until(() -> bars.received.size() == 2);

        stub.dropAll();
        await().atMost(PATIENCE).until(() -> bars.reconnected.get() == 2);
        stub.send(message(bar("MSFT", "2026-12-07T14:33:00Z", 411.60, false)));
        await().atMost(PATIENCE).until(() -> bars.received.size() == 3);

        assertThat(stub.connections()).hasSize(3);
        for (int connection = 0; connection < 3; connection++) {
            int c = connection;
            List<Received> onIt = stub.received().stream().filter(r -> r.connection() == c).toList();
            assertThat(onIt).extracting(Received::action).containsExactly("auth", "subscribe");
            assertThat(onIt.get(1).message().path("bars")).extracting(n -> n.asText()).containsExactlyInAnyOrder("AAPL", "MSFT");
        }
        assertThat(bars.received).extracting(d -> d.bar().time()).containsExactly(Instant.parse("2026-12-07T14:31:00Z"),
                Instant.parse("2026-12-07T14:33:00Z"), Instant.parse("2026-12-07T14:34:00Z"));
        await().atMost(PATIENCE).until(() -> stream.status().connected());
        assertThat(stream.status().reconnects()).isEqualTo(2);
        assertThat(bars.reconnected.get()).isEqualTo(2);
    }

    @Test
    void garbageIsCountedSkippedAndLoggedAtMostOnceAMinuteAndTheStreamGoesOn() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T14:30:05Z"));
        ListAppender<ILoggingEvent> log = capture();
        stream = new AlpacaMarketStream(stub.marketUrl(), KEY, SECRET, bars, FAST, clock);
        stream.subscribe(Set.of("AAPL"));
        stream.start();

        stub.send("this is not JSON {");
        stub.send("{\"T\":\"b\",\"S\":\"AAPL\"}");
        stub.send(message("{\"T\":\"b\",\"S\":\"AAPL\",\"o\":1.0,\"t\":\"2026-12-07T14:30:00Z\"}",
                bar("AAPL", "2026-12-07T14:30:00Z", 189.25, false)));
        await().atMost(PATIENCE).until(() -> bars.received.size() == 1);

        assertThat(stream.status().unreadableFrames()).isEqualTo(3);
        assertThat(unreadableLines(log)).hasSize(1);

        clock.advance(Duration.ofSeconds(59));
        stub.send("garbage again");
        await().atMost(PATIENCE).until(() -> stream.status().unreadableFrames() == 4);
        assertThat(unreadableLines(log)).hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        stub.send("and a minute later");
        await().atMost(PATIENCE).until(() -> stream.status().unreadableFrames() == 5);
        assertThat(unreadableLines(log)).hasSize(2);
        assertThat(unreadableLines(log).get(1)).contains("5 skipped so far").contains("4 since the last");

        stub.send(message(bar("AAPL", "2026-12-07T14:31:00Z", 189.30, false)));
        await().atMost(PATIENCE).until(() -> bars.received.size() == 2);
        assertThat(stream.status().connected()).isTrue();
    }

    @Test
    void aSymbolLimitIsNamedInTheStatusAndStartUpGoesOn() {
        stub.symbolLimit = 2;

        started(Set.of("AAPL", "MSFT", "TSLA"));

        assertThat(stream.status().problems()).anyMatch(p -> p.startsWith("405 symbol limit exceeded") && p.contains("3 asked"));
        assertThat(stream.status().connected()).isTrue();
    }

    @Test
    void anInsufficientSubscriptionIsNamedInTheStatusWithTheFeedSettingToUse() {
        stub.insufficientSubscription = true;

        started(Set.of(AlpacaMarketStream.ALL_SYMBOLS));

        assertThat(stub.received("subscribe").get(0).message().path("bars")).extracting(n -> n.asText()).containsExactly("*");
        assertThat(stream.status().problems())
                .anyMatch(p -> p.startsWith("409 insufficient subscription") && p.contains("CATALYST_MARKET_ALPACA_FEED=iex"));
    }

    @Test
    void closeStopsTheStreamAndNothingReconnectsAfterIt() {
        started(Set.of("AAPL"));

        stream.close();

        await().atMost(PATIENCE).until(() -> stub.openSessions() == 0);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> stub.connections().size() == 1);
        assertThat(stream.status().connected()).isFalse();
        assertThat(bars.reconnected.get()).isZero();
    }

    @Test
    void theParserReadsBarsUpdatedBarsAndControlMessagesAndMarksBrokenEntries() {
        MarketStreamParser parser = new MarketStreamParser(new ObjectMapper());

        List<MarketStreamMessage> read = parser.parse(message(bar("SPY", "2021-02-22T19:15:00Z", 389.12, false),
                bar("SPY", "2021-02-22T19:15:00Z", 389.20, true), "{\"T\":\"q\",\"S\":\"SPY\"}",
                "{\"T\":\"error\",\"code\":405,\"msg\":\"symbol limit exceeded\"}", "{\"T\":\"b\",\"S\":\"SPY\",\"t\":\"x\"}"));

        assertThat(read).hasSize(5);
        assertThat(((BarMessage) read.get(0)).bar().time()).isEqualTo(Instant.parse("2021-02-22T19:16:00Z"));
        assertThat(((BarMessage) read.get(1)).updated()).isTrue();
        assertThat(read.get(2)).isEqualTo(new MarketStreamMessage.Ignored("q"));
        assertThat(read.get(3)).isEqualTo(new MarketStreamMessage.Error(405, "symbol limit exceeded"));
        assertThat(read.get(4)).isInstanceOf(MarketStreamMessage.Unreadable.class);
        assertThatThrownBy(() -> parser.parse("{\"T\":\"b\"}")).isInstanceOf(UnreadableStreamMessage.class);
    }

    static ListAppender<ILoggingEvent> capture() {
        Logger logger = (Logger) LoggerFactory.getLogger(AlpacaStreamConnection.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        return appender;
    }

    static List<String> unreadableLines(ListAppender<ILoggingEvent> log) {
        return new ArrayList<>(log.list).stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("unreadable")).toList();
    }

    record Delivered(String symbol, Bar bar, boolean updated) {
    }

    static final class RecordingBars implements LiveBars {
        final List<Delivered> received = new CopyOnWriteArrayList<>();
        final AtomicInteger reconnected = new AtomicInteger();

        @Override
        public void onBar(String symbol, Bar bar, boolean updated) {
            received.add(new Delivered(symbol, bar, updated));
        }

        @Override
        public void onReconnected() {
            reconnected.incrementAndGet();
        }
    }

    /** A wall clock a test moves by hand. */
}
