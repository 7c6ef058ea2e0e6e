package com.catalyst.adapters.alpaca;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.catalyst.market.Bar;
import com.catalyst.market.BarIssue;
import com.catalyst.market.BarIssueCounts;
import com.catalyst.market.BarSanitizer;
import com.catalyst.market.clock.TradingClock;

/**
 * The bars the Alpaca adapter serves: one session's 1-minute bars of every symbol it holds, and the daily bars of the
 * sessions before. Each minute is held exactly once, in time order, whatever order the stream and REST deliver in:
 * a bar for a minute already held replaces it only when it is Alpaca's updated bar, otherwise it is a duplicate and is
 * dropped. Every bar passes the {@link BarSanitizer}'s value rules (prices, range, volume) first; order is this store's
 * job, since a late minute is placed where it belongs instead of being rejected.
 * <p>
 * Thread-safe: the stream thread and the refresh thread write, the cycle threads read (each symbol under its own lock).
 */
public final class LiveBarStore {

    /** What became of one bar. */
    public enum Outcome { ADDED, REPLACED, DUPLICATE, OUTSIDE_SESSION, REJECTED }

    private final BarIssueCounts issues;
    private final Function<LocalDate, Instant> sessionClose;
    private final BiConsumer<String, Bar> onStored;
    private final Map<String, Double> volumeScale = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<LocalDate, Bar>> daily = new ConcurrentHashMap<>();
    private volatile Session session;

    /**
     * @param onStored told of every minute bar added or replaced (the recorder), on the writing thread
     */
    public LiveBarStore(BarIssueCounts issues, Function<LocalDate, Instant> sessionClose, BiConsumer<String, Bar> onStored,
                        LocalDate sessionDate) {
        this.issues = issues;
        this.sessionClose = sessionClose;
        this.onStored = onStored;
        this.session = new Session(sessionDate, sessionClose.apply(sessionDate));
    }

    /** Starts another session: the minute bars of the one before are dropped, the daily bars kept. */
    public void startSession(LocalDate date) {
        session = new Session(date, sessionClose.apply(date));
    }

    public LocalDate sessionDate() {
        return session.date;
    }

    /** The session's regular-hours window as minute-bar ends: (09:30, close]. */
    public Instant sessionOpen() {
        return session.open;
    }

    public Instant sessionCloseTime() {
        return session.close;
    }

    /**
     * Multiplies the volume of {@code symbol}'s minute bars stored from now on (IEX bars scaled to consolidated
     * volume; see docs/alpaca-market-data.md). 1 leaves them as they come.
     */
    public void scaleVolume(String symbol, double factor) {
        volumeScale.put(symbol, factor);
    }

    public double volumeScale(String symbol) {
        return volumeScale.getOrDefault(symbol, 1.0);
    }

    /**
     * Stores one minute bar (stamped with its end).
     *
     * @param replaceHeld whether it replaces a bar held for the same minute (an updated bar), else it is a duplicate
     * @param countDuplicate whether a duplicate counts as a {@link BarIssue#DUPLICATE_TIME} (the stream's, not a
     *                       REST back-fill's overlap, which is expected)
     */
    public Outcome put(String symbol, Bar raw, boolean replaceHeld, boolean countDuplicate) {
        Optional<Bar> checked = new BarSanitizer(issues).check(raw).bar();
        if (checked.isEmpty()) {
            return Outcome.REJECTED;
        }
        Session s = session;
        Bar bar = checked.get();
        if (!bar.time().isAfter(s.open) || bar.time().isAfter(s.close)) {
            // pre-market, after-hours or another day's bar: the scanner reads the regular session only
            return Outcome.OUTSIDE_SESSION;
        }
        double scale = volumeScale(symbol);
        if (scale != 1.0) {
            bar = new Bar(bar.time(), bar.open(), bar.high(), bar.low(), bar.close(), Math.round(bar.volume() * scale));
        }
        NavigableMap<Instant, Bar> minutes = s.bars.computeIfAbsent(symbol, k -> new TreeMap<>());
        Outcome outcome;
        synchronized (minutes) {
            Bar held = minutes.get(bar.time());
            if (held != null && !replaceHeld) {
                outcome = Outcome.DUPLICATE;
            } else {
                minutes.put(bar.time(), bar);
                outcome = held == null ? Outcome.ADDED : Outcome.REPLACED;
            }
        }
        if (outcome == Outcome.DUPLICATE) {
            if (countDuplicate) {
                issues.record(BarIssue.DUPLICATE_TIME);
            }
        } else {
            onStored.accept(symbol, bar);
        }
        return outcome;
    }

    /** {@code symbol}'s minute bars of {@code date} ending at or before {@code upTo}, oldest first (a copy). */
    public List<Bar> minutes(String symbol, LocalDate date, Instant upTo) {
        Session s = session;
        NavigableMap<Instant, Bar> minutes = s.date.equals(date) ? s.bars.get(symbol) : null;
        if (minutes == null) {
            return List.of();
        }
        synchronized (minutes) {
            return new ArrayList<>(minutes.headMap(upTo, true).values());
        }
    }

    /** The end of {@code symbol}'s last minute bar this session, if it has one. */
    public Optional<Instant> lastMinute(String symbol) {
        NavigableMap<Instant, Bar> minutes = session.bars.get(symbol);
        if (minutes == null) {
            return Optional.empty();
        }
        synchronized (minutes) {
            return minutes.isEmpty() ? Optional.empty() : Optional.of(minutes.lastKey());
        }
    }

    /** Replaces {@code symbol}'s daily bars (oldest first), each through a sanitizer as a series. */
    public List<Bar> putDaily(String symbol, List<Bar> bars) {
        BarSanitizer sanitizer = new BarSanitizer(issues);
        NavigableMap<LocalDate, Bar> days = new TreeMap<>();
        for (Bar bar : bars) {
            sanitizer.check(bar).bar().ifPresent(clean -> days.put(clean.time().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate(), clean));
        }
        daily.put(symbol, days);
        return List.copyOf(days.values());
    }

    public boolean hasDaily(String symbol) {
        return daily.containsKey(symbol);
    }

    /** Up to {@code count} daily bars of the sessions before {@code date}, oldest first. */
    public List<Bar> daily(String symbol, LocalDate date, int count) {
        NavigableMap<LocalDate, Bar> days = daily.get(symbol);
        if (days == null) {
            return List.of();
        }
        List<Bar> before = new ArrayList<>(days.headMap(date, false).values());
        return before.subList(Math.max(0, before.size() - count), before.size());
    }

    private static final class Session {
        final LocalDate date;
        final Instant open;
        final Instant close;
        final Map<String, NavigableMap<Instant, Bar>> bars = new ConcurrentHashMap<>();

        Session(LocalDate date, Instant close) {
            this.date = date;
            this.open = ZonedDateTime.of(date, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toInstant();
            this.close = close;
        }
    }
}
