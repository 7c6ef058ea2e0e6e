package com.catalyst.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.catalyst.market.Bar;

/**
 * Where a run's entry proposals and signal exits come from, step by step of the cycle ({@link BacktestStages} calls
 * them from the bundles' backtest routes); risk, orders, fills and the stop/target/close exits are the engine's.
 */
interface BacktestStrategy {

    /** A new session starts: intraday state restarts, as the live stages' does. */
    void onSession(LocalDate session);

    /** Every bar of every symbol, in time order, as it arrives. */
    void onBar(String symbol, Bar bar);

    /** Whether a cycle runs at this minute of the session (1 = the bar ending 09:31). */
    boolean cycleDue(long minuteOfSession);

    /** Held symbols the strategy closes now (after the stop, target and close exits of the live exit planner). */
    List<String> exits(Set<String> held, Instant now);

    /** The scanner bundle's step: this cycle's candidates. */
    void scan(BacktestCycle cycle);

    /** The news bundle's step: nothing by default (no news of the past is replayed). */
    default void news(BacktestCycle cycle) {
    }

    /** The pattern bundle's step. */
    void patterns(BacktestCycle cycle);

    /** The technical bundle's step; it leaves the cycle's proposals for risk in {@link BacktestCycle#request()} (null when none). */
    void technicals(BacktestCycle cycle);
}
