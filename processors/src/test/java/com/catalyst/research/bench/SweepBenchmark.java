package com.catalyst.research.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.catalyst.backtest.BacktestConfig;
import com.catalyst.backtest.BacktestData;
import com.catalyst.backtest.BacktestEngine;
import com.catalyst.backtest.BacktestListener;
import com.catalyst.backtest.BacktestRoutesHarness;
import com.catalyst.backtest.Configs;
import com.catalyst.research.SweepPlan;
import com.catalyst.research.SweepRunner;
import com.catalyst.research.TrialExecutor;
import com.catalyst.research.TrialOutcome;
import com.catalyst.research.TrialSpec;
import com.catalyst.research.WalkForward;

/**
 * Trials per second of one parameter sweep in process, on 1 thread, 2 threads and every core, each as a ratio to one
 * thread in the same run and to linear scaling (bench/sweep/run.sh; docs/benchmarks.md). The sweep is an ema-cross grid
 * with walk-forward folds over the real SPY minutes of data/pyalgotrade, each trial a backtest whose cycles go through
 * the bundles' backtest routes as the application's sweeps do ({@link BacktestRoutesHarness}, one Camel context shared
 * by the pool's threads), run by {@link SweepRunner} as {@code SweepDesk} runs it. Every run's outcomes are compared
 * trial for trial with the first one-thread run ({@link TrialOutcome#sameAs}): a parallel run that differs is a bug, and
 * the benchmark then exits 1. Two untimed rounds on every core first, so the JIT has compiled the pipeline; then each
 * repetition runs the thread counts, in reverse order on odd repetitions so that a drifting load does not always favour
 * the same count; the median per count is reported, with the process's CPU time a trial (all threads, the JIT's and the GC's
 * included), which shows whether a shortfall is the threads getting in each other's way or other processes taking the
 * cores. The aim (issue 15) is reported, never asserted: within 20 % of
 * linear, that is a speed-up of at least 0.8 × threads.
 */
public final class SweepBenchmark {

    /** The grid: ema_fast × ema_slow, 12 trials. */
    static final Map<String, Object> GRID = Map.of("ema_fast", List.of(5, 9, 13), "ema_slow", List.of(21, 30, 40, 50));
    static final Map<String, Object> WALK_FORWARD = Map.of("in_sample_days", 10, "out_of_sample_days", 5, "step_days", 5);
    static final double AIM_OF_LINEAR = 0.8;
    /** One round left the JIT still compiling (a trial's CPU time fell by two thirds between the first timed runs). */
    static final int WARM_UP_ROUNDS = 2;

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int cores = Runtime.getRuntime().availableProcessors();
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "Sweep benchmark (in process): %d cores, max heap %d MB, %d repetitions (median), load average %.1f%n",
                cores, Runtime.getRuntime().maxMemory() >> 20, reps, os.getSystemLoadAverage());
        BacktestData data = BacktestData.fromDirectory(Path.of("data/pyalgotrade"), List.of("SPY"), null, null);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("grid", GRID);
        request.put("objective", "sharpe");
        request.put("walk_forward", WALK_FORWARD);
        SweepPlan plan = SweepPlan.parse(request, Configs.defaults(BacktestConfig.EMA_CROSS), SweepPlan.DEFAULT_MAX_TRIALS);
        List<TrialSpec> specs = plan.specs(1);
        List<WalkForward.Fold> folds = plan.walkForward().folds(data.sessions().size());
        System.out.printf(Locale.ROOT, "sweep: ema-cross grid %s, walk-forward %s: %d trials (%d skipped), %d folds; "
                        + "data: real SPY minutes, %,d bars, %d sessions; each trial one backtest through the routes%n",
                new java.util.TreeMap<>(GRID), WALK_FORWARD, specs.size(), plan.skipped(), folds.size(), data.barsInRange(), data.sessions().size());

        int[] counts = cores > 2 ? new int[] {1, 2, cores} : new int[] {1, 2};
        String[] labels = new String[counts.length];
        for (int k = 0; k < counts.length; k++) {
            labels[k] = counts[k] == cores ? counts[k] + " thread" + (counts[k] > 1 ? "s" : "") + " (all cores)" : counts[k] + " thread" + (counts[k] > 1 ? "s" : "");
        }
        try (BacktestRoutesHarness routes = new BacktestRoutesHarness()) {
            TrialExecutor executor = spec -> new BacktestEngine(data, spec.config()).run(BacktestListener.NONE, routes.runner());
            for (int w = 1; w <= WARM_UP_ROUNDS; w++) {
                long warm = System.nanoTime();
                new SweepRunner(cores).run(specs, executor, data.sessions(), folds, () -> false, (o, done, total) -> { });
                System.out.printf(Locale.ROOT, "warm-up round %d (untimed, %d threads): %.1f s%n", w, cores, (System.nanoTime() - warm) / 1e9);
            }

            List<TrialOutcome> reference = null;
            List<String> differences = new ArrayList<>();
            double[][] rates = new double[counts.length][reps];
            double[][] cpuPerTrial = new double[counts.length][reps];
            for (int r = 0; r < reps; r++) {
                for (int i = 0; i < counts.length; i++) {
                    int k = r % 2 == 0 ? i : counts.length - 1 - i;
                    long cpu0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    List<TrialOutcome> outcomes = new SweepRunner(counts[k]).run(specs, executor, data.sessions(), folds, () -> false, (o, d, t) -> { });
                    long wall = System.nanoTime() - t0;
                    long cpu = processCpuNanos() - cpu0;
                    rates[k][r] = specs.size() * 1e9 / wall;
                    cpuPerTrial[k][r] = cpu < 0 ? Double.NaN : cpu / 1e6 / specs.size();
                    if (reference == null) {
                        reference = outcomes;
                    }
                    int same = 0;
                    for (int t = 0; t < specs.size(); t++) {
                        if (outcomes.get(t) != null && outcomes.get(t).sameAs(reference.get(t))) {
                            same++;
                        } else {
                            differences.add(labels[k] + ", repetition " + (r + 1) + ": trial " + specs.get(t).trialNo());
                        }
                    }
                    System.out.printf(Locale.ROOT, "  repetition %d, %-22s: %6.2f trials/s, CPU %,.0f ms a trial, %d of %d trials identical to the first run%n",
                            r + 1, labels[k], rates[k][r], cpuPerTrial[k][r], same, specs.size());
                }
            }

            double base = median(rates[0]);
            System.out.printf(Locale.ROOT, "%nmedians (load average now %.1f):%n", os.getSystemLoadAverage());
            boolean met = true;
            for (int k = 0; k < counts.length; k++) {
                double rate = median(rates[k]);
                double speedUp = rate / base;
                double ofLinear = speedUp / counts[k];
                System.out.printf(Locale.ROOT, "  %-22s: %6.2f trials/s, CPU %,.0f ms a trial, ratio to 1 thread %.2f, of linear %.2f%n",
                        labels[k], rate, median(cpuPerTrial[k]), speedUp, ofLinear);
                if (counts[k] > 1) {
                    met &= ofLinear >= AIM_OF_LINEAR;
                }
            }
            if (cores < 2) {
                System.out.println("  (one core: 2 threads share it, scaling is not measurable here)");
            } else if (cores == 2) {
                System.out.println("  (2 threads is every core of this machine)");
            }
            double worst = Double.POSITIVE_INFINITY;
            for (int k = 1; k < counts.length; k++) {
                worst = Math.min(worst, median(rates[k]) / base / counts[k]);
            }
            System.out.printf(Locale.ROOT, "aim (issue 15): scaling within 20 %% of linear (>= %.2f of linear): %s (worst %.2f)%n",
                    AIM_OF_LINEAR, met ? "met" : "NOT met", worst);
            if (differences.isEmpty()) {
                System.out.printf(Locale.ROOT, "outcomes: every run gave the same %d trials, figure for figure (TrialOutcome.sameAs)%n", specs.size());
            } else {
                System.out.println("outcomes DIFFER from the first one-thread run: " + String.join("; ", differences));
                System.exit(1);
            }
        }
    }

    /** The JVM's CPU time so far (every thread), or -1 where the platform does not say. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
