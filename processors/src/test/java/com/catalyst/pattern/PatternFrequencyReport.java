package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prints, as a Markdown table, how often each pattern fires per 1,000 bars on every series in data/
 * and on seeded random walks. Each detector is run at every bar on the trailing {@value SlidingScan#WINDOW}-bar
 * window (from the {@value SlidingScan#MIN_WINDOW}th bar on); minute series are scanned per regular
 * session so no window spans two days.
 *
 * <p>Run from the repository root:
 * {@code ./mvnw -q test-compile && java -cp target/classes:target/test-classes com.catalyst.pattern.PatternFrequencyReport}
 */
public final class PatternFrequencyReport {

    private PatternFrequencyReport() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "data");
        List<PatternDetector> detectors = PatternScanner.withAllDetectors().detectors();
        Map<String, SlidingScan> columns = new LinkedHashMap<>();
        columns.put("stocknet daily, 30 symbols", scanAll(detectors, stocknet(data)));
        columns.put("ta4j AAPL 2013 daily", scanAll(detectors, List.of(BarFiles.dailyCsv(data.resolve("ta4j/AAPL-PT1D-20130102_20131231.csv")))));
        columns.put("SPY 1-min, 43 sessions", scanAll(detectors, spySessions(data)));
        List<List<Bar>> walks = new ArrayList<>();
        for (long seed = 1; seed <= 100; seed++) {
            walks.add(RandomWalk.bars(seed, 400));
        }
        columns.put("random walk, 100 seeds", scanAll(detectors, walks));
        System.out.print(table(columns));
    }

    private static SlidingScan scanAll(List<PatternDetector> detectors, List<List<Bar>> series) {
        SlidingScan scan = new SlidingScan();
        for (List<Bar> bars : series) {
            scan.runAll(detectors, bars);
        }
        return scan;
    }

    private static List<List<Bar>> stocknet(Path data) throws IOException {
        List<List<Bar>> series = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("stocknet/price/raw"))) {
            for (Path file : files.sorted().toList()) {
                series.add(BarFiles.dailyCsv(file));
            }
        }
        return series;
    }

    private static List<List<Bar>> spySessions(Path data) throws IOException {
        List<List<Bar>> sessions = new ArrayList<>();
        sessions.addAll(RegularSessions.of(BarFiles.ninjaTraderMinutes(data.resolve("pyalgotrade/nt-spy-minute-2011.csv"))));
        sessions.addAll(RegularSessions.of(BarFiles.ninjaTraderMinutes(data.resolve("pyalgotrade/nt-spy-minute-2011-03.csv"))));
        return sessions;
    }

    private static String table(Map<String, SlidingScan> columns) {
        StringBuilder out = new StringBuilder("| pattern |");
        columns.keySet().forEach(name -> out.append(' ').append(name).append(" |"));
        out.append("\n|---|");
        columns.keySet().forEach(name -> out.append("---:|"));
        out.append('\n');
        for (PatternType type : PatternType.values()) {
            out.append("| ").append(type).append(" |");
            columns.values().forEach(scan -> out.append(String.format(Locale.ROOT, " %.2f |", scan.perThousand(type))));
            out.append('\n');
        }
        out.append("| *bars evaluated* |");
        columns.values().forEach(scan -> out.append(' ').append(scan.evaluatedBars()).append(" |"));
        return out.append('\n').toString();
    }
}
