package com.catalyst.config;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.catalyst.adapters.alpaca.AlpacaBrokerProperties;
import com.catalyst.adapters.alpaca.AlpacaBrokerSafety;
import com.catalyst.adapters.alpaca.AlpacaClock;
import com.catalyst.adapters.alpaca.AlpacaTradingMode;
import com.catalyst.adapters.alpaca.AlpacaBrokerStartup;
import com.catalyst.adapters.alpaca.AlpacaNewsFeed;
import com.catalyst.adapters.alpaca.AlpacaRest;
import com.catalyst.adapters.paper.JdbcPaperLedger;
import com.catalyst.adapters.paper.PaperBroker;
import com.catalyst.adapters.replay.ReplayMarket;
import com.catalyst.adapters.replay.ReplayNewsFeed;
import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.adapters.simulated.SimulatedNewsFeed;
import com.catalyst.adapters.simulated.SimulatedScenario;
import com.catalyst.market.BarIssueCounts;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.SimulatedClock;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.market.clock.WallClock;
import com.catalyst.news.NewsDrops;
import com.catalyst.news.NewsGate;
import com.catalyst.news.NewsPort;
import com.catalyst.trading.BrokerPort;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ports and the adapters behind them, chosen by {@code catalyst.market.adapter}, {@code catalyst.news.adapter},
 * {@code catalyst.broker.adapter} and {@code catalyst.clock.mode}. The defaults need nothing outside the JVM.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.context.properties.EnableConfigurationProperties(AlpacaBrokerProperties.class)
public class AdapterConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterConfiguration.class);

    /** What the market adapter's bar sanitizer found; published by {@code BarQualityMetrics}. */
    @Bean
    BarIssueCounts barIssueCounts() {
        return new BarIssueCounts();
    }

    /**
     * The replay adapter sanitizes every bar it reads from its files. The simulated one builds clean bars by
     * construction (SimulatedMarketBarsTest checks it), so it is not sanitized and its counts stay at 0.
     */
    @Bean
    MarketDataPort marketData(CatalystProperties props, BarIssueCounts barIssues) {
        CatalystProperties.Market market = props.market();
        return switch (market.adapter()) {
            case "simulated" -> new SimulatedMarket(new SimulatedScenario(market.seed(), market.symbols()));
            case "replay" -> new ReplayMarket(Path.of(market.replayDir()).toAbsolutePath(), barIssues);
            default -> throw new IllegalStateException("catalyst.market.adapter=" + market.adapter()
                    + " is not available in this build yet; use simulated or replay");
        };
    }

    /**
     * The real clock takes its sessions from Alpaca's calendar on Alpaca's market (early closes and holidays as Alpaca
     * publishes them; start-up stops if it cannot be read), else from the built-in NYSE calendar (docs/market-hours.md).
     */
    @Bean
    TradingClock tradingClock(CatalystProperties props, MarketDataPort market, AlpacaBrokerProperties alpaca, AlpacaRest alpacaRest) {
        CatalystProperties.Clock clock = props.clock();
        if ("real".equals(clock.mode())) {
            if ("alpaca".equals(props.market().adapter())) {
                // the trading host: the paper host unless live is confirmed, as the broker resolves it
                return AlpacaClock.start(alpacaRest, AlpacaTradingMode.resolve(alpaca.mode(), alpaca.liveConfirm(), alpaca.url()).baseUrl(),
                        Clock.systemUTC());
            }
            LOG.info("Clock: real time on the built-in NYSE calendar (2025–2027, early closes at 13:00)");
            return new WallClock(Clock.systemUTC());
        }
        LocalDate first = Optional.ofNullable(clock.sessionDate()).orElseGet(() -> market instanceof ReplayMarket replay
                ? replay.firstSession()
                : ExchangeCalendar.previousTradingDay(LocalDate.now(TradingClock.EXCHANGE_ZONE).plusDays(1)));
        LOG.info("Simulated clock: session {} from {} at {}x speed", first, clock.startTime(), clock.speed());
        return new SimulatedClock(Clock.systemUTC(), first, clock.startTime(), clock.speed());
    }

    /** Every story a news adapter refuses, by reason: catalyst_news_dropped_total{reason=…} in Prometheus. */
    @Bean
    NewsDrops newsDrops(MeterRegistry meters) {
        return reason -> meters.counter("catalyst.news.dropped", "reason", reason).increment();
    }

    @Bean
    NewsPort newsPort(CatalystProperties props, MarketDataPort market, NewsDrops drops, org.springframework.core.env.Environment env) {
        CatalystProperties.News news = props.news();
        // the universe is the securities master the scanner ranks: news about anything else is dropped
        Supplier<NewsGate> gate = () -> new NewsGate(market.universe().stream().map(MarketDataPort.SecurityInfo::symbol)
                .collect(Collectors.toSet()), Clock.systemUTC(), drops);
        return switch (props.news().adapter()) {
            case "none" -> (symbol, from, to) -> java.util.List.of();
            case "simulated" -> {
                if (!(market instanceof SimulatedMarket simulated)) {
                    throw new IllegalStateException("catalyst.news.adapter=simulated needs catalyst.market.adapter=simulated;"
                            + " with the replay market set catalyst.news.adapter=none (CATALYST_NEWS_ADAPTER=none)");
                }
                yield new SimulatedNewsFeed(props.market().seed(), simulated);
            }
            case "replay" -> {
                ReplayNewsFeed feed = new ReplayNewsFeed(Path.of(news.replayFile()).toAbsolutePath(), gate.get());
                LOG.info("News: replaying {} headlines from {}", feed.size(), news.replayFile());
                yield feed;
            }
            // the keys are read here and handed to the adapter only: never logged, never in a property dump. In split mode
            // only the news process fetches news, and only it is given the keys (compose/docker-compose.yml)
            case "alpaca" -> env.getProperty("catalyst.bundle.news.enabled", Boolean.class, true)
                    ? new AlpacaNewsFeed(news.alpacaUrl(), env.getProperty("ALPACA_API_KEY"), env.getProperty("ALPACA_SECRET_KEY"),
                            gate.get(), news.timeout())
                    : (symbol, from, to) -> {
                        throw new IllegalStateException("news comes from the news process; this one does not run the news bundle");
                    };
            default -> throw new IllegalStateException("catalyst.news.adapter=" + props.news().adapter()
                    + " is not available; use simulated, none, replay or alpaca");
        };
    }

    /**
     * The one Alpaca REST client of the process, whichever adapters use it (broker, market data, news, calendar): one
     * rate limiter and one retry policy for every call under the key. Built in every process; it calls nothing until
     * an Alpaca adapter does, and a process without Alpaca adapters never does.
     */
    @Bean
    AlpacaRest alpacaRest(AlpacaBrokerProperties alpaca, MeterRegistry meters, org.springframework.core.env.Environment env) {
        return AlpacaBrokerStartup.client(alpaca, env.getProperty("ALPACA_API_KEY"), env.getProperty("ALPACA_SECRET_KEY"), meters);
    }

    @Bean
    BrokerPort brokerPort(CatalystProperties props, MarketDataPort market, TradingClock clock, JdbcTemplate jdbc,
                          PlatformTransactionManager transactions, AlpacaBrokerProperties alpaca, AlpacaRest alpacaRest,
                          org.springframework.core.env.Environment env) {
        CatalystProperties.Broker broker = props.broker();
        if ("alpaca".equals(broker.adapter())) {
            // the account's settings first (live needs its confirmation), then: real orders only on real prices and the
            // real close (docs/brokers.md); both are settings checks, before any request
            AlpacaTradingMode.resolve(alpaca.mode(), alpaca.liveConfirm(), alpaca.url());
            AlpacaBrokerSafety.requireLiveMarket(props.market().adapter(), props.clock().mode());
            // paper unless live is confirmed twice; the keys go to the adapter only (see docs/brokers.md)
            return AlpacaBrokerStartup.start(alpaca, alpacaRest, env.getProperty("ALPACA_API_KEY"), env.getProperty("ALPACA_SECRET_KEY"),
                    env.getProperty("catalyst.bundle.trading.enabled", Boolean.class, true));
        }
        if (!"paper".equals(broker.adapter())) {
            throw new IllegalStateException("catalyst.broker.adapter=" + broker.adapter() + " is not available; use paper or alpaca");
        }
        LOG.info("Broker: PAPER (simulated fills, starting cash {}, book kept in paper_broker_*); no real money is at stake",
                broker.startingCash());
        // the paper book lives in its own tables, so a restart finds the broker as it was (see docs/architecture.md)
        return new PaperBroker(symbol -> latestQuote(market, clock, symbol), clock::now, broker.startingCash(), broker.slippageBps(),
                broker.commissionPerShare(), new PaperBroker.FillModel(broker.maxFillQuantity(), broker.maxVolumeShare()),
                new JdbcPaperLedger(jdbc, new TransactionTemplate(transactions)), clock.calendar());
    }

    /** The paper broker's quote: the latest bar of the session so far (its close, volume and end), or none yet. */
    private static PaperBroker.Quote latestQuote(MarketDataPort market, TradingClock clock, String symbol) {
        java.util.List<com.catalyst.market.Bar> bars = market.intradayBars(symbol, clock.sessionDate(), clock.now());
        if (bars.isEmpty()) {
            return null;
        }
        com.catalyst.market.Bar last = bars.get(bars.size() - 1);
        return new PaperBroker.Quote(last.close(), last.volume(), last.time());
    }
}
