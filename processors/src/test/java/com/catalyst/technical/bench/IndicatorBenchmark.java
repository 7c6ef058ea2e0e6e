package com.catalyst.technical.bench;

import com.catalyst.market.Bar;
import com.catalyst.technical.IndicatorSet;
import com.catalyst.technical.IndicatorSnapshot;
import com.catalyst.technical.reference.DataSetSeries;
import com.catalyst.technical.reference.NamedSeries;
import com.catalyst.technical.reference.Ta4jSeries;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.Num;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Indicator benchmark, run by bench/indicators/run.sh; docs/indicators.md records its output.
 * <ol>
 * <li>ours against ta4j 0.17 (DoubleNum) computing the same indicators on every bar of the same series;</li>
 * <li>a US-market day: 8,000 symbols x 390 one-minute bars through 8,000 IndicatorSets;</li>
 * <li>heap held per IndicatorSet, from the heap delta after GC over 8,000 of them.</li>
 * </ol>
 * Each timing is the median of several runs after untimed warm-up runs, so the JIT has compiled both sides.
 */
public final class IndicatorBenchmark {

    private static final int SYMBOLS = 8_000;
    private static final int MINUTES = 390;
    private static final double AIM_SECONDS = 0.5;
    private static final double CADENCE_SECONDS = 5.0;

    private static volatile double sink;

    public static void main(String[] args) {
        System.out.printf("java %s, %d cores, max heap %d MB, load average at start %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        compareWithTa4j();
        marketDay();
        memoryPerSymbol();
    }

    private static void compareWithTa4j() {
        List<NamedSeries> series = new ArrayList<>(DataSetSeries.stocknet());
        series.addAll(DataSetSeries.pyalgotradeMinutes());
        List<BarSeries> ta4jSeries = series.stream().map(s -> Ta4jSeries.of(s.name(), s.bars())).toList();
        long bars = series.stream().mapToLong(s -> s.bars().size()).sum();
        // alternate the two so that load from other processes on the machine falls on both alike
        double[] ours = new double[7];
        double[] ta4j = new double[7];
        for (int i = -2; i < ours.length; i++) {
            double oursSeconds = medianSeconds(0, 1, () -> runOurs(series));
            double ta4jSeconds = medianSeconds(0, 1, () -> runTa4j(ta4jSeries));
            if (i >= 0) {
                ours[i] = oursSeconds;
                ta4j[i] = ta4jSeconds;
            }
        }
        double oursMedian = median(ours);
        double ta4jMedian = median(ta4j);
        System.out.printf("%n(a) same 21 values per bar (SMA/EMA 9/20/50/200, RSI14, MACD 12/26/9 x3, ATR14, BB20x2 x3,"
                + " Stoch 14/3 x2) on %d series, %,d bars%n", series.size(), bars);
        System.out.printf("    ours (update + snapshot): %8.1f ms  %6.0f ns/bar%n", oursMedian * 1e3, oursMedian * 1e9 / bars);
        System.out.printf("    ta4j 0.17 DoubleNum     : %8.1f ms  %6.0f ns/bar%n", ta4jMedian * 1e3, ta4jMedian * 1e9 / bars);
        System.out.printf("    ours are %.1fx faster (aim: 20x); per-run ratios %s%n", ta4jMedian / oursMedian, ratios(ta4j, ours));
    }

    private static void runOurs(List<NamedSeries> series) {
        double total = 0;
        for (NamedSeries named : series) {
            IndicatorSet set = new IndicatorSet();
            for (Bar bar : named.bars()) {
                set.update(bar);
                IndicatorSnapshot s = set.snapshot();
                total += s.rsi() + s.stochasticD() + s.ema(200);
            }
        }
        sink = total;
    }

    private static void runTa4j(List<BarSeries> seriesList) {
        double total = 0;
        for (BarSeries series : seriesList) {
            List<Indicator<Num>> indicators = ta4jIndicators(series);
            for (int i = 0; i <= series.getEndIndex(); i++) {
                for (Indicator<Num> indicator : indicators) {
                    total += indicator.getValue(i).doubleValue();
                }
            }
        }
        sink = total;
    }

    private static List<Indicator<Num>> ta4jIndicators(BarSeries series) {
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        List<Indicator<Num>> list = new ArrayList<>();
        for (int period : new int[] {9, 20, 50, 200}) {
            list.add(new SMAIndicator(close, period));
            list.add(new EMAIndicator(close, period));
        }
        list.add(new RSIIndicator(close, 14));
        MACDIndicator macd = new MACDIndicator(close, 12, 26);
        list.add(macd);
        list.add(macd.getSignalLine(9));
        list.add(macd.getHistogram(9));
        list.add(new ATRIndicator(series, 14));
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(close, 20));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, 20);
        list.add(middle);
        list.add(new BollingerBandsUpperIndicator(middle, deviation, series.numOf(2)));
        list.add(new BollingerBandsLowerIndicator(middle, deviation, series.numOf(2)));
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(series, 14);
        list.add(k);
        list.add(new StochasticOscillatorDIndicator(k));
        return list;
    }

    private static void marketDay() {
        Bar[][] day = syntheticDay();
        long bars = (long) SYMBOLS * MINUTES;
        double updates = medianOf(2, 5, () -> runDay(day, false));
        double withSnapshots = medianOf(1, 3, () -> runDay(day, true));
        System.out.printf("%n(b) market day: %,d symbols x %d one-minute bars = %,d bars, one thread%n", SYMBOLS, MINUTES, bars);
        System.out.printf("    update only      : %7.1f ms  %5.0f ns/bar  %,.0f bars/s  = %.2f x the %.1f s aim,"
                        + " %.3f x the %.0f s cadence%n", updates * 1e3, updates * 1e9 / bars, bars / updates,
                updates / AIM_SECONDS, AIM_SECONDS, updates / CADENCE_SECONDS, CADENCE_SECONDS);
        System.out.printf("    update + snapshot: %7.1f ms  %5.0f ns/bar  = %.2f x the aim, %.3f x the cadence%n",
                withSnapshots * 1e3, withSnapshots * 1e9 / bars, withSnapshots / AIM_SECONDS, withSnapshots / CADENCE_SECONDS);
        System.out.printf("    one scan (8,000 symbols, one new bar each, update + snapshot): %.2f ms = %.4f x the cadence%n",
                withSnapshots * 1e3 / MINUTES, withSnapshots / MINUTES / CADENCE_SECONDS);
    }

    /** Random-walk minute bars for every symbol: day[minute][symbol]. */
    private static Bar[][] syntheticDay() {
        Random random = new Random(42);
        Instant open = Instant.parse("2024-03-15T13:30:00Z");
        double[] price = new double[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            price[s] = 5 + random.nextDouble() * 500;
        }
        Bar[][] day = new Bar[MINUTES][SYMBOLS];
        for (int m = 0; m < MINUTES; m++) {
            Instant end = open.plusSeconds(60L * (m + 1));
            for (int s = 0; s < SYMBOLS; s++) {
                double first = price[s];
                double last = first * (1 + random.nextGaussian() * 0.001);
                double high = Math.max(first, last) * (1 + random.nextDouble() * 0.0005);
                double low = Math.min(first, last) * (1 - random.nextDouble() * 0.0005);
                day[m][s] = new Bar(end, first, high, low, last, 100 + random.nextInt(50_000));
                price[s] = last;
            }
        }
        return day;
    }

    /** Feeds the day to fresh sets; returns the seconds spent on updates (and snapshots), not on construction. */
    private static double runDay(Bar[][] day, boolean snapshots) {
        IndicatorSet[] sets = newSets();
        long start = System.nanoTime();
        double total = 0;
        for (Bar[] minute : day) {
            for (int s = 0; s < SYMBOLS; s++) {
                sets[s].update(minute[s]);
                if (snapshots) {
                    total += sets[s].snapshot().score();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sink = total;
        return seconds;
    }

    private static IndicatorSet[] newSets() {
        IndicatorSet[] sets = new IndicatorSet[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            sets[s] = new IndicatorSet();
        }
        return sets;
    }

    private static void memoryPerSymbol() {
        Bar[] oneDay = syntheticDay()[0];
        long before = usedHeapAfterGc();
        IndicatorSet[] sets = newSets();
        for (int s = 0; s < SYMBOLS; s++) {
            sets[s].update(oneDay[s]);
        }
        long after = usedHeapAfterGc();
        System.out.printf("%n(c) heap held by %,d IndicatorSets (default settings, after a bar each): %,d bytes,"
                + " %,d bytes per symbol%n", SYMBOLS, after - before, (after - before) / SYMBOLS);
        // keeps the sets reachable until after the measurement
        sink = sets.length + oneDay.length;
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String ratios(double[] slower, double[] faster) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < slower.length; i++) {
            text.append(i == 0 ? "" : " ").append(String.format("%.1f", slower[i] / faster[i]));
        }
        return text.toString();
    }

    /** Runs the task untimed {@code warmUps} times, then times it {@code runs} times and returns the median. */
    private static double medianSeconds(int warmUps, int runs, Runnable task) {
        return medianOf(warmUps, runs, () -> {
            long start = System.nanoTime();
            task.run();
            return (System.nanoTime() - start) / 1e9;
        });
    }

    /** Like {@link #medianSeconds} for a task that measures its own timed part and returns it in seconds. */
    private static double medianOf(int warmUps, int runs, DoubleSupplier timedTask) {
        for (int i = 0; i < warmUps; i++) {
            timedTask.getAsDouble();
        }
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            seconds[i] = timedTask.getAsDouble();
        }
        Arrays.sort(seconds);
        return seconds[runs / 2];
    }
}
