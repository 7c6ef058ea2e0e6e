package com.catalyst.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort;

/**
 * The bars of one backtest run, held in memory as one array a symbol and session, behind the same {@link MarketDataPort}
 * the live stages read. Every query is a binary search (the live replay adapter scans), because a backtest asks for the
 * bars "up to now" at every simulated minute. Daily bars are the sessions' own minutes aggregated, as in the replay adapter.
 */
public final class BacktestMarket implements MarketDataPort {

    private final Map<String, NavigableMap<LocalDate, Session>> sessions;
    private final Map<String, NavigableMap<LocalDate, Bar>> daily = new TreeMap<>();
    private final List<SecurityInfo> universe;

    /** @param bars each symbol's regular-session bars by session date, each session in strictly increasing time */
    public BacktestMarket(Map<String, ? extends Map<LocalDate, List<Bar>>> bars) {
        Map<String, NavigableMap<LocalDate, Session>> bySymbol = new TreeMap<>();
        bars.forEach((symbol, days) -> {
            NavigableMap<LocalDate, Session> map = new TreeMap<>();
            NavigableMap<LocalDate, Bar> dailyBars = new TreeMap<>();
            days.forEach((date, list) -> {
                if (!list.isEmpty()) {
                    Session session = new Session(list.toArray(Bar[]::new));
                    map.put(date, session);
                    dailyBars.put(date, session.aggregate());
                }
            });
            if (!map.isEmpty()) {
                bySymbol.put(symbol, map);
                daily.put(symbol, dailyBars);
            }
        });
        this.sessions = bySymbol;
        this.universe = bySymbol.keySet().stream().map(s -> new SecurityInfo(s, s, 0, "BACKTEST")).toList();
    }

    /** The symbols that have at least one session. */
    public NavigableSet<String> symbols() {
        return new TreeSet<>(sessions.keySet());
    }

    /** The dates with bars of {@code symbol}, oldest first. */
    public NavigableSet<LocalDate> sessionDates(String symbol) {
        NavigableMap<LocalDate, Session> days = sessions.get(symbol);
        return days == null ? Collections.emptyNavigableSet() : days.navigableKeySet();
    }

    /** All the bars of one session of one symbol (empty when it has none). */
    public List<Bar> session(String symbol, LocalDate date) {
        Session s = sessionOf(symbol, date);
        return s == null ? List.of() : Arrays.asList(s.bars);
    }

    @Override
    public List<SecurityInfo> universe() {
        return universe;
    }

    @Override
    public List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo) {
        Session s = sessionOf(symbol, date);
        if (s == null) {
            return List.of();
        }
        return Arrays.asList(s.bars).subList(0, s.countUpTo(upTo));
    }

    @Override
    public double lastPrice(String symbol, LocalDate date, Instant at) {
        Session s = sessionOf(symbol, date);
        if (s == null) {
            return Double.NaN;
        }
        int n = s.countUpTo(at);
        return n == 0 ? Double.NaN : s.bars[n - 1].close();
    }

    @Override
    public List<Bar> dailyBars(String symbol, LocalDate date, int count) {
        NavigableMap<LocalDate, Bar> days = daily.get(symbol);
        if (days == null) {
            return List.of();
        }
        List<Bar> before = new ArrayList<>(count);
        for (Bar bar : days.headMap(date, false).descendingMap().values()) {
            if (before.size() == count) {
                break;
            }
            before.add(bar);
        }
        Collections.reverse(before);
        return before;
    }

    private Session sessionOf(String symbol, LocalDate date) {
        NavigableMap<LocalDate, Session> days = sessions.get(symbol);
        return days == null ? null : days.get(date);
    }

    /** One session's bars and their end times in epoch seconds, for the binary search. */
    private static final class Session {
        final Bar[] bars;
        final long[] ends;

        Session(Bar[] bars) {
            this.bars = bars;
            this.ends = new long[bars.length];
            for (int i = 0; i < bars.length; i++) {
                ends[i] = bars[i].time().getEpochSecond();
            }
        }

        /** How many bars end at or before {@code upTo}. */
        int countUpTo(Instant upTo) {
            int at = Arrays.binarySearch(ends, upTo.getEpochSecond());
            return at >= 0 ? at + 1 : -at - 1;
        }

        Bar aggregate() {
            return Bar.aggregate(Arrays.asList(bars));
        }
    }
}
