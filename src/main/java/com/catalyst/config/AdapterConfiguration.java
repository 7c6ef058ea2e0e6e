package com.catalyst.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.catalyst.adapters.alpaca.AlpacaBrokerProperties;
import com.catalyst.adapters.alpaca.AlpacaBrokerSafety;
import com.catalyst.adapters.alpaca.AlpacaClock;
import com.catalyst.adapters.alpaca.AlpacaTradingMode;
import com.catalyst.adapters.alpaca.AlpacaBrokerStartup;
import com.catalyst.adapters.alpaca.AlpacaMarketData;
import com.catalyst.adapters.alpaca.AlpacaMarketRest;
import com.catalyst.adapters.alpaca.AlpacaMarketSettings;
import com.catalyst.adapters.alpaca.AlpacaNewsFeed;
import com.catalyst.adapters.alpaca.AlpacaRest;
import com.catalyst.adapters.alpaca.AlpacaTradingMode;
import com.catalyst.adapters.alphavantage.AlphaVantageNewsFeed;
import com.catalyst.adapters.newsapi.NewsApiFeed;
import com.catalyst.adapters.paper.JdbcPaperLedger;
import com.catalyst.adapters.paper.PaperBroker;
import com.catalyst.adapters.replay.BarRecorder;
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
import com.catalyst.news.NewsSourceClient;
import com.catalyst.news.RefreshingNewsPort;
import com.catalyst.trading.BrokerPort;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
    MarketDataPort marketData(CatalystProperties props, BarIssueCounts barIssues, AlpacaRest alpacaRest,
                              AlpacaBrokerProperties alpaca, org.springframework.core.env.Environment env, Clock wallClock) {
        CatalystProperties.Market market = props.market();
        return switch (market.adapter()) {
            case "simulated" -> new SimulatedMarket(new SimulatedScenario(market.seed(), market.symbols()));
            case "replay" -> new ReplayMarket(Path.of(market.replayDir()).toAbsolutePath(), barIssues);
            case "alpaca" -> alpacaMarket(market, barIssues, alpacaRest, alpaca, env, wallClock);
            default -> throw new IllegalStateException("catalyst.market.adapter=" + market.adapter()
                    + " is not available; use simulated, replay or alpaca");
        };
    }

    /**
     * The market on Alpaca's data (docs/alpaca-market-data.md): the universe and its history are loaded here, so wrong
     * keys stop start-up; the assets come from the broker's trading host (paper unless live is confirmed).
     */
    private static AlpacaMarketData alpacaMarket(CatalystProperties.Market market, BarIssueCounts barIssues, AlpacaRest alpacaRest,
                                                 AlpacaBrokerProperties alpaca, org.springframework.core.env.Environment env,
                                                 Clock wallClock) {
        AlpacaMarketSettings.requireKeys(env.getProperty("ALPACA_API_KEY"), env.getProperty("ALPACA_SECRET_KEY"));
        CatalystProperties.Market.Alpaca a = market.alpaca();
        URI tradingUrl = AlpacaTradingMode.resolve(alpaca.mode(), alpaca.liveConfirm(), alpaca.url()).baseUrl();
        AlpacaMarketSettings settings = new AlpacaMarketSettings(a.feed(), a.dataUrl(), tradingUrl, a.symbols(), a.universeSize(),
                a.streamLimit(), a.barsBatch(), a.snapshotBatch(), a.refreshInterval(), a.rankInterval());
        Function<LocalDate, Instant> sessionClose = AdapterConfiguration::sessionClose;
        BarRecorder recorder = market.recordDir().isBlank() ? null : new BarRecorder(Path.of(market.recordDir()).toAbsolutePath());
        AlpacaMarketData data = new AlpacaMarketData(settings, new AlpacaMarketRest(alpacaRest, settings.dataUrl(), tradingUrl,
                sessionClose), wallClock, sessionClose, barIssues, recorder);
        LOG.info("Market: Alpaca {} feed from {} (stream {}), assets from {}, {}", settings.feed(), settings.dataUrl(),
                AlpacaMarketSettings.streamUrl(a.streamUrl(), settings.feed()), tradingUrl,
                recorder == null ? "not recorded" : "recorded to " + recorder.directory());
        data.start();
        return data;
    }

    /**
     * A session's close as the end of its daily bar and its last minute: the built-in calendar's, early closes included
     * (the Alpaca clock's calendar cannot be asked here: the clock is built on this market).
     */
    private static Instant sessionClose(LocalDate date) {
        return java.time.ZonedDateTime.of(date, ExchangeCalendar.close(date), TradingClock.EXCHANGE_ZONE).toInstant();
    }

    /**
     * The real clock takes its sessions from Alpaca's calendar on Alpaca's market (early closes and holidays as Alpaca
     * publishes them; start-up stops if it cannot be read), else from the built-in NYSE calendar (docs/market-hours.md).
     */
    /**
     * Wall time, the system's: what the real clock and the live market's store read. One bean, so that an integration
     * test can run the real clock inside a session whatever the hour CI runs it (a shifted {@code Clock}, @Primary).
     */
    @Bean
    Clock wallClock() {
        return Clock.systemUTC();
    }

    @Bean
    TradingClock tradingClock(CatalystProperties props, MarketDataPort market, AlpacaBrokerProperties alpaca, AlpacaRest alpacaRest,
                              Clock wallClock) {
        CatalystProperties.Clock clock = props.clock();
        if ("real".equals(clock.mode())) {
            if ("alpaca".equals(props.market().adapter())) {
                // the trading host: the paper host unless live is confirmed, as the broker resolves it
                return AlpacaClock.start(alpacaRest, AlpacaTradingMode.resolve(alpaca.mode(), alpaca.liveConfirm(), alpaca.url()).baseUrl(),
                        wallClock);
            }
            LOG.info("Clock: real time on the built-in NYSE calendar (2025–2027, early closes at 13:00)");
            return new WallClock(wallClock);
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
    NewsPort newsPort(CatalystProperties props, MarketDataPort market, NewsDrops drops, org.springframework.core.env.Environment env,
                      AlpacaRest alpacaRest) {
        CatalystProperties.News news = props.news();
        // the universe is the securities master the scanner ranks: news about anything else is dropped
        Supplier<NewsGate> gate = () -> new NewsGate(market.universe().stream().map(MarketDataPort.SecurityInfo::symbol)
                .collect(Collectors.toSet()), Clock.systemUTC(), drops);
        boolean fetchesNews = env.getProperty("catalyst.bundle.news.enabled", Boolean.class, true);
        return switch (news.adapter()) {
            case "none" -> (symbols, from, to) -> java.util.Map.of();
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
            // the network sources: in split mode only the news process fetches news, and only it is given the keys
            // (compose/docker-compose.yml); keys are read here from the environment and handed to the adapter only
            case "alpaca", "newsapi", "alphavantage" -> fetchesNews ? networkNews(news, gate.get(), env, alpacaRest) : notThisProcess();
            default -> throw new IllegalStateException("catalyst.news.adapter=" + news.adapter()
                    + " is not available; use simulated, none, replay, alpaca, newsapi or alphavantage");
        };
    }

    /** A network news source behind the refresh cache: each symbol is asked anew at most once a refresh (docs/news.md). */
    private static NewsPort networkNews(CatalystProperties.News news, NewsGate gate, org.springframework.core.env.Environment env,
                                        AlpacaRest alpacaRest) {
        return switch (news.adapter()) {
            case "alpaca" -> {
                LOG.info("News: Alpaca news API at {}, {} symbols a request, asked anew every {}", news.alpacaUrl(),
                        news.alpacaSymbolsPerRequest(), news.alpacaRefresh());
                yield new RefreshingNewsPort(new AlpacaNewsFeed(alpacaRest, news.alpacaUrl(), gate, news.alpacaSymbolsPerRequest(),
                        news.alpacaMaxPages()), news.alpacaRefresh());
            }
            case "newsapi" -> {
                CatalystProperties.NewsApi n = news.newsapi();
                LOG.info("News: NewsAPI at {}, {} symbols a query, asked anew every {}, at most {} requests a day", n.url(),
                        n.symbolsPerRequest(), n.refresh(), n.requestsPerDay());
                yield new RefreshingNewsPort(new NewsApiFeed(env.getProperty(NewsApiFeed.KEY_VARIABLE),
                        new NewsApiFeed.Settings(n.url(), n.symbolsPerRequest(), n.pageSize(), n.language()),
                        new NewsSourceClient.Settings(n.requestTimeout(), n.requestsPerDay(), n.maxAttempts(), java.time.Duration.ofMillis(500),
                                n.coolDown()), gate, Clock.systemUTC()), n.refresh());
            }
            default -> {
                CatalystProperties.AlphaVantage a = news.alphavantage();
                LOG.info("News: Alpha Vantage NEWS_SENTIMENT at {}, asked anew every {}, at most {} requests a day, time_published read in {}",
                        a.url(), a.refresh(), a.requestsPerDay(), a.zone());
                yield new RefreshingNewsPort(new AlphaVantageNewsFeed(env.getProperty(AlphaVantageNewsFeed.KEY_VARIABLE),
                        new AlphaVantageNewsFeed.Settings(a.url(), a.limit(), a.zone()),
                        new NewsSourceClient.Settings(a.requestTimeout(), a.requestsPerDay(), a.maxAttempts(), java.time.Duration.ofMillis(500),
                                a.coolDown()), gate, Clock.systemUTC()), a.refresh());
            }
        };
    }

    private static NewsPort notThisProcess() {
        return (symbols, from, to) -> {
            throw new IllegalStateException("news comes from the news process; this one does not run the news bundle");
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
    BrokerPort brokerPort(CatalystProperties props, MarketDataPort market, TradingClock clock, JdbcPaperLedger paperLedger,
                          AlpacaBrokerProperties alpaca, AlpacaRest alpacaRest, org.springframework.core.env.Environment env) {
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
                paperLedger, clock.calendar())
                .shortSelling(props.trading().allowShort(), broker.hardToBorrow());
    }

    /** The paper broker's quote: the latest bar of the session so far (its close, volume, end, open, high and low), or none yet. */
    private static PaperBroker.Quote latestQuote(MarketDataPort market, TradingClock clock, String symbol) {
        java.util.List<com.catalyst.market.Bar> bars = market.intradayBars(symbol, clock.sessionDate(), clock.now());
        if (bars.isEmpty()) {
            return null;
        }
        com.catalyst.market.Bar last = bars.get(bars.size() - 1);
        return new PaperBroker.Quote(last.close(), last.volume(), last.time(), last.open(), last.high(), last.low());
    }
}
