package com.catalyst.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.adapters.simulated.SimulatedScenario;
import com.catalyst.health.MarketDataGuard;
import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.MarketDataPort.SecurityInfo;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.testsupport.TestDatabases;
import com.catalyst.workflow.CycleSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Paper trading on live data, end to end, with Alpaca replaced by local stubs that speak its protocols: the REST APIs
 * (assets, snapshots, bars with paging, calendar, clock) serve the seeded simulated market as if it were the real one,
 * and a WebSocket server speaks the market-data stream. The real clock runs inside a session (a shifted wall clock, so
 * CI may run at any hour). Checked: start-up loads the ranked universe and subscribes at most 30 symbols on IEX; with
 * no live bar yet the data is stale and a cycle places nothing; a streamed bar reaches the store and the relay and
 * entries resume, at the stub's symbols and prices; silence then makes the data stale again. Each time the data goes
 * stale, the first refused entry is one market_data_stale at the notification webhook (a WireMock), not one a cycle.
 */
@CamelSpringBootTest
@org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "catalyst.workflow.auto-start=false",
        "catalyst.market.adapter=alpaca",
        "catalyst.clock.mode=real",
        "catalyst.broker.adapter=paper",
        "catalyst.news.adapter=none",
        "catalyst.market.alpaca.universe-size=500",
        "catalyst.market.alpaca.lease-check=1s",
        "catalyst.market.stale-after=20s",
        "catalyst.broker.alpaca.rate-limit.requests-per-minute=10000",
        "catalyst.broker.alpaca.rate-limit.burst=100",
        "ALPACA_API_KEY=" + AlpacaStreamStub.KEY,
        "ALPACA_SECRET_KEY=" + AlpacaStreamStub.SECRET})
class AlpacaLiveMarketIT {

    /** TradingCycleIT's session: the seeded market has setups at 11:00 on 2026-01-06. */
    static final LocalDate DAY = LocalDate.of(2026, 1, 6);
    static final Clock SHIFTED = Clock.offset(Clock.systemUTC(),
            Duration.between(Instant.now(), ZonedDateTime.of(DAY, LocalTime.of(11, 0), TradingClock.EXCHANGE_ZONE).toInstant()));
    static final SimulatedMarket MARKET = new SimulatedMarket(new SimulatedScenario(20260105, 500));
    static final SimulatedAlpacaServer ALPACA = new SimulatedAlpacaServer(MARKET, SHIFTED);
    static final AlpacaStreamStub STREAM = AlpacaStreamStub.start();
    static final WireMockServer HOOK = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

    static {
        HOOK.start();
        HOOK.stubFor(WireMock.post(WireMock.urlPathEqualTo("/hook")).willReturn(WireMock.aResponse().withStatus(204)));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.fresh("catalyst_it_alpaca_live"));
        registry.add("spring.datasource.username", () -> TestDatabases.USER);
        registry.add("catalyst.broker.alpaca.url", ALPACA::baseUrl);
        registry.add("catalyst.market.alpaca.data-url", ALPACA::baseUrl);
        registry.add("catalyst.market.alpaca.stream-url", () -> STREAM.marketUrl().toString());
        registry.add("catalyst.notify.webhook.url", () -> HOOK.baseUrl() + "/hook");
    }

    @TestConfiguration
    static class InSession {
        @Bean
        @Primary
        Clock shiftedWallClock() {
            return SHIFTED;
        }
    }

    @AfterAll
    static void stopStubs() {
        ALPACA.close();
        STREAM.close();
        HOOK.stop();
    }

    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MarketDataPort market;
    @Autowired
    MarketDataGuard guard;
    @Autowired
    TradingClock clock;
    @Autowired
    RedisConnectionFactory redis;
    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void paperTradesTheStubsMarketOnceBarsStreamAndStopsWhenTheyDoNot() throws Exception {
        // start-up: Alpaca's calendar says the session is open; the universe is the stub's, OTC and untradable left out
        assertThat(clock.isMarketOpen()).isTrue();
        assertThat(clock.sessionDate()).isEqualTo(DAY);
        Set<String> stubSymbols = MARKET.universe().stream().map(SecurityInfo::symbol).collect(Collectors.toSet());
        assertThat(market.universe()).extracting(SecurityInfo::symbol).hasSize(500).allMatch(stubSymbols::contains)
                .doesNotContain("OTCX", "HALTD");
        // the stream: authenticated, and at most 30 symbols on IEX
        await().atMost(Duration.ofSeconds(20)).until(() -> !STREAM.received("subscribe").isEmpty());
        assertThat(STREAM.received("auth")).hasSize(1);
        List<String> subscribed = json.convertValue(STREAM.received("subscribe").get(0).message().path("bars"),
                json.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(subscribed).hasSizeBetween(1, 30).allMatch(stubSymbols::contains);

        // no live bar yet, an hour and a half into the session: stale, and a cycle places no entry
        assertThat(guard.stale()).isTrue();
        JsonNode health = health();
        assertThat(health.path("market").path("feed").asText()).isEqualTo("iex");
        assertThat(health.path("market").path("stream").asText()).isEqualTo("held here");
        assertThat(health.path("market").path("connected").asBoolean()).isTrue();
        assertThat(health.path("market").path("stale").asBoolean()).isTrue();
        CycleSummary quiet = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        assertThat(quiet.status()).as(String.valueOf(quiet.failureReason())).isEqualTo("completed");
        assertThat(quiet.placed()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isZero();
        // the trader hears of it once: the refusal is market_data_stale at the webhook, and a second quiet cycle adds none
        await().atMost(Duration.ofSeconds(20)).until(() -> notified("market_data_stale").size() == 1);
        JsonNode stale = notified("market_data_stale").get(0);
        assertThat(stale.has("symbol")).isFalse();
        assertThat(Instant.parse(stale.path("time").asText())).isNotNull();
        assertThat(stale.path("details").path("reason").asText()).isEqualTo("no bar yet this session");
        assertThat(producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class).placed()).isZero();
        // nor does the trader's own entry: 503 naming the stale data, and nothing recorded
        HttpResponse<String> manual = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/trading/orders")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                "{\"symbol\":\"" + subscribed.get(0) + "\",\"side\":\"buy\",\"quantity\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(manual.statusCode()).as(manual.body()).isEqualTo(503);
        assertThat(manual.body()).contains("market data is stale");
        assertThat(jdbc.queryForObject("select count(*) from orders", Integer.class)).isZero();

        // a bar on the stream: the store holds it (stamped with its end), the relay passes it on, entries resume
        List<String> relayed = new CopyOnWriteArrayList<>();
        RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
        listener.setConnectionFactory(redis);
        listener.addMessageListener((message, pattern) -> relayed.add(new String(message.getBody())), new ChannelTopic(BarRelay.CHANNEL));
        listener.afterPropertiesSet();
        listener.start();
        String symbol = subscribed.get(0);
        Instant minuteEnd = SHIFTED.instant().truncatedTo(ChronoUnit.MINUTES);
        List<Bar> held = market.intradayBars(symbol, DAY, minuteEnd);
        // a cent off what REST gave, in cents as the stub's bars are: only the stream can have put it there
        double corrected = Math.round(held.get(held.size() - 1).close() * 100 + 1) / 100.0;
        await().atMost(Duration.ofSeconds(10)).until(listener::isListening); // it subscribes asynchronously
        STREAM.send(AlpacaStreamStub.message(AlpacaStreamStub.bar(symbol, minuteEnd.minus(1, ChronoUnit.MINUTES).toString(), corrected, true)));
        await().atMost(Duration.ofSeconds(10)).until(() -> !guard.stale());
        List<Bar> after = market.intradayBars(symbol, DAY, minuteEnd);
        assertThat(after.get(after.size() - 1).time()).isEqualTo(minuteEnd);
        assertThat(after.get(after.size() - 1).close()).isEqualTo(corrected, org.assertj.core.data.Offset.offset(1e-9));
        await().atMost(Duration.ofSeconds(10)).until(() -> relayed.stream().anyMatch(m -> m.contains("\"" + symbol + "\"")));
        listener.stop();

        CycleSummary trading = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        assertThat(trading.status()).as(String.valueOf(trading.failureReason())).isEqualTo("completed");
        assertThat(trading.placed()).as("entries on the live data").isPositive();
        List<Map<String, Object>> fills = jdbc.queryForList("select s.symbol, o.filled_avg_price, o.filled_at from orders o"
                + " join securities s using (security_id) where o.cycle_id = ? and o.status = 'filled' and o.side = 'buy'", trading.cycleId());
        assertThat(fills).isNotEmpty();
        // the webhook's queue is first in, first out: the entries' fills are there, so is anything the second quiet cycle sent
        await().atMost(Duration.ofSeconds(20)).until(() -> !notified("entry_filled").isEmpty());
        assertThat(notified("market_data_stale")).as("once while the data stayed stale").hasSize(1);
        for (Map<String, Object> fill : fills) {
            String s = (String) fill.get("symbol");
            assertThat(stubSymbols).contains(s);
            // the paper broker fills at the last price the store holds: one of the stub's closes of the last two minutes
            // (a symbol not streamed gets its minutes by REST each refresh), within its 2 bps of slippage
            Instant at = ((Timestamp) fill.get("filled_at")).toInstant();
            double price = ((BigDecimal) fill.get("filled_avg_price")).doubleValue();
            List<Double> recent = MARKET.intradayBars(s, DAY, at).stream().filter(b -> !b.time().isBefore(at.minus(2, ChronoUnit.MINUTES)))
                    .map(Bar::close).toList();
            assertThat(recent).as(s + " filled at " + price + " at " + at + "; the stub's closes of the last two minutes")
                    .anyMatch(close -> Math.abs(price - close) <= close * 0.0002 + 0.0001);
        }

        // silence on the stream: stale again after catalyst.market.stale-after, and the metric says so
        await().atMost(Duration.ofSeconds(60)).until(guard::stale);
        assertThat(com.catalyst.ops.PrometheusScrape.of("http://127.0.0.1:" + port).value("catalyst_market_data_stale")).isEqualTo(1.0);
        // stale again after it was fresh: the next refused entry is a new market_data_stale, naming how long no bar came
        assertThat(producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class).placed()).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> notified("market_data_stale").size() == 2);
        assertThat(notified("market_data_stale").get(1).path("details").path("reason").asText()).matches("no bar for \\d+ s");
    }

    /** The events of that name the notification webhook received, in order. */
    private List<JsonNode> notified(String event) throws Exception {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (var request : HOOK.findAll(WireMock.postRequestedFor(WireMock.urlPathEqualTo("/hook")))) {
            JsonNode body = json.readTree(request.getBodyAsString());
            if (event.equals(body.path("event").asText())) {
                out.add(body);
            }
        }
        return out;
    }

    private JsonNode health() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }
}
