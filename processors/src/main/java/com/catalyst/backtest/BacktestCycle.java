package com.catalyst.backtest;

import java.time.Instant;
import java.time.LocalDate;

import com.catalyst.risk.RiskRequest;
import com.catalyst.risk.RiskResponse;
import com.catalyst.workflow.CycleState;

/**
 * One cycle of a backtest run, the message the backtest routes pass from bundle to bundle: the run it belongs to (its
 * market, clock, book, broker and stages, all in memory), the cycle's id and session time, and what each step has
 * decided so far (the funnel's state, the proposals, risk's answer). {@link BacktestStages} holds the steps.
 */
public final class BacktestCycle {

    final BacktestEngine.Run run;
    private final String cycleId;
    private final LocalDate session;
    private final Instant now;
    CycleState state;
    RiskRequest request;
    RiskResponse response;

    BacktestCycle(BacktestEngine.Run run, String cycleId, LocalDate session, Instant now) {
        this.run = run;
        this.cycleId = cycleId;
        this.session = session;
        this.now = now;
    }

    public String cycleId() {
        return cycleId;
    }

    public LocalDate session() {
        return session;
    }

    public Instant now() {
        return now;
    }

    /** The funnel's state (the default strategy), null before the scan or for a strategy without one. */
    public CycleState state() {
        return state;
    }

    /** The proposals the technical step left for risk, null when there are none. */
    public RiskRequest request() {
        return request;
    }

    /** Risk's answer, null until the risk step has run or when there was nothing to judge. */
    public RiskResponse response() {
        return response;
    }

    @Override
    public String toString() {
        return "backtest cycle " + cycleId + " at " + now;
    }
}
