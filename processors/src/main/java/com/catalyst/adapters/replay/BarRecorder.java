package com.catalyst.adapters.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.catalyst.market.Bar;
import com.catalyst.market.clock.TradingClock;

/**
 * Writes live bars in the files {@link ReplayMarket} reads, so that a live day can be replayed and backtested: a
 * symbol's minute bars of a session in {@code nt-<symbol>-minute-<yyyyMMdd>.csv} (NinjaTrader rows
 * {@code yyyyMMdd HHmmss;open;high;low;close;volume}, UTC, stamped at the bar's end) and its daily history in
 * {@code <SYMBOL>.csv} ({@code Date,Open,High,Low,Close,Volume}).
 * <p>
 * A bar is appended as it is stored. A late bar (out of order) or an updated one (a minute written before) would
 * make the replay drop it, so such a file is marked and rewritten in order, the last bar of each minute winning, by
 * {@link #compact()} (at the session's change and at shutdown). Thread-safe.
 */
public final class BarRecorder {

    private static final DateTimeFormatter NT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Path directory;
    private final Map<Path, Instant> lastWritten = new ConcurrentHashMap<>();
    private final Set<Path> unordered = ConcurrentHashMap.newKeySet();
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    public BarRecorder(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("catalyst.market.record-dir: folder " + directory.toAbsolutePath() + " cannot be created", e);
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalArgumentException("catalyst.market.record-dir: folder " + directory.toAbsolutePath() + " is not writable");
        }
    }

    public Path directory() {
        return directory;
    }

    /** The file of {@code symbol}'s minute bars of the session {@code date}. */
    public Path minuteFile(String symbol, LocalDate date) {
        return directory.resolve("nt-" + symbol.toLowerCase(Locale.ROOT) + "-minute-" + FILE_DAY.format(date) + ".csv");
    }

    /** Appends one minute bar (stamped with its end) to its symbol's file of the session. */
    public void minute(String symbol, Bar bar) {
        LocalDate session = bar.time().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate();
        Path file = minuteFile(symbol, session);
        // one writer a file at a time: rows of two threads must not interleave
        synchronized (lockOf(file)) {
            Instant last = lastWritten.get(file);
            // a file of an earlier run of the day (a restart) gets the back-fill's rows again: put in order later
            if (last == null ? Files.exists(file) : !bar.time().isAfter(last)) {
                unordered.add(file);
            }
            if (last == null || bar.time().isAfter(last)) {
                lastWritten.put(file, bar.time());
            }
            write(file, row(bar) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** Writes {@code symbol}'s daily bars (oldest first) as its daily file, replacing the one before. */
    public void daily(String symbol, List<Bar> bars) {
        StringBuilder text = new StringBuilder("Date,Open,High,Low,Close,Volume\n");
        for (Bar bar : bars) {
            text.append(bar.time().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate()).append(',').append(price(bar.open())).append(',')
                    .append(price(bar.high())).append(',').append(price(bar.low())).append(',').append(price(bar.close())).append(',')
                    .append(bar.volume()).append('\n');
        }
        write(directory.resolve(symbol.toUpperCase(Locale.ROOT) + ".csv"), text.toString(),
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }

    /** Rewrites the files that got a late or updated bar in time order, the last row of each minute winning. */
    public void compact() {
        for (Path file : List.copyOf(unordered)) {
            synchronized (lockOf(file)) {
                try {
                    TreeMap<String, String> byTime = new TreeMap<>();
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        int semicolon = line.indexOf(';');
                        if (semicolon > 0) {
                            // "yyyyMMdd HHmmss" sorts as text in time order
                            byTime.put(line.substring(0, semicolon), line);
                        }
                    }
                    write(file, String.join("\n", new ArrayList<>(byTime.values())) + "\n",
                            StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                    unordered.remove(file);
                } catch (IOException e) {
                    throw new UncheckedIOException("recorded bars in " + file + " could not be put in order", e);
                }
            }
        }
    }

    static String row(Bar bar) {
        return NT_TIME.format(bar.time()) + ";" + price(bar.open()) + ";" + price(bar.high()) + ";" + price(bar.low()) + ";"
                + price(bar.close()) + ";" + bar.volume();
    }

    private static String price(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    private Object lockOf(Path file) {
        return locks.computeIfAbsent(file, f -> new Object());
    }

    private static void write(Path file, String text, StandardOpenOption... options) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, options);
        } catch (IOException e) {
            throw new UncheckedIOException("catalyst.market.record-dir: bars could not be written to " + file, e);
        }
    }
}
