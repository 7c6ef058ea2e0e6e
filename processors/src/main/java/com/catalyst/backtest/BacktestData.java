package com.catalyst.backtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

import com.catalyst.market.Bar;
import com.catalyst.market.BarIssueCounts;
import com.catalyst.market.BarSanitizer;
import com.catalyst.adapters.replay.ReplayMarket;
import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.TradingClock;

/**
 * The bars a run replays: its symbols' regular-session minutes up to the end of the range (earlier sessions stay
 * readable as history, for the scanner's 20-day volume), and the sessions in the range it steps through.
 * Anything missing (folder, file, symbol, bars in the range) is a {@link BacktestInputException} naming it.
 */
public record BacktestData(String source, BacktestMarket market, List<String> symbols, List<LocalDate> sessions,
                           long barsInRange, BarIssueCounts issues) {

    /** The project's data set or any folder in the replay adapter's formats (nt-&lt;symbol&gt;-minute*.csv). */
    public static BacktestData fromDirectory(Path directory, List<String> symbols, LocalDate from, LocalDate to) {
        return fromDirectory(directory, directory.toString(), symbols, from, to);
    }

    /** As {@link #fromDirectory(Path, List, LocalDate, LocalDate)}, with messages naming the folder {@code name}, never its location. */
    public static BacktestData fromDirectory(Path directory, String name, List<String> symbols, LocalDate from, LocalDate to) {
        if (!Files.isDirectory(directory)) {
            throw new BacktestInputException("catalyst.backtest.data-dir: folder " + name + " does not exist");
        }
        BarIssueCounts issues = new BarIssueCounts();
        ReplayMarket replay;
        try {
            replay = new ReplayMarket(directory, issues);
        } catch (IllegalArgumentException e) {
            // the replay adapter's own messages give the folder's absolute path
            throw new BacktestInputException("folder " + name + " holds no 1-minute file (nt-<symbol>-minute*.csv)");
        } catch (java.io.UncheckedIOException e) {
            throw new BacktestInputException("folder " + name + " could not be read");
        }
        Map<String, Map<LocalDate, List<Bar>>> bars = new TreeMap<>();
        for (var security : replay.universe()) {
            Map<LocalDate, List<Bar>> days = new TreeMap<>();
            for (LocalDate date : replay.sessions(security.symbol())) {
                days.put(date, replay.intradayBars(security.symbol(), date, endOf(date)));
            }
            bars.put(security.symbol(), days);
        }
        return select("folder " + name, bars, symbols, from, to, issues);
    }

    /** A bar file in one of {@link BarFileReader}'s formats; only regular-session minutes are kept, each checked. */
    public static BacktestData fromFile(Path file, List<String> symbols, LocalDate from, LocalDate to) {
        return fromFile(file, file.getFileName().toString(), symbols, from, to);
    }

    /** As {@link #fromFile(Path, List, LocalDate, LocalDate)}, with messages naming the file {@code name}, never its location or content. */
    public static BacktestData fromFile(Path file, String name, List<String> symbols, LocalDate from, LocalDate to) {
        BarIssueCounts issues = new BarIssueCounts();
        Map<String, BarSanitizer> sanitizers = new HashMap<>();
        Map<String, Map<LocalDate, List<Bar>>> bars = new TreeMap<>();
        BarFileReader.read(file, name, (symbol, bar) -> {
            ZonedDateTime local = bar.time().atZone(TradingClock.EXCHANGE_ZONE);
            LocalTime time = local.toLocalTime();
            // an early-close day's bars after 13:00 are the late session's, not the regular one's
            if (time.isAfter(TradingClock.REGULAR_OPEN) && !time.isAfter(ExchangeCalendar.close(local.toLocalDate()))) {
                sanitizers.computeIfAbsent(symbol, s -> new BarSanitizer(issues)).check(bar).bar().ifPresent(clean ->
                        bars.computeIfAbsent(symbol, s -> new TreeMap<>()).computeIfAbsent(local.toLocalDate(), d -> new ArrayList<>()).add(clean));
            }
        });
        return select("file " + name, bars, symbols, from, to, issues);
    }

    /** Bars already in memory (tests, the benchmark's generated year). */
    public static BacktestData of(String source, Map<String, Map<LocalDate, List<Bar>>> bars, List<String> symbols, LocalDate from, LocalDate to) {
        return select(source, bars, symbols, from, to, new BarIssueCounts());
    }

    private static BacktestData select(String source, Map<String, Map<LocalDate, List<Bar>>> bars, List<String> wanted,
                                       LocalDate from, LocalDate to, BarIssueCounts issues) {
        if (bars.isEmpty()) {
            throw new BacktestInputException(source + " holds no regular-session 1-minute bars");
        }
        List<String> symbols = wanted == null || wanted.isEmpty() ? new ArrayList<>(bars.keySet()) : wanted;
        List<String> unknown = symbols.stream().filter(s -> !bars.containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            throw new BacktestInputException("unknown symbol" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + ": "
                    + source + " has bars for " + String.join(", ", bars.keySet()));
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new BacktestInputException("from " + from + " is after to " + to);
        }
        Map<String, Map<LocalDate, List<Bar>>> kept = new LinkedHashMap<>();
        NavigableSet<LocalDate> sessions = new TreeSet<>();
        NavigableSet<LocalDate> all = new TreeSet<>();
        long count = 0;
        for (String symbol : symbols) {
            Map<LocalDate, List<Bar>> days = new TreeMap<>();
            for (Map.Entry<LocalDate, List<Bar>> day : bars.get(symbol).entrySet()) {
                LocalDate date = day.getKey();
                all.add(date);
                if (to != null && date.isAfter(to)) {
                    continue;
                }
                days.put(date, day.getValue());
                if (from == null || !date.isBefore(from)) {
                    sessions.add(date);
                    count += day.getValue().size();
                }
            }
            kept.put(symbol, days);
        }
        if (sessions.isEmpty()) {
            throw new BacktestInputException("no bars between " + (from == null ? "the start" : from) + " and " + (to == null ? "the end" : to)
                    + " for " + String.join(", ", symbols) + " in " + source + " (it has " + all.first() + " to " + all.last() + ")");
        }
        return new BacktestData(source, new BacktestMarket(kept), List.copyOf(symbols), List.copyOf(sessions), count, issues);
    }

    private static java.time.Instant endOf(LocalDate date) {
        return ZonedDateTime.of(date, ExchangeCalendar.close(date), TradingClock.EXCHANGE_ZONE).toInstant();
    }
}
