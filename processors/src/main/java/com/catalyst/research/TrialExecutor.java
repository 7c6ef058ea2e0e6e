package com.catalyst.research;

import com.catalyst.backtest.BacktestResult;

/**
 * Runs one trial's backtest and answers its result: the seam between a sweep and where its trials run. In process
 * ({@link SweepRunner} on a pool of threads, the application's executor sending each cycle through the bundles'
 * backtest routes); a distributed engine can take its place without the sweep changing. Must be safe to call from
 * several threads at once, and deterministic: the same spec gives the same result wherever it runs.
 */
@FunctionalInterface
public interface TrialExecutor {

    BacktestResult run(TrialSpec spec);
}
