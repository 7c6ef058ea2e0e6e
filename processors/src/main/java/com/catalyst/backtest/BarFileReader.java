package com.catalyst.backtest;

import java.io.BufferedReader;
import java.io.IOException;
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

    /** Hands every bar of the file, in file order, to {@code sink} with its symbol; returns the bars read. Messages name the file by its file name. */
    public static long read(Path file, BiConsumer<String, Bar> sink) {
        return read(file, file.getFileName().toString(), sink);
    }

    /**
     * As {@link #read(Path, BiConsumer)}, with messages naming the file {@code name} (its path relative to the folder a
     * request named it in). A message says which line and which field is wrong, never what the line holds: the file
     * may not be a bar file at all.
     */
    public static long read(Path file, String name, BiConsumer<String, Bar> sink) {
        if (!Files.isRegularFile(file)) {
            throw new BacktestInputException("catalyst.backtest.file: " + name + " does not exist or is not a file");
        }
        try (BufferedReader in = Files.newBufferedReader(file)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) {
                throw new BacktestInputException(name + ": the file is empty; expected the header " + HEADER + " or NinjaTrader rows");
            }
            String header = first.strip().toLowerCase(Locale.ROOT);
            if (header.equals(HEADER)) {
                return readCsv(name, in, sink);
            }
            Matcher symbolName = NT_NAME.matcher(file.getFileName().toString());
            if (first.contains(";")) {
                if (!symbolName.matches()) {
                    throw new BacktestInputException(name + ": NinjaTrader rows, but the symbol cannot be told from the file name; "
                            + "name it nt-<symbol>-minute.csv or use the header " + HEADER);
                }
                String symbol = symbolName.group(1).toUpperCase(Locale.ROOT);
                sink.accept(symbol, ninjaTrader(name, 1, first.strip()));
                return 1 + readNinjaTrader(name, symbol, in, sink);
            }
            throw new BacktestInputException(name + " line 1: expected the header " + HEADER + " (or NinjaTrader rows)");
        } catch (IOException e) {
            throw new BacktestInputException(name + " could not be read as UTF-8 text");
        }
    }

    /** Reads every bar of a file into symbol → bars, in file order. */
    public static Map<String, List<Bar>> readAll(Path file) {
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        read(file, (symbol, bar) -> bars.computeIfAbsent(symbol, s -> new java.util.ArrayList<>()).add(bar));
        return bars;
    }

    private static long readCsv(String file, BufferedReader in, BiConsumer<String, Bar> sink) throws IOException {
        long count = 0;
        int line = 1;
        for (String row = in.readLine(); row != null; row = in.readLine()) {
            line++;
            if (row.isBlank()) {
                continue;
            }
            String[] f = row.split(",", -1);
            if (f.length != 7) {
                throw new BacktestInputException(file + " line " + line + ": expected 7 fields (" + HEADER + "), got " + f.length);
            }
            String symbol = f[0].strip().toUpperCase(Locale.ROOT);
            if (!symbol.matches("[A-Z][A-Z0-9.]{0,9}")) {
                throw new BacktestInputException(file + " line " + line + ": symbol is not a ticker");
            }
            Instant time;
            try {
                time = OffsetDateTime.parse(f[1].strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new BacktestInputException(file + " line " + line + ": time is not ISO-8601 with an offset (e.g. 2011-01-03T14:31:00Z)");
            }
            sink.accept(symbol, new Bar(time, number(file, line, "open", f[2]), number(file, line, "high", f[3]),
                    number(file, line, "low", f[4]), number(file, line, "close", f[5]), volume(file, line, f[6])));
            count++;
        }
        return count;
    }

    private static long readNinjaTrader(String file, String symbol, BufferedReader in, BiConsumer<String, Bar> sink) throws IOException {
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

    private static Bar ninjaTrader(String file, int line, String row) {
        String[] f = row.split(";", -1);
        if (f.length != 6) {
            throw new BacktestInputException(file + " line " + line + ": expected 6 fields (yyyyMMdd HHmmss;open;high;low;close;volume), got "
                    + f.length);
        }
        Instant time;
        try {
            time = LocalDateTime.parse(f[0], NT_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BacktestInputException(file + " line " + line + ": time is not yyyyMMdd HHmmss");
        }
        return new Bar(time, number(file, line, "open", f[1]), number(file, line, "high", f[2]), number(file, line, "low", f[3]),
                number(file, line, "close", f[4]), volume(file, line, f[5]));
    }

    private static double number(String file, int line, String field, String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new BacktestInputException(file + " line " + line + ": " + field + " is not a number");
        }
    }

    private static long volume(String file, int line, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new BacktestInputException(file + " line " + line + ": volume is not a whole number");
        }
    }
}
