package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.catalyst.config.CatalystProperties;
import com.catalyst.market.MarketDataPort;
import com.catalyst.scanner.ScanRepository;
import com.catalyst.trading.PositionRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Live bars for the Alpaca market adapter. Alpaca allows one market-data connection an account, so of the processes
 * on one database exactly one, the holder of the {@link StreamLease}, connects; it feeds its own store and relays
 * every bar to the others on Redis ({@link BarRelay}), and they feed theirs from there. Every {@code lease-check} a
 * process that does not stream tries the lease (a dead holder's lease is free) and the holder checks it still holds it.
 * <p>
 * What is streamed follows the trading: every {@code lease-check} the holder subscribes the open positions first, then
 * the latest scan's candidates by rank (before the first scan of the day, the ranked universe), at most
 * {@code stream-limit} on IEX, everything on SIP. Refusals at start-up stop it: wrong keys (402), a stream URL that does
 * not answer. Another client on the account (406) is waited out, never retried at full speed.
 */
@Component
@ConditionalOnProperty(name = "catalyst.market.adapter", havingValue = "alpaca")
public class AlpacaMarketStreaming {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaMarketStreaming.class);

    private final AlpacaMarketData store;
    private final StreamLease lease;
    private final BarRelay relay;
    private final PositionRepository positions;
    private final ScanRepository scans;
    private final RedisConnectionFactory redis;
    private final StreamSelection selection;
    private final URI url;
    private final String keyId;
    private final String secretKey;
    private final Duration leaseCheck;
    private final StreamSettings streamSettings;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alpaca-market-streaming");
        t.setDaemon(true);
        return t;
    });
    private volatile AlpacaMarketStream stream;
    private volatile RedisMessageListenerContainer relayed;
    private volatile String waitingReason;
    /** No new connection before this (nanoTime): after a 406, Alpaca's connection limit needs its time to clear. */
    private volatile long notBefore = System.nanoTime();

    public AlpacaMarketStreaming(MarketDataPort market, javax.sql.DataSource dataSource, PositionRepository positions, ScanRepository scans,
                                 CamelContext camel,
                                 ObjectMapper json, RedisConnectionFactory redis, CatalystProperties props, Environment env,
                                 @Value("${catalyst.market.alpaca.lease-check:15s}") Duration leaseCheck,
                                 @Value("${catalyst.market.alpaca.connection-limit-wait:60s}") Duration connectionLimitWait) {
        this.store = (AlpacaMarketData) market;
        this.lease = new StreamLease(dataSource);
        this.relay = new BarRelay(json, camel.createProducerTemplate());
        this.positions = positions;
        this.scans = scans;
        this.redis = redis;
        CatalystProperties.Market.Alpaca alpaca = props.market().alpaca();
        String feed = AlpacaMarketSettings.checkedFeed(alpaca.feed());
        this.selection = new StreamSelection("sip".equals(feed), alpaca.streamLimit());
        this.url = AlpacaMarketSettings.streamUrl(alpaca.streamUrl(), feed);
        this.keyId = env.getProperty("ALPACA_API_KEY");
        this.secretKey = env.getProperty("ALPACA_SECRET_KEY");
        this.leaseCheck = leaseCheck;
        this.streamSettings = StreamSettings.defaults().withConnectionLimitWait(connectionLimitWait);
        store.attachStream(this::state);
    }

    /** At start-up: take the stream if no other process holds it (refusals stop start-up), else take the relay. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (lease.tryAcquire()) {
            connect(true);
        } else {
            LOG.info("Market data: another process holds Alpaca's stream; bars come from it over Redis ({})", BarRelay.CHANNEL);
            listenToRelay();
        }
        long every = leaseCheck.toMillis();
        scheduler.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** One look: take the stream over when it is free, give it up when the lease is lost, follow what to stream. */
    void check() {
        if (stream == null) {
            if (System.nanoTime() - notBefore >= 0 && lease.tryAcquire()) {
                connect(false);
            } else if (relayed == null) {
                // Redis was away when the relay was first taken: try again
                listenToRelay();
            }
        } else if (!lease.held()) {
            LOG.warn("Market data: the stream lease is lost; closing the stream, bars now come over Redis");
            stream.close();
            stream = null;
            listenToRelay();
            return;
        }
        if (stream != null) {
            subscribe();
        }
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("Market data: stream check failed: {}", e.getMessage());
        }
    }

    /**
     * Connects and subscribes. At start-up a refusal stops the process (wrong keys, a URL that does not answer); later,
     * the lease is given back and tried again at the next check. A 406 (another client holds the account's stream) is
     * waited out in both cases.
     */
    private void connect(boolean atStartup) {
        AlpacaMarketStream candidate = new AlpacaMarketStream(url, keyId, secretKey, relay.publishing(store), streamSettings);
        List<String> symbols = chosen();
        candidate.subscribe(Set.copyOf(symbols));
        try {
            candidate.start();
        } catch (AlpacaStreamException e) {
            lease.release();
            if (e.code() == 406 || !atStartup) {
                waitingReason = e.getMessage();
                LOG.warn("Market data: the stream did not start ({}); bars come over Redis and by REST, next try in {}", e.getMessage(),
                        e.code() == 406 ? streamSettings.connectionLimitWait() : leaseCheck);
                listenToRelay();
                if (e.code() == 406) {
                    // the next try must not come before Alpaca's connection limit has had time to clear
                    notBefore = System.nanoTime() + streamSettings.connectionLimitWait().toNanos();
                }
                return;
            }
            throw e;
        }
        stopRelay();
        stream = candidate;
        waitingReason = null;
        store.streamed(symbols);
        LOG.info("Market data: streaming {} symbols from {}", symbols.contains(StreamSelection.ALL) ? "all" : symbols.size(), url);
    }

    private void subscribe() {
        List<String> symbols = chosen();
        stream.subscribe(Set.copyOf(symbols));
        store.streamed(symbols);
    }

    /** Positions first, then the latest scan's candidates by rank; before today's first scan, the ranked universe. */
    List<String> chosen() {
        List<String> held = positions.openSymbols();
        List<String> survivors = new ArrayList<>(scans.recentCandidateSymbols());
        if (survivors.isEmpty()) {
            store.universe().forEach(s -> survivors.add(s.symbol()));
        }
        return selection.choose(held, List.copyOf(new LinkedHashSet<>(survivors)));
    }

    private synchronized void listenToRelay() {
        if (relayed != null) {
            return;
        }
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(redis);
        container.addMessageListener((message, pattern) -> relay.deliver(new String(message.getBody(),
                java.nio.charset.StandardCharsets.UTF_8), store), new ChannelTopic(BarRelay.CHANNEL));
        try {
            container.afterPropertiesSet();
            container.start();
            relayed = container;
        } catch (RuntimeException e) {
            // Catalyst trades without Redis: no relayed bars meanwhile (the stale-data guard stops entries), tried again
            LOG.warn("Market data: the bar relay on Redis is not reachable ({}); tried again in {}", e.getMessage(), leaseCheck);
            try {
                container.destroy();
            } catch (Exception ignored) {
                // nothing was started
            }
        }
    }

    private synchronized void stopRelay() {
        if (relayed != null) {
            try {
                relayed.stop();
                relayed.destroy();
            } catch (Exception e) {
                LOG.debug("Relay listener stop: {}", e.getMessage());
            }
            relayed = null;
        }
    }

    /** The stream's side of /health's market field. */
    AlpacaMarketData.StreamState state() {
        AlpacaMarketStream s = stream;
        if (s != null) {
            StreamStatus status = s.status();
            return new AlpacaMarketData.StreamState(true, status.connected(), status.subscribed(), status.problems());
        }
        List<String> problems = waitingReason == null ? List.of() : List.of(waitingReason);
        RedisMessageListenerContainer r = relayed;
        return new AlpacaMarketData.StreamState(false, r != null && r.isRunning(), 0, problems);
    }

    @PreDestroy
    public void stop() {
        scheduler.shutdownNow();
        AlpacaMarketStream s = stream;
        if (s != null) {
            s.close();
        }
        stopRelay();
        lease.release();
    }
}
