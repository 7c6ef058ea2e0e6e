package com.catalyst.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.catalyst.market.Bar;
import com.catalyst.risk.RiskRequest;

/** Where a run's entry proposals and signal exits come from; risk, orders, fills and the stop/target/close exits are the engine's. */
interface BacktestStrategy {

    /** A new session starts: intraday state restarts, as the live stages' does. */
    void onSession(LocalDate session);

    /** Every bar of every symbol, in time order, as it arrives. */
    void onBar(String symbol, Bar bar);

    /** Whether a cycle runs at this minute of the session (1 = the bar ending 09:31). */
    boolean cycleDue(long minuteOfSession);

    /** Held symbols the strategy closes now (after the stop, target and close exits of the live exit planner). */
    List<String> exits(Set<String> held, Instant now);

    /** The cycle's entry proposals for the risk manager, best first; null or empty when there is none. */
    RiskRequest entries(String cycleId, LocalDate session, Instant now, long minutesToClose, BacktestBook book);
}
