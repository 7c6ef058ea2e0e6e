package com.catalyst.backtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.catalyst.market.Bar;

/**
 * Reads a bar file for a backtest, strictly: the first row that cannot be read ends the run with the file, the line
 * and what is wrong, rather than a backtest over part of the data. Two formats (docs/backtesting.md):
 * <ul>
 *   <li>Catalyst's CSV: header {@code symbol,time,open,high,low,close,volume}, time the bar's end as ISO-8601 with an
 *   offset ({@code 2011-01-03T14:31:00Z}), any number of symbols;</li>
 *   <li>a NinjaTrader minute export as in data/ ({@code yyyyMMdd HHmmss;open;high;low;close;volume}, UTC bar ends, no
 *   header), whose symbol is taken from a file name {@code nt-<symbol>-minute*.csv}.</li>
 * </ul>
 */
public final class BarFileReader {

    static final String HEADER = "symbol,time,open,high,low,close,volume";
    private static final Pattern NT_NAME = Pattern.compile("nt-([a-z0-9.]+)-minute.*\\.csv", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter NT_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");

    private BarFileReader() {
    }

    /** Hands every bar of the file, in file order, to {@code sink} with its symbol; returns the bars read. */
    public static long read(Path file, BiConsumer<String, Bar> sink) {
        if (!Files.isRegularFile(file)) {
            throw new BacktestInputException("catalyst.backtest.file: " + file.toAbsolutePath() + " does not exist or is not a file");
        }
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new BacktestInputException(file + ": the file is empty; expected the header " + HEADER + " or NinjaTrader rows");
            }
            String header = first.strip().toLowerCase(Locale.ROOT);
            if (header.equals(HEADER)) {
                return readCsv(file, in, sink);
            }
            Matcher name = NT_NAME.matcher(file.getFileName().toString());
            if (first.contains(";")) {
                if (!name.matches()) {
                    throw new BacktestInputException(file + ": NinjaTrader rows, but the symbol cannot be told from the file name; "
                            + "name it nt-<symbol>-minute.csv or use the header " + HEADER);
                }
                String symbol = name.group(1).toUpperCase(Locale.ROOT);
                sink.accept(symbol, ninjaTrader(file, 1, first.strip()));
                return 1 + readNinjaTrader(file, symbol, in, sink);
            }
            throw new BacktestInputException(file + " line 1: expected the header " + HEADER + " (or NinjaTrader rows), got '"
                    + abbreviate(first) + "'");
        } catch (IOException e) {
            throw new UncheckedIOException("backtest file " + file + " could not be read", e);
        }
    }

    /** Reads every bar of a file into symbol → bars, in file order. */
    public static Map<String, List<Bar>> readAll(Path file) {
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        read(file, (symbol, bar) -> bars.computeIfAbsent(symbol, s -> new java.util.ArrayList<>()).add(bar));
        return bars;
    }

    private static long readCsv(Path file, BufferedReader in, BiConsumer<String, Bar> sink) throws IOException {
        long count = 0;
        int line = 1;
        for (String row = in.readLine(); row != null; row = in.readLine()) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split(",", -1);
            if (f.length != 7) {
                throw new BacktestInputException(file + " line " + line + ": expected 7 fields (" + HEADER + "), got " + f.length
                        + " in '" + abbreviate(row) + "'");
            }
            String symbol = f[0].strip().toUpperCase(Locale.ROOT);
            if (!symbol.matches("[A-Z][A-Z0-9.]{0,9}")) {
                throw new BacktestInputException(file + " line " + line + ": symbol '" + f[0] + "' is not a ticker");
            }
            Instant time;
            try {
                time = OffsetDateTime.parse(f[1].strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new BacktestInputException(file + " line " + line + ": time '" + f[1] + "' is not ISO-8601 with an offset "
                        + "(e.g. 2011-01-03T14:31:00Z)");
            }
            sink.accept(symbol, new Bar(time, number(file, line, "open", f[2]), number(file, line, "high", f[3]),
                    number(file, line, "low", f[4]), number(file, line, "close", f[5]), volume(file, line, f[6])));
            count++;
        }
        return count;
    }

    private static long readNinjaTrader(Path file, String symbol, BufferedReader in, BiConsumer<String, Bar> sink) throws IOException {
        long count = 0;
        int line = 1;
        for (String row = in.readLine(); row != null; row = in.readLine()) {
            line++;
            if (!row.isBlank()) {
                sink.accept(symbol, ninjaTrader(file, line, row.strip()));
                count++;
            }
        }
        return count;
    }

    private static Bar ninjaTrader(Path file, int line, String row) {
        String[] f = row.split(";", -1);
        if (f.length != 6) {
            throw new BacktestInputException(file + " line " + line + ": expected 6 fields (yyyyMMdd HHmmss;open;high;low;close;volume), got "
                    + f.length + " in '" + abbreviate(row) + "'");
        }
        Instant time;
        try {
            time = LocalDateTime.parse(f[0], NT_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BacktestInputException(file + " line " + line + ": time '" + f[0] + "' is not yyyyMMdd HHmmss");
        }
        return new Bar(time, number(file, line, "open", f[1]), number(file, line, "high", f[2]), number(file, line, "low", f[3]),
                number(file, line, "close", f[4]), volume(file, line, f[5]));
    }

    private static double number(Path file, int line, String field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new BacktestInputException(file + " line " + line + ": " + field + " '" + abbreviate(text) + "' is not a number");
        }
    }

    private static long volume(Path file, int line, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new BacktestInputException(file + " line " + line + ": volume '" + abbreviate(text) + "' is not a whole number");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
