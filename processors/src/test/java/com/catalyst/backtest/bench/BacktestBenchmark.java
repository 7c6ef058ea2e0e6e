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
import com.catalyst.backtest.BacktestRoutesHarness;
import com.catalyst.backtest.Configs;
import com.catalyst.backtest.GeneratedYear;
import com.catalyst.backtest.Ta4jEmaCross;
import org.ta4j.core.BarSeries;

/**
 * Bars per second through the backtest pipeline, against ta4j 0.17's backtest of the cross-check strategy on the same
 * bars in the same JVM (bench/backtest/run.sh; docs/backtesting.md). Two data sets: the real SPY minutes in data/
 * (43 sessions) and a generated year of 10 symbols (10 × 252 × 390 = 982,800 bars). Two Catalyst strategies: the
 * default (the live cycle's scanner → pattern → technical → risk → paper fills every 5 minutes) and ema-cross (every
 * bar). Each runs as the application runs it, a cycle an exchange through the bundles' backtest routes (the route files
 * of routes/, in a Camel context of their own: {@link BacktestRoutesHarness}), and again with the same steps called
 * directly, so the routes' own cost shows as a ratio. Loading the bars is not timed for either side; ta4j's series are
 * built before its clock starts too. One untimed round runs first on each data set, so that the JIT has compiled every
 * side before anything is timed.
 */
public final class BacktestBenchmark {

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        System.out.printf(Locale.ROOT, "Backtest benchmark: %d cores, max heap %d MB, %d repetitions (median)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, reps);
        try (BacktestRoutesHarness routes = new BacktestRoutesHarness()) {
            System.out.println("routes: " + String.join(", ", routes.files()));
            BacktestData real = BacktestData.fromDirectory(Path.of("data/pyalgotrade"), List.of("SPY"), null, null);
            measure("real SPY minutes (data/pyalgotrade)", real, reps, routes.runner());

            var year = GeneratedYear.bars(10, 252, LocalDate.of(2025, 1, 2), 20260105L);
            BacktestData generated = BacktestData.of("generated year", year, List.copyOf(year.keySet()), null, null);
            measure("generated year, 10 symbols", generated, Math.max(1, reps - 1), routes.runner());
        }
    }

    private static void measure(String name, BacktestData data, int reps, BacktestEngine.CycleRunner routes) {
        System.out.printf(Locale.ROOT, "%n%s: %,d bars, %d sessions, %d symbols%n", name, data.barsInRange(), data.sessions().size(),
                data.symbols().size());
        BacktestConfig ema = Configs.crossCheck();
        BacktestConfig pattern = Configs.defaults(BacktestConfig.PATTERN);
        List<BarSeries> series = new ArrayList<>();
        for (String symbol : data.symbols()) {
            for (LocalDate session : data.sessions()) {
                series.add(Ta4jEmaCross.series(data.market().session(symbol, session)));
            }
        }
        Ta4jEmaCross ta4j = new Ta4jEmaCross(ema.emaFast(), ema.emaSlow(), ema.atrPeriod(), ema.atrMultiple(), ema.risk().rewardToRisk());
        String[] names = {"default pipeline (pattern), routes", "default pipeline (pattern), direct", "ema-cross, routes",
                "ema-cross, direct"};
        BacktestConfig[] configs = {pattern, pattern, ema, ema};
        BacktestEngine.CycleRunner[] runners = {routes, BacktestEngine.IN_PROCESS, routes, BacktestEngine.IN_PROCESS};
        double[] ta4jRate = new double[reps];
        double[][] rate = new double[names.length][reps];
        int[] trades = new int[names.length];
        int ta4jTrades = 0;
        // one untimed round first: the JIT compiles the pipeline before anything is timed
        for (int r = -1; r < reps; r++) {
            long t0 = System.nanoTime();
            int n = 0;
            for (BarSeries s : series) {
                n += ta4j.run(s).size();
            }
            if (r >= 0) {
                ta4jRate[r] = data.barsInRange() * 1e9 / (System.nanoTime() - t0);
            }
            ta4jTrades = n;
            for (int k = 0; k < names.length; k++) {
                BacktestResult result = new BacktestEngine(data, configs[k]).run(BacktestListener.NONE, runners[k]);
                if (r >= 0) {
                    rate[k][r] = result.barsPerSecond();
                }
                trades[k] = result.trades().size();
            }
        }
        double t = median(ta4jRate);
        System.out.printf(Locale.ROOT, "  %-44s: %,10.0f bars/s  (%d trades)%n", "ta4j 0.17 ema-cross backtest", t, ta4jTrades);
        double[] m = new double[names.length];
        for (int k = 0; k < names.length; k++) {
            m[k] = median(rate[k]);
            System.out.printf(Locale.ROOT, "  %-44s: %,10.0f bars/s  (%d trades)  ratio to ta4j %.2f%n", "Catalyst " + names[k], m[k], trades[k],
                    m[k] / t);
        }
        System.out.printf(Locale.ROOT, "  routes / direct call: default %.2f, ema-cross %.2f%n", m[0] / m[1], m[2] / m[3]);
        System.out.printf(Locale.ROOT, "  one million bars through the routes: default %.1f s, ema-cross %.1f s (aim: under 20 s, 50,000 bars/s)%n",
                1e6 / m[0], 1e6 / m[2]);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
