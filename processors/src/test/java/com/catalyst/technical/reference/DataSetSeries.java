package com.catalyst.technical.reference;

import com.catalyst.market.Bar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads every bar series of the project's data set (data/README.md describes each format and its quirks).
 * Daily bars are stamped at 16:00 US/Eastern, their close; minute bars keep their UTC bar-end time.
 */
public final class DataSetSeries {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final DateTimeFormatter NINJA_TIME = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");

    private DataSetSeries() {
    }

    /** The data/ folder, found from the working directory (the project root under Maven). */
    public static Path dataDir() {
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("data/stocknet"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("data/ not found above " + Paths.get("").toAbsolutePath());
        }
        return dir.resolve("data");
    }

    /** Every series: 30 stocknet symbols, the pyalgotrade minute and Yahoo files, and ta4j's AAPL 2013. */
    public static List<NamedSeries> all() {
        List<NamedSeries> all = new ArrayList<>(stocknet());
        all.addAll(pyalgotradeMinutes());
        all.addAll(yahooDaily());
        all.add(ta4jAapl());
        return all;
    }

    public static List<NamedSeries> stocknet() {
        return filesIn(dataDir().resolve("stocknet/price/raw"), ".csv").stream()
                .map(file -> new NamedSeries("stocknet/" + file.getFileName(),
                        // Date,Open,High,Low,Close,Adj Close,Volume
                        readCsv(file, 1, ",", f -> daily(f[0], f[1], f[2], f[3], f[4], f[6]))))
                .toList();
    }

    public static List<NamedSeries> pyalgotradeMinutes() {
        return filesIn(dataDir().resolve("pyalgotrade"), ".csv").stream()
                .filter(file -> file.getFileName().toString().startsWith("nt-spy-minute"))
                .map(file -> new NamedSeries("pyalgotrade/" + file.getFileName(),
                        readCsv(file, 0, ";", f -> bar(LocalDateTime.parse(f[0], NINJA_TIME).toInstant(ZoneOffset.UTC),
                                f[1], f[2], f[3], f[4], f[5]))))
                .toList();
    }

    public static List<NamedSeries> yahooDaily() {
        return filesIn(dataDir().resolve("pyalgotrade"), ".csv").stream()
                .filter(file -> file.getFileName().toString().endsWith("yahoofinance.csv"))
                .map(file -> {
                    // Date,Open,High,Low,Close,Volume,Adj Close, newest first
                    List<Bar> bars = new ArrayList<>(readCsv(file, 1, ",", f -> daily(f[0], f[1], f[2], f[3], f[4], f[5])));
                    Collections.reverse(bars);
                    return new NamedSeries("pyalgotrade/" + file.getFileName(), bars);
                })
                .toList();
    }

    public static NamedSeries ta4jAapl() {
        Path file = dataDir().resolve("ta4j/AAPL-PT1D-20130102_20131231.csv");
        return new NamedSeries("ta4j/" + file.getFileName(),
                readCsv(file, 1, ",", f -> daily(f[0], f[1], f[2], f[3], f[4], f[5])));
    }

    private static Bar daily(String date, String open, String high, String low, String close, String volume) {
        Instant end = LocalDate.parse(date).atTime(LocalTime.of(16, 0)).atZone(NEW_YORK).toInstant();
        return bar(end, open, high, low, close, volume);
    }

    private static Bar bar(Instant time, String open, String high, String low, String close, String volume) {
        return new Bar(time, Double.parseDouble(open), Double.parseDouble(high), Double.parseDouble(low),
                Double.parseDouble(close), Long.parseLong(volume));
    }

    private interface RowParser {
        Bar parse(String[] fields);
    }

    private static List<Bar> readCsv(Path file, int headerLines, String separator, RowParser parser) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.skip(headerLines)
                    .map(String::strip) // one file has CRLF endings, two end in a blank line
                    .filter(line -> !line.isEmpty())
                    .map(line -> parser.parse(line.split(separator)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesIn(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
