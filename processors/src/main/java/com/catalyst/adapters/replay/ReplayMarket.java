package com.catalyst.adapters.replay;

import com.catalyst.market.BarIssue;
import com.catalyst.market.BarSanitizer;

import com.catalyst.market.Bar;
import com.catalyst.market.BarIssueCounts;
import com.catalyst.market.MarketDataPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.TradingClock;

/**
 * Real historical bars from CSV files (the project's data/ folder or any folder in the same formats):
 * NinjaTrader 1-minute exports named {@code nt-<symbol>-minute*.csv} ({@code yyyyMMdd HHmmss;open;high;low;close;volume},
 * UTC, stamped at the bar's end) and daily files named {@code <SYMBOL>.csv} with a {@code Date,Open,High,Low,Close,…} header.
 * Only regular-session minutes (bars ending 09:31–16:00 New York, 13:00 on an early close) are served, as the simulated
 * market does.
 * <p>
 * Every bar is checked by a {@link BarSanitizer} as it is loaded, so bad bars (NaN or non-positive prices, zero
 * volume, duplicate or out-of-order times) never reach the scanner or the indicators; {@link #barIssues()} counts them.
 * Missing minutes are not an issue: the bars around a gap are served as they are, and every indicator counts bars.
 */
public final class ReplayMarket implements MarketDataPort {

    private static final Pattern MINUTE_FILE = Pattern.compile("nt-([a-z0-9.]+)-minute.*\\.csv", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAILY_FILE = Pattern.compile("([A-Z][A-Z0-9.]*)\\.csv");
    private static final DateTimeFormatter NT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");

    private final Map<String, NavigableMap<LocalDate, List<Bar>>> minute = new TreeMap<>();
    private final BarIssueCounts issues;
    private final LongAdder malformedRows = new LongAdder();
    // filled lazily from the minute bars by concurrent scans, so a concurrent map
    private final Map<String, NavigableMap<LocalDate, Bar>> daily = new ConcurrentHashMap<>();

    public ReplayMarket(Path directory) {
        this(directory, new BarIssueCounts());
    }

    /**
     * Loads every file under {@code directory}, running each file's regular-session bars through a {@link BarSanitizer}
     * that records into {@code issues}: a rejected bar is never served, a repaired one is served repaired, and a row
     * that cannot be read at all is counted in {@link #malformedRows()}.
     */
    public ReplayMarket(Path directory, BarIssueCounts issues) {
        this.issues = issues;
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("catalyst.market.replay-dir: folder " + directory.toAbsolutePath() + " does not exist");
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                Matcher m = MINUTE_FILE.matcher(name);
                if (m.matches()) {
                    loadMinuteFile(m.group(1).toUpperCase(Locale.ROOT), file);
                } else if (DAILY_FILE.matcher(name).matches()) {
                    loadDailyFile(name.substring(0, name.length() - 4), file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("replay data in " + directory + " could not be read", e);
        }
        if (minute.isEmpty()) {
            throw new IllegalArgumentException("catalyst.market.replay-dir: no 1-minute file (nt-<symbol>-minute*.csv) under " + directory.toAbsolutePath());
        }
    }

    /** What the sanitizer found in the files' bars. */
    public BarIssueCounts barIssues() {
        return issues;
    }

    /** Rows that could not be read as a bar (missing fields, unreadable time or number): skipped. */
    public long malformedRows() {
        return malformedRows.sum();
    }

    /** The first session that has minute bars: where a replay starts by default. */
    public LocalDate firstSession() {
        return minute.values().stream().map(NavigableMap::firstKey).min(LocalDate::compareTo).orElseThrow();
    }

    /** The sessions that have minute bars for {@code symbol}, in order (empty for a symbol the files do not hold). */
    public java.util.NavigableSet<LocalDate> sessions(String symbol) {
        return minute.getOrDefault(symbol, Collections.emptyNavigableMap()).navigableKeySet();
    }

    @Override
    public List<SecurityInfo> universe() {
        return minute.keySet().stream().map(s -> new SecurityInfo(s, s, 0, "REPLAY")).toList();
    }

    @Override
    public List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo) {
        List<Bar> session = minute.getOrDefault(symbol, Collections.emptyNavigableMap()).get(date);
        if (session == null) {
            return List.of();
        }
        int end = 0;
        while (end < session.size() && !session.get(end).time().isAfter(upTo)) {
            end++;
        }
        return session.subList(0, end);
    }

    @Override
    public List<Bar> dailyBars(String symbol, LocalDate date, int count) {
        NavigableMap<LocalDate, Bar> days = daily.computeIfAbsent(symbol, this::dailyFromMinutes);
        List<Bar> before = new ArrayList<>(days.headMap(date, false).values());
        return before.subList(Math.max(0, before.size() - count), before.size());
    }

    private NavigableMap<LocalDate, Bar> dailyFromMinutes(String symbol) {
        NavigableMap<LocalDate, Bar> result = new TreeMap<>();
        minute.getOrDefault(symbol, Collections.emptyNavigableMap()).forEach((day, bars) -> {
            double high = bars.stream().mapToDouble(Bar::high).max().orElse(Double.NaN);
            double low = bars.stream().mapToDouble(Bar::low).min().orElse(Double.NaN);
            long volume = bars.stream().mapToLong(Bar::volume).sum();
            Bar last = bars.get(bars.size() - 1);
            result.put(day, new Bar(last.time(), bars.get(0).open(), high, low, last.close(), volume));
        });
        return result;
    }

    private void loadMinuteFile(String symbol, Path file) throws IOException {
        NavigableMap<LocalDate, List<Bar>> sessions = minute.computeIfAbsent(symbol, k -> new TreeMap<>());
        // one sanitizer per file: a file is one stream in time order, and two files of a symbol may cover other months
        BarSanitizer sanitizer = new BarSanitizer(issues);
        for (String line : Files.readAllLines(file)) {
            String row = line.strip();
            if (row.isEmpty()) {
                continue;
            }
            Bar bar = minuteBar(row);
            if (bar == null) {
                malformedRows.increment();
                continue;
            }
            ZonedDateTime local = bar.time().atZone(TradingClock.EXCHANGE_ZONE);
            var time = local.toLocalTime();
            // regular session: bars ending 09:31 through 16:00 New York time, 13:00 on an early close
            if (time.isAfter(TradingClock.REGULAR_OPEN) && !time.isAfter(ExchangeCalendar.close(local.toLocalDate()))) {
                sanitizer.check(bar).bar().ifPresent(clean ->
                        addToSession(sessions.computeIfAbsent(local.toLocalDate(), d -> new ArrayList<>()), clean));
            }
        }
    }

    /** Keeps a session in time order when files overlap; a time another file already served is a duplicate. */
    private void addToSession(List<Bar> session, Bar bar) {
        if (session.isEmpty() || bar.time().isAfter(session.get(session.size() - 1).time())) {
            session.add(bar);
            return;
        }
        int at = Collections.binarySearch(session.stream().map(Bar::time).toList(), bar.time());
        if (at >= 0) {
            issues.record(BarIssue.DUPLICATE_TIME);
        } else {
            session.add(-at - 1, bar);
        }
    }

    /** The bar of a NinjaTrader row {@code yyyyMMdd HHmmss;open;high;low;close;volume}, or null when unreadable. */
    private static Bar minuteBar(String row) {
        String[] f = row.split(";");
        if (f.length < 6) {
            return null;
        }
        try {
            Instant end = LocalDateTime.parse(f[0], NT_TIME).toInstant(ZoneOffset.UTC);
            return new Bar(end, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Long.parseLong(f[5].trim()));
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private void loadDailyFile(String symbol, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).startsWith("Date,Open,High,Low,Close")) {
            return;
        }
        boolean volumeLast = lines.get(0).endsWith("Volume");
        NavigableMap<LocalDate, Bar> days = daily.computeIfAbsent(symbol, k -> new TreeMap<>());
        BarSanitizer sanitizer = new BarSanitizer(issues);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            Bar bar = dailyBar(line.strip().split(","), volumeLast);
            if (bar == null) {
                malformedRows.increment();
                continue;
            }
            sanitizer.check(bar).bar().ifPresent(clean ->
                    days.put(clean.time().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate(), clean));
        }
    }

    /** The bar of a {@code Date,Open,High,Low,Close,…} row, stamped at that day's close, or null when unreadable. */
    private static Bar dailyBar(String[] f, boolean volumeLast) {
        if (f.length < 6) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(f[0]);
            long volume = (long) Double.parseDouble(volumeLast ? f[f.length - 1] : f[5]);
            Instant end = ZonedDateTime.of(date, ExchangeCalendar.close(date), TradingClock.EXCHANGE_ZONE).toInstant();
            return new Bar(end, Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), volume);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
