package com.catalyst.health;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.catalyst.trading.ReconciliationDesk.TradingHaltedException;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.MarketFeed;
import com.catalyst.market.clock.TradingClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Stops new entries while the live market data is stale: in session, once {@code catalyst.market.stale-after} has
 * passed since the open, no bar for that long. Exits still run (the manage step needs no fresh bar to flatten), as
 * they do while reconciliation holds entries. Adapters whose bars come from the process itself (simulated, replay)
 * are not {@link MarketFeed}s and are never stale. Published as catalyst_market_data_age_seconds and
 * catalyst_market_data_stale, and in {@code /health} under {@code market}.
 */
@Component("marketDataGuard")
public class MarketDataGuard {

    private static final Logger LOG = LoggerFactory.getLogger(MarketDataGuard.class);

    private final Optional<MarketFeed> feed;
    private final TradingClock clock;
    private final Duration staleAfter;
    private boolean reportedStale;
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private com.catalyst.notify.Notifications notifications = com.catalyst.notify.Notifications.NONE;

    public MarketDataGuard(MarketDataPort market, TradingClock clock, @Value("${catalyst.market.stale-after:3m}") Duration staleAfter,
                           MeterRegistry meters) {
        this.feed = market instanceof MarketFeed f ? Optional.of(f) : Optional.empty();
        this.clock = clock;
        this.staleAfter = staleAfter;
        // published by every process, so that the alert rule's metric always exists: 0 and NaN for the simulated
        // and replayed markets, which cannot go stale
        Gauge.builder("catalyst.market.data.age", this, g -> g.age().map(a -> a.toMillis() / 1000.0).orElse(Double.NaN))
                .description("seconds since the last live bar arrived (NaN before the first)").baseUnit("seconds").register(meters);
        Gauge.builder("catalyst.market.data.stale", this, g -> g.stale() ? 1 : 0)
                .description("1 while the market data is stale in session and new entries are stopped").register(meters);
    }

    /** How long ago the last live bar arrived; empty for adapters that are not live, or before the first bar. */
    public Optional<Duration> age() {
        return feed.map(MarketFeed::status).map(MarketFeed.Status::lastBarAt).map(last -> Duration.between(last, clock.now()));
    }

    /** In session, past the grace after the open, and no bar within {@code stale-after}. */
    public boolean stale() {
        if (feed.isEmpty() || !clock.isMarketOpen() || Duration.ofMinutes(clock.minutesSinceOpen()).compareTo(staleAfter) < 0) {
            return false;
        }
        Instant last = feed.get().status().lastBarAt();
        return last == null || Duration.between(last, clock.now()).compareTo(staleAfter) > 0;
    }

    /**
     * Whether entries are refused now for stale data (the cycle's trade step asks this): the first refusal since the data
     * was fresh is logged and notified (market_data_stale), once until bars arrive again.
     */
    public synchronized boolean refusesEntries() {
        if (stale()) {
            if (!reportedStale) {
                reportedStale = true;
                String why = why();
                LOG.warn("Market data stale ({}; catalyst.market.stale-after={}): new entries stopped until bars arrive", why, staleAfter);
                notifications.marketDataStale(why);
            }
            return true;
        }
        if (reportedStale) {
            reportedStale = false;
            LOG.info("Market data fresh again: entries allowed");
        }
        return false;
    }

    /** Refuses an entry while the data is stale (503 on the REST surface, like a pending reconciliation). */
    public void requireFresh() {
        if (refusesEntries()) {
            throw new TradingHaltedException("no entries: the market data is stale (" + why() + ", catalyst.market.stale-after="
                    + staleAfter + ")");
        }
    }

    private String why() {
        return age().map(a -> "no bar for " + a.toSeconds() + " s").orElse("no bar yet this session");
    }

    /** The {@code market} field of /health: empty for adapters that are not live. */
    public Optional<Map<String, Object>> status() {
        return feed.map(f -> {
            MarketFeed.Status s = f.status();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("adapter", s.adapter());
            body.put("feed", s.feed());
            body.put("stream", s.streaming() ? "held here" : "relayed");
            body.put("connected", s.connected());
            body.put("symbols", s.subscribed());
            body.put("last_bar_age_seconds", age().map(Duration::toSeconds).orElse(null));
            body.put("stale", stale());
            body.put("problems", s.problems());
            return body;
        });
    }
}
