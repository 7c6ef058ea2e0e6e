package com.catalyst.backtest.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.catalyst.backtest.BacktestConfig;
import com.catalyst.backtest.BacktestData;
import com.catalyst.backtest.BacktestEngine;
import com.catalyst.backtest.BacktestListener;
import com.catalyst.backtest.BacktestResult;
import com.catalyst.backtest.Configs;
import com.catalyst.backtest.GeneratedYear;
import com.catalyst.backtest.Ta4jEmaCross;
import org.ta4j.core.BarSeries;

/**
 * Bars per second through the backtest pipeline, against ta4j 0.17's backtest of the cross-check strategy on the same
 * bars in the same JVM (bench/backtest/run.sh; docs/backtesting.md). Two data sets: the real SPY minutes in data/
 * (43 sessions) and a generated year of 10 symbols (10 × 252 × 390 = 982,800 bars). Two Catalyst strategies: the
 * default (the live cycle's scanner → pattern → technical → risk → paper fills every 5 minutes) and ema-cross (every
 * bar). Loading the bars is not timed for either side; ta4j's series are built before its clock starts too. One untimed
 * round runs first on each data set, so that the JIT has compiled both sides before anything is timed.
 */
public final class BacktestBenchmark {

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf(Locale.ROOT, "Backtest benchmark: %d cores, max heap %d MB, %d repetitions (median)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, reps);

        BacktestData real = BacktestData.fromDirectory(Path.of("data/pyalgotrade"), List.of("SPY"), null, null);
        measure("real SPY minutes (data/pyalgotrade)", real, reps);

        var year = GeneratedYear.bars(10, 252, LocalDate.of(2025, 1, 2), 20260105L);
        BacktestData generated = BacktestData.of("generated year", year, List.copyOf(year.keySet()), null, null);
        measure("generated year, 10 symbols", generated, Math.max(1, reps - 1));
    }

    private static void measure(String name, BacktestData data, int reps) {
        System.out.printf(Locale.ROOT, "%n%s: %,d bars, %d sessions, %d symbols%n", name, data.barsInRange(), data.sessions().size(),
                data.symbols().size());
        BacktestConfig ema = Configs.crossCheck();
        List<BarSeries> series = new ArrayList<>();
        for (String symbol : data.symbols()) {
            for (LocalDate session : data.sessions()) {
                series.add(Ta4jEmaCross.series(data.market().session(symbol, session)));
            }
        }
        Ta4jEmaCross ta4j = new Ta4jEmaCross(ema.emaFast(), ema.emaSlow(), ema.atrPeriod(), ema.atrMultiple(), ema.risk().rewardToRisk());
        double[] ta4jRate = new double[reps];
        double[] patternRate = new double[reps];
        double[] emaRate = new double[reps];
        int[] trades = new int[3];
        // one untimed round first: the JIT compiles the pipeline before anything is timed
        for (int r = -1; r < reps; r++) {
            if (r < 0) {
                for (BarSeries s : series) {
                    ta4j.run(s);
                }
                new BacktestEngine(data, Configs.defaults(BacktestConfig.PATTERN)).run(BacktestListener.NONE);
                new BacktestEngine(data, ema).run(BacktestListener.NONE);
                continue;
            }
            long t0 = System.nanoTime();
            int n = 0;
            for (BarSeries s : series) {
                n += ta4j.run(s).size();
            }
            ta4jRate[r] = data.barsInRange() * 1e9 / (System.nanoTime() - t0);
            trades[0] = n;
            BacktestResult pattern = new BacktestEngine(data, Configs.defaults(BacktestConfig.PATTERN)).run(BacktestListener.NONE);
            patternRate[r] = pattern.barsPerSecond();
            trades[1] = pattern.trades().size();
            BacktestResult cross = new BacktestEngine(data, ema).run(BacktestListener.NONE);
            emaRate[r] = cross.barsPerSecond();
            trades[2] = cross.trades().size();
        }
        double t = median(ta4jRate);
        double p = median(patternRate);
        double e = median(emaRate);
        System.out.printf(Locale.ROOT, "  ta4j 0.17 ema-cross backtest      : %,10.0f bars/s  (%d trades)%n", t, trades[0]);
        System.out.printf(Locale.ROOT, "  Catalyst ema-cross (risk, fills)   : %,10.0f bars/s  (%d trades)  ratio to ta4j %.2f%n", e, trades[2], e / t);
        System.out.printf(Locale.ROOT, "  Catalyst default pipeline (pattern): %,10.0f bars/s  (%d trades)  ratio to ta4j %.2f%n", p, trades[1], p / t);
        System.out.printf(Locale.ROOT, "  one million bars: default %.1f s, ema-cross %.1f s (aim: under 20 s, 50,000 bars/s)%n",
                1e6 / p, 1e6 / e);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
