package com.catalyst.adapters.alpaca;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import com.catalyst.adapters.alpaca.AlpacaMarketRest.Asset;
import com.catalyst.adapters.replay.BarRecorder;
import com.catalyst.market.Bar;
import com.catalyst.market.BarIssueCounts;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.MarketFeed;
import com.catalyst.market.clock.TradingClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market on Alpaca's data ({@code catalyst.market.adapter=alpaca}). The scanner screens every universe symbol
 * each cycle, so the universe is a ranked subset whose bars are all in memory ({@link LiveBarStore}); no cycle makes
 * a REST call. What fills the store:
 * <ol>
 * <li>At start-up and when the session changes: the assets (or the explicit list), ranked from snapshots
 * ({@link SnapshotRanking}); their daily bars (SIP) and today's minute bars (the feed) by REST.</li>
 * <li>Every {@code rank-interval}: the ranking again; new entrants get their history.</li>
 * <li>The stream ({@link #onBar}); after a drop, {@link #onReconnected} back-fills the streamed symbols from each one's
 * last bar.</li>
 * <li>Every {@code refresh-interval} in session: the new minute bars of the symbols not streamed, by REST.</li>
 * </ol>
 * On {@code iex}, minute volumes are scaled to consolidated volume by each symbol's SIP/IEX ratio of the last
 * sessions, so the scanner's volume filters read like-for-like figures (docs/alpaca-market-data.md).
 */
public final class AlpacaMarketData implements MarketDataPort, LiveBars, MarketFeed, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaMarketData.class);
    /** Calendar days of daily history asked for: {@link AlpacaMarketSettings#DAILY_SESSIONS} sessions and holidays. */
    private static final int DAILY_CALENDAR_DAYS = 45;
    /** SIP data younger than this is refused on the free plan. */
    private static final Duration SIP_DELAY = Duration.ofMinutes(16);
    /** Bounds of the IEX-to-consolidated volume factor: IEX is a few % of the market, not less than 0.2 %. */
    static final double MAX_VOLUME_SCALE = 500;

    /** The stream's side of {@link #status()}, set by whoever holds the stream (or the relay). */
    public record StreamState(boolean streaming, boolean connected, int subscribed, List<String> problems) {
    }

    private final AlpacaMarketSettings settings;
    private final AlpacaMarketRest rest;
    private final Clock clock;
    private final LiveBarStore store;
    private final BarRecorder recorder;
    private final Map<String, Instant> restCoveredUntil = new ConcurrentHashMap<>();
    private final Map<String, SecurityInfo> known = new ConcurrentHashMap<>();
    private volatile List<SecurityInfo> universe = List.of();
    private volatile List<Asset> assets = List.of();
    private volatile LocalDate loadedSession;
    private volatile Instant rankedAt = Instant.MIN;
    private volatile Set<String> streamed = Set.of();
    private volatile Instant lastBarAt;
    private volatile String refreshProblem;
    private volatile Supplier<StreamState> stream;
    /** The watchlist: symbols the ranked universe keeps beside its top (MarketDataPort#keepInUniverse). */
    private volatile Supplier<Collection<String>> keep = List::of;
    private volatile List<String> lastKept = List.of();
    private ScheduledExecutorService scheduler;

    /**
     * @param sessionClose a session's close (early closes included): the end of its daily bar and of its minutes
     * @param recorder     where live minute bars are recorded for replay, or null
     */
    public AlpacaMarketData(AlpacaMarketSettings settings, AlpacaMarketRest rest, Clock clock,
                            Function<LocalDate, Instant> sessionClose, BarIssueCounts issues, BarRecorder recorder) {
        this.settings = settings;
        this.rest = rest;
        this.clock = clock;
        this.recorder = recorder;
        this.store = new LiveBarStore(issues, sessionClose, recorder == null ? (s, b) -> { } : recorder::minute, today());
    }

    /**
     * Loads the universe and its history (a refusal such as wrong keys stops start-up), then refreshes every
     * {@code refresh-interval} on a daemon thread.
     */
    public void start() {
        refresh();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alpaca-market-refresh");
            t.setDaemon(true);
            return t;
        });
        long every = settings.refreshInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::refreshQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * One refresh: a new session reloads everything, a due ranking ranks again, and the symbols not streamed get their
     * new minute bars. Called by the schedule; tests call it with their clock.
     */
    public synchronized void refresh() {
        LocalDate today = today();
        if (!today.equals(loadedSession)) {
            startSession(today);
        } else if (settings.symbols().isEmpty() && !clock.instant().isBefore(rankedAt.plus(settings.rankInterval()))) {
            rank(today);
        } else if (settings.symbols().isEmpty()) {
            addKept();
        }
        Set<String> notStreamed = new LinkedHashSet<>(universeSymbols());
        if (settings.streamsAll() && streamed.contains(StreamSelection.ALL)) {
            notStreamed.clear();
        } else {
            notStreamed.removeAll(streamed);
        }
        minuteBarsByRest(notStreamed, restCoveredUntil);
        refreshProblem = null;
    }

    /**
     * The symbols the stream is subscribed to now ({@code ["*"]} for all): they are back-filled after a reconnect
     * and not refreshed by REST. The lead's stream wiring calls it with what {@link StreamSelection#choose} gave.
     */
    public void streamed(Collection<String> symbols) {
        streamed = Set.copyOf(symbols);
    }

    /** Where {@link #status()} reads the stream's state (connected, subscribed, its problems). */
    public void attachStream(Supplier<StreamState> stream) {
        this.stream = stream;
    }

    @Override
    public List<SecurityInfo> universe() {
        return universe;
    }

    @Override
    public List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo) {
        return store.minutes(symbol, date, upTo);
    }

    @Override
    public List<Bar> dailyBars(String symbol, LocalDate date, int count) {
        return store.daily(symbol, date, count);
    }

    @Override
    public void onBar(String symbol, Bar bar, boolean updated) {
        lastBarAt = clock.instant();
        store.put(symbol, bar, updated, true);
    }

    @Override
    public void onReconnected() {
        if (scheduler == null) {
            backfillStreamed();
        } else {
            // REST work off the stream's thread: the stream keeps reading while the minutes come back
            scheduler.execute(this::backfillStreamed);
        }
    }

    /** Every streamed symbol's minute bars from its last bar to now, by REST; held minutes are kept once. */
    void backfillStreamed() {
        Collection<String> symbols = streamed.contains(StreamSelection.ALL) ? universeSymbols() : streamed;
        Map<String, Instant> fromLastBar = new HashMap<>();
        for (String symbol : symbols) {
            store.lastMinute(symbol).ifPresent(last -> fromLastBar.put(symbol, last));
        }
        try {
            minuteBarsByRest(symbols, fromLastBar);
        } catch (RuntimeException e) {
            refreshProblem = "back-fill after the stream's reconnect failed: " + e.getMessage();
            LOG.warn("Alpaca market data: {}", refreshProblem);
        }
    }

    @Override
    public Status status() {
        Supplier<StreamState> s = stream;
        StreamState state = s == null
                ? new StreamState(false, false, 0, List.of("no market-data stream attached: minute bars come by REST every "
                + settings.refreshInterval().toSeconds() + " s"))
                : s.get();
        List<String> problems = new ArrayList<>(state.problems());
        String refresh = refreshProblem;
        if (refresh != null) {
            problems.add(refresh);
        }
        return new Status("alpaca", settings.feed(), state.streaming(), state.connected(), lastBarAt, state.subscribed(),
                List.copyOf(problems));
    }

    /** Stops the refresh and puts the day's recorded files in order. */
    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (recorder != null) {
            recorder.compact();
        }
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            refreshProblem = "REST refresh failed at " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + ": " + e.getMessage();
            LOG.warn("Alpaca market data: {}", refreshProblem);
        }
    }

    private void startSession(LocalDate today) {
        if (recorder != null) {
            recorder.compact();
        }
        store.startSession(today);
        restCoveredUntil.clear();
        if (settings.symbols().isEmpty()) {
            assets = rest.assets();
            assets.forEach(a -> known.put(a.symbol(), new SecurityInfo(a.symbol(), a.name(), 0, a.exchange())));
            LOG.info("Alpaca market data: {} tradable assets on {}", assets.size(), AlpacaMarketRest.EXCHANGES);
            rank(today);
        } else {
            universe = settings.symbols().stream().map(s -> new SecurityInfo(s, s, 0, "ALPACA")).toList();
            loadHistory(settings.symbols());
        }
        loadedSession = today;
    }

    /**
     * Ranks the assets from snapshots and keeps the top {@code universe-size}, then the kept symbols (the watchlist)
     * outside it; new entrants get their history.
     */
    private void rank(LocalDate today) {
        List<String> ranked = SnapshotRanking.top(rest.snapshots(assets.stream().map(Asset::symbol).toList(), settings.feed(),
                settings.snapshotBatch()), today, settings.universeSize());
        List<String> top = new ArrayList<>(ranked);
        kept().stream().filter(s -> !ranked.contains(s)).forEach(top::add);
        List<String> entrants = top.stream().filter(s -> !store.hasDaily(s)).toList();
        loadHistory(entrants);
        universe = top.stream().map(s -> known.getOrDefault(s, new SecurityInfo(s, s, 0, "ALPACA"))).toList();
        rankedAt = clock.instant();
        LOG.info("Alpaca market data: universe of {} ranked from {} snapshots ({} new)", top.size(), assets.size(), entrants.size());
    }

    /** Between two rankings: a symbol newly kept joins the universe now, with its history. */
    private void addKept() {
        Set<String> in = new HashSet<>(universeSymbols());
        List<String> added = kept().stream().filter(s -> !in.contains(s)).toList();
        if (added.isEmpty()) {
            return;
        }
        loadHistory(added.stream().filter(s -> !store.hasDaily(s)).toList());
        List<SecurityInfo> grown = new ArrayList<>(universe);
        added.forEach(s -> grown.add(known.getOrDefault(s, new SecurityInfo(s, s, 0, "ALPACA"))));
        universe = List.copyOf(grown);
        LOG.info("Alpaca market data: {} watched symbol(s) added to the universe: {}", added.size(), added);
    }

    /** The kept symbols among the tradable assets; when they cannot be read (the database away), the last ones read. */
    private List<String> kept() {
        try {
            lastKept = keep.get().stream().filter(known::containsKey).distinct().toList();
        } catch (RuntimeException e) {
            LOG.warn("Alpaca market data: the watchlist could not be read ({}); keeping {}", e.getMessage(), lastKept);
        }
        return lastKept;
    }

    @Override
    public void keepInUniverse(Supplier<Collection<String>> symbols) {
        keep = symbols;
    }

    /** An explicit list's symbols, or any tradable asset when the universe is ranked (it can be kept in it). */
    @Override
    public boolean knows(String symbol) {
        return settings.symbols().isEmpty() ? known.containsKey(symbol) : settings.symbols().contains(symbol);
    }

    /** Daily bars (SIP; on iex the IEX ones too, for the volume factor) and today's minute bars so far. */
    private void loadHistory(List<String> symbols) {
        if (symbols.isEmpty()) {
            return;
        }
        LocalDate today = store.sessionDate();
        LocalDate from = today.minusDays(DAILY_CALENDAR_DAYS);
        // daily bars of the sessions before today only; SIP younger than 16 minutes is refused on the free plan
        Instant startOfToday = today.atStartOfDay(TradingClock.EXCHANGE_ZONE).toInstant();
        Instant end = min(startOfToday, clock.instant().minus(SIP_DELAY));
        Map<String, List<Bar>> sip = rest.dailyBars(symbols, from, end, "sip", settings.barsBatch());
        Map<String, List<Bar>> iex = settings.feed().equals("iex")
                ? rest.dailyBars(symbols, from, end, "iex", settings.barsBatch()) : Map.of();
        for (String symbol : symbols) {
            List<Bar> days = store.putDaily(symbol, sip.getOrDefault(symbol, List.of()));
            if (recorder != null && !days.isEmpty()) {
                recorder.daily(symbol, days);
            }
            if (settings.feed().equals("iex")) {
                store.scaleVolume(symbol, volumeScale(days, iex.getOrDefault(symbol, List.of())));
            }
        }
        minuteBarsByRest(symbols, restCoveredUntil);
    }

    /**
     * The consolidated-to-IEX volume ratio of the sessions both feeds have, between 1 and {@link #MAX_VOLUME_SCALE};
     * 1 when IEX has none (the volume is then left as IEX reports it).
     */
    static double volumeScale(List<Bar> sip, List<Bar> iex) {
        Map<Instant, Long> iexByDay = new HashMap<>();
        iex.forEach(b -> iexByDay.put(b.time(), b.volume()));
        long sipVolume = 0;
        long iexVolume = 0;
        for (Bar b : sip) {
            Long v = iexByDay.get(b.time());
            if (v != null) {
                sipVolume += b.volume();
                iexVolume += v;
            }
        }
        if (iexVolume <= 0 || sipVolume <= 0) {
            return 1.0;
        }
        return Math.max(1.0, Math.min(MAX_VOLUME_SCALE, (double) sipVolume / iexVolume));
    }

    /**
     * The minute bars of {@code symbols} from where each was covered to the last complete minute, one batched call a
     * group of symbols that share a start; {@code from} is updated to what was fetched.
     */
    private void minuteBarsByRest(Collection<String> symbols, Map<String, Instant> from) {
        Instant open = store.sessionOpen();
        // the minute under way has no final bar yet: up to the last complete one, within the session
        Instant end = min(clock.instant().truncatedTo(ChronoUnit.MINUTES).minusSeconds(1), store.sessionCloseTime());
        if (symbols.isEmpty() || !end.isAfter(open)) {
            return;
        }
        Map<Instant, List<String>> byStart = new TreeMap<>();
        for (String symbol : symbols) {
            Instant start = from.getOrDefault(symbol, open);
            if (start.isBefore(end)) {
                byStart.computeIfAbsent(start, k -> new ArrayList<>()).add(symbol);
            }
        }
        byStart.forEach((start, group) -> {
            // Alpaca's start is the bar's start: the minute after the one covered
            Map<String, List<Bar>> bars = rest.minuteBars(group, start, end, settings.feed(), settings.barsBatch());
            bars.forEach((symbol, list) -> list.forEach(bar -> store.put(symbol, bar, false, false)));
            Instant covered = end.plusSeconds(1);
            group.forEach(symbol -> restCoveredUntil.merge(symbol, covered, AlpacaMarketData::max));
        });
    }

    private List<String> universeSymbols() {
        return universe.stream().map(SecurityInfo::symbol).toList();
    }

    private LocalDate today() {
        return clock.instant().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
