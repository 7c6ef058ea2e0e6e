package com.catalyst.scanner.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import com.catalyst.market.Bar;
import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.adapters.simulated.SimulatedScenario;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.pattern.PatternRequest;
import com.catalyst.pattern.PatternResponse;
import com.catalyst.pattern.PatternStage;
import com.catalyst.scanner.MarketScanner;
import com.catalyst.scanner.ScanCandidate;
import com.catalyst.scanner.ScanRequest;
import com.catalyst.scanner.ScanResponse;
import com.catalyst.scanner.ScannerSettings;
import com.catalyst.technical.IndicatorSet;
import com.catalyst.technical.TechnicalStage;

/**
 * Scan benchmark, run by bench/scan/run.sh; docs/indicators.md records its output. A US-sized universe (8,000
 * simulated symbols of 390 one-minute bars) at the close: the scanner's filters and scores, every indicator for every
 * symbol and the cycle's pattern step for the top 100, against the 5 s scan cadence and the 0.5 s aim.
 * <ol>
 * <li>cold: the indicators run over all 390 bars of every symbol (a restart, or a scan with no kept state);</li>
 * <li>live: each symbol's indicator set kept from the previous minute takes the one new bar, as TechnicalStage does.</li>
 * </ol>
 * The scanner and the indicators run on a parallel stream (every core); the figures are medians after warm-up runs.
 */
public final class ScanBenchmark {

    private static final int SYMBOLS = 8_000;
    private static final int TOP = 100;
    private static final double AIM_SECONDS = 0.5;
    private static final double CADENCE_SECONDS = 5.0;
    private static final LocalDate SESSION = LocalDate.of(2026, 1, 6);
    private static final Instant CLOSE = ZonedDateTime.of(SESSION, TradingClock.REGULAR_CLOSE, TradingClock.EXCHANGE_ZONE).toInstant();
    // the application's default filters (application.yaml)
    private static final ScannerSettings SETTINGS = new ScannerSettings(5, 500, 500_000, 30, 1.0, 0, 0, 0.03);

    private static volatile double sink;

    public static void main(String[] args) {
        System.out.printf("java %s, %d cores, max heap %d MB, load average at start %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long heapBefore = usedHeapAfterGc();
        SimulatedMarket market = new SimulatedMarket(new SimulatedScenario(20260105L, SYMBOLS));
        List<String> symbols = market.universe().stream().map(s -> s.symbol()).toList();
        long start = System.nanoTime();
        symbols.parallelStream().forEach(s -> market.intradayBars(s, SESSION, CLOSE));
        System.out.printf("universe: %,d symbols x 390 one-minute bars generated in %.0f ms (not timed below)%n",
                symbols.size(), (System.nanoTime() - start) / 1e6);
        long heapWithBars = usedHeapAfterGc();

        MarketScanner scanner = new MarketScanner(market, SETTINGS);
        PatternStage patterns = new PatternStage(market);
        double cold = median(2, 5, () -> scanCold(market, scanner, patterns, symbols));
        IndicatorSet[] kept = new IndicatorSet[symbols.size()];
        double live = median(2, 5, () -> scanLive(market, scanner, patterns, symbols, kept));
        ScanResponse scan = scanner.scan(new ScanRequest(null, SESSION, CLOSE, TOP));
        double scanOnly = median(2, 5, () -> scanner.scan(new ScanRequest(null, SESSION, CLOSE, TOP)));
        double patternsOnly = median(2, 5, () -> patternStep(patterns, scan));
        long heapWithSets = usedHeapAfterGc();
        sink += kept[0].barCount();

        System.out.printf("filters: %d passed of %,d, rejected by %s%n", scan.passedFilters(), scan.scanned(), scan.rejectedBy());
        System.out.printf("%n(a) cold scan: filters + scores of 8,000, all indicators over 390 bars of 8,000, patterns of the top %d%n", TOP);
        report(cold);
        System.out.printf("(b) live scan: filters + scores of 8,000, kept indicators take 1 new bar each, patterns of the top %d%n", TOP);
        report(live);
        System.out.printf("    of which the scanner's filters and scores alone: %.1f ms; the pattern step (top %d): %.1f ms%n",
                scanOnly * 1e3, TOP, patternsOnly * 1e3);
        System.out.printf("%n(c) heap held per symbol: 390 bars %,d bytes, indicator set %,d bytes (%,d MB in all for 8,000)%n",
                (heapWithBars - heapBefore) / SYMBOLS, (heapWithSets - heapWithBars) / SYMBOLS, (heapWithSets - heapBefore) >> 20);
    }

    private static void report(double seconds) {
        System.out.printf("    %7.1f ms = %.3f x the %.0f s cadence (aim < 0.1), %.2f x the %.1f s aim: %s%n", seconds * 1e3,
                seconds / CADENCE_SECONDS, CADENCE_SECONDS, seconds / AIM_SECONDS, AIM_SECONDS,
                seconds < AIM_SECONDS ? "aim met" : "aim NOT met");
    }

    private static double scanCold(SimulatedMarket market, MarketScanner scanner, PatternStage patterns, List<String> symbols) {
        ScanResponse scan = scanner.scan(new ScanRequest(null, SESSION, CLOSE, TOP));
        sink += symbols.parallelStream().mapToDouble(s -> {
            IndicatorSet set = new IndicatorSet(TechnicalStage.SETTINGS);
            market.intradayBars(s, SESSION, CLOSE).forEach(set::update);
            return set.snapshot().close();
        }).sum();
        return patternStep(patterns, scan);
    }

    /** Untimed: the sets are brought to the previous minute; timed: the scan, one bar each and the pattern step. */
    private static double scanLive(SimulatedMarket market, MarketScanner scanner, PatternStage patterns, List<String> symbols,
                                   IndicatorSet[] kept) {
        List<List<Bar>> sessions = symbols.stream().map(s -> market.intradayBars(s, SESSION, CLOSE)).toList();
        java.util.stream.IntStream.range(0, symbols.size()).parallel().forEach(i -> {
            kept[i] = new IndicatorSet(TechnicalStage.SETTINGS);
            sessions.get(i).subList(0, 389).forEach(kept[i]::update);
        });
        long start = System.nanoTime();
        ScanResponse scan = scanner.scan(new ScanRequest(null, SESSION, CLOSE, TOP));
        sink += java.util.stream.IntStream.range(0, symbols.size()).parallel().mapToDouble(i -> {
            kept[i].update(sessions.get(i).get(389));
            return kept[i].snapshot().close();
        }).sum();
        patternStep(patterns, scan);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double patternStep(PatternStage patterns, ScanResponse scan) {
        List<String> top = scan.candidates().stream().map(ScanCandidate::symbol).toList();
        PatternResponse found = patterns.analyze(new PatternRequest(null, SESSION, CLOSE, top, 0.0));
        sink += found.findings().size();
        return 0;
    }

    /** Median seconds of {@code timed} runs after {@code warmUp} untimed ones; a task may return its own timing (else 0). */
    private static double median(int warmUp, int timed, Supplier<Object> task) {
        double[] seconds = new double[timed];
        for (int i = -warmUp; i < timed; i++) {
            long start = System.nanoTime();
            Object own = task.get();
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (i >= 0) {
                seconds[i] = own instanceof Double d && d > 0 ? d : elapsed;
            }
        }
        Arrays.sort(seconds);
        return seconds[timed / 2];
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private ScanBenchmark() {
    }
}
