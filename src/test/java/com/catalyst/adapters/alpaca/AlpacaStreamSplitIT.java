package com.catalyst.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.catalyst.CatalystApplication;
import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.adapters.simulated.SimulatedScenario;
import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.testsupport.TestDatabases;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Split mode on the Alpaca market adapter: two processes (two Spring applications in this JVM, each with its own
 * bundles, connection pool, Redis connections and web server) on one database, Alpaca replaced by its local stubs, and
 * the stream stub holding the account to one market-data connection as Alpaca does. Checked, through the wiring of
 * {@link AlpacaMarketStreaming} rather than its parts:
 * <ol>
 *   <li>the first process takes the lease and the stream; the second does not even try (the stub never sees it), and
 *       takes its bars from the Redis relay: a bar streamed to the first reaches the second's store;</li>
 *   <li>the holder loses its database session (the lease with it): the stream passes to exactly one process, which
 *       streams, and the other's store still gets the bars over the relay;</li>
 *   <li>the holder stops: the survivor takes the stream over and its store gets the bars from its own connection.</li>
 * </ol>
 * The real clock runs inside a session (shifted), as in {@link AlpacaLiveMarketIT}.
 */
class AlpacaStreamSplitIT {

    static final LocalDate DAY = LocalDate.of(2026, 1, 6);
    static final Clock SHIFTED = Clock.offset(Clock.systemUTC(),
            Duration.between(Instant.now(), ZonedDateTime.of(DAY, LocalTime.of(11, 0), TradingClock.EXCHANGE_ZONE).toInstant()));
    static final Duration PATIENCE = Duration.ofSeconds(30);

    private final SimulatedMarket market = new SimulatedMarket(new SimulatedScenario(20260105, 60));
    private final SimulatedAlpacaServer alpaca = new SimulatedAlpacaServer(market, SHIFTED);
    private final AlpacaStreamStub stream = AlpacaStreamStub.start().oneConnectionPerAccount();
    private final List<ConfigurableApplicationContext> processes = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stopEverything() {
        processes.forEach(ConfigurableApplicationContext::close);
        alpaca.close();
        stream.close();
    }

    @Test
    void oneProcessStreamsTheOthersTakeItsBarsAndTheStreamPassesOnWhenItsHolderGoes() throws Exception {
        String db = TestDatabases.fresh("catalyst_it_alpaca_split");
        ConfigurableApplicationContext first = start(db, "technical");
        await().atMost(PATIENCE).until(() -> stream.openMarketConnections() == 1 && !stream.received("subscribe").isEmpty());
        assertThat(health(first).path("stream").asText()).isEqualTo("held here");

        ConfigurableApplicationContext second = start(db, "scanner");
        JsonNode relayed = health(second);
        assertThat(relayed.path("stream").asText()).isEqualTo("relayed");
        assertThat(relayed.path("connected").asBoolean()).as("the relay listener runs").isTrue();
        // the second process knew the stream was taken: it never connected, so it never met Alpaca's 406
        assertThat(stream.received("auth")).hasSize(1);
        assertThat(stream.openMarketConnections()).isEqualTo(1);

        String symbol = stream.received("subscribe").get(0).message().path("bars").get(0).asText();
        Instant minuteEnd = SHIFTED.instant().truncatedTo(ChronoUnit.MINUTES);

        // 1. a bar streamed to the holder reaches the other's store through Redis (and the holder's own)
        double firstClose = streamedUntilHeld(symbol, minuteEnd, 0.01, second);
        assertThat(lastClose(first, symbol, minuteEnd)).isEqualTo(firstClose);

        // 2. the holder's database session dies, and the lease with it: exactly one process streams again
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(db, TestDatabases.USER, ""));
        Integer holderSession = admin.queryForObject("select pid from pg_locks where locktype = 'advisory' and granted"
                + " and database = (select oid from pg_database where datname = current_database())", Integer.class);
        assertThat(admin.queryForObject("select pg_terminate_backend(?)", Boolean.class, holderSession)).isTrue();
        await().atMost(PATIENCE).until(() -> streaming(first) != streaming(second) && stream.openMarketConnections() == 1
                && stream.received("auth").size() >= 2);
        ConfigurableApplicationContext holder = streaming(first) ? first : second;
        ConfigurableApplicationContext other = holder == first ? second : first;
        assertThat(health(holder).path("stream").asText()).isEqualTo("held here");
        assertThat(health(other).path("stream").asText()).isEqualTo("relayed");
        double secondClose = streamedUntilHeld(symbol, minuteEnd, 0.02, other);
        assertThat(lastClose(holder, symbol, minuteEnd)).isEqualTo(secondClose);

        // 3. the holder stops: the survivor takes the stream over and its bars come from its own connection
        int authsBefore = stream.received("auth").size();
        holder.close();
        processes.remove(holder);
        await().atMost(PATIENCE).until(() -> streaming(other) && stream.openMarketConnections() == 1
                && stream.received("auth").size() > authsBefore);
        assertThat(health(other).path("stream").asText()).isEqualTo("held here");
        streamedUntilHeld(symbol, minuteEnd, 0.03, other);
    }

    /**
     * Streams the symbol's last minute with its close moved by {@code cents} from what REST gave (so only the stream can
     * have put it there) until {@code receiver}'s store holds it, resending while the relay listener subscribes (an
     * updated bar of the same minute replaces the held one: resending is harmless). Returns the close.
     */
    private double streamedUntilHeld(String symbol, Instant minuteEnd, double cents, ConfigurableApplicationContext receiver) {
        List<Bar> rest = market.intradayBars(symbol, DAY, minuteEnd);
        double close = Math.round((rest.get(rest.size() - 1).close() + cents) * 100) / 100.0;
        String bar = AlpacaStreamStub.message(AlpacaStreamStub.bar(symbol, minuteEnd.minus(1, ChronoUnit.MINUTES).toString(), close, true));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            stream.send(bar);
            return lastClose(receiver, symbol, minuteEnd) == close;
        });
        return close;
    }

    private static double lastClose(ConfigurableApplicationContext process, String symbol, Instant minuteEnd) {
        List<Bar> bars = process.getBean(MarketDataPort.class).intradayBars(symbol, DAY, minuteEnd);
        Bar last = bars.get(bars.size() - 1);
        return last.time().equals(minuteEnd) ? last.close() : Double.NaN;
    }

    private static boolean streaming(ConfigurableApplicationContext process) {
        return process.getBean(AlpacaMarketStreaming.class).state().streaming();
    }

    private JsonNode health(ConfigurableApplicationContext process) throws IOException, InterruptedException {
        String port = process.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).path("market");
    }

    /** One process of the split: the given bundles on the Alpaca market adapter, its wall clock in the session. */
    private ConfigurableApplicationContext start(String db, String bundles) {
        SpringApplication app = new SpringApplication(CatalystApplication.class);
        app.addInitializers(context -> {
            context.getBeanFactory().registerSingleton("testClassesExcluded", new TestClassesExcluded());
            ((GenericApplicationContext) context).registerBean("shiftedWallClock", Clock.class, () -> SHIFTED,
                    definition -> definition.setPrimary(true));
        });
        ConfigurableApplicationContext process = app.run(
                "--server.port=0",
                // two applications in one JVM share its MBean server, which two processes would not
                "--spring.jmx.unique-names=true",
                "--catalyst.bundles=" + bundles,
                "--CATALYST_SERVICE_TOKEN_SECRET=alpaca-split-it-secret-0123456789abcdef",
                "--spring.datasource.url=" + db,
                "--spring.datasource.username=" + TestDatabases.USER,
                "--catalyst.workflow.auto-start=false",
                "--catalyst.market.adapter=alpaca",
                "--catalyst.clock.mode=real",
                "--catalyst.broker.adapter=paper",
                "--catalyst.news.adapter=none",
                "--catalyst.market.alpaca.universe-size=60",
                "--catalyst.market.alpaca.lease-check=1s",
                "--catalyst.market.alpaca.connection-limit-wait=2s",
                "--catalyst.broker.alpaca.rate-limit.requests-per-minute=10000",
                "--catalyst.broker.alpaca.rate-limit.burst=100",
                "--catalyst.broker.alpaca.url=" + alpaca.baseUrl(),
                "--catalyst.market.alpaca.data-url=" + alpaca.baseUrl(),
                "--catalyst.market.alpaca.stream-url=" + stream.marketUrl(),
                "--ALPACA_API_KEY=" + AlpacaStreamStub.KEY,
                "--ALPACA_SECRET_KEY=" + AlpacaStreamStub.SECRET);
        processes.add(process);
        return process;
    }

    /**
     * Outside Spring's test framework nothing keeps the test classes' own configurations (other tests' clocks and stubs)
     * out of the application's component scan: this filter does, for everything compiled from the test sources.
     */
    static final class TestClassesExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }
}
