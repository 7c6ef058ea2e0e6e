package com.catalyst.backtest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.catalyst.risk.RiskDecision;
import com.catalyst.trading.OrderIntent;
import com.catalyst.trading.PositionForExit;

/**
 * The steps of a backtest cycle, one a bundle, as the bundles' backtest routes call them (routes/*-backtest.camel.yaml)
 * in the order of the one cycle definition (routes/workflow-cycle.camel.yaml); {@link BacktestEngine#IN_PROCESS} walks
 * {@link #CYCLE} without Camel. Each reads and writes only the {@link BacktestCycle} it is given and the run behind it,
 * so one instance serves every run. The order is the live cycle's: manage open positions (trading) → scan (scanner) →
 * news (none in a backtest) → patterns (pattern) → technicals (technical) → risk → orders and fills (trading).
 */
public class BacktestStages {

    /**
     * The cycle's steps in order, by the names of the step endpoints ({@code <prefix>-<step>}) of the route template in
     * routes/workflow-cycle.camel.yaml; BacktestRoutesTest checks that the template walks exactly these.
     */
    public static final java.util.List<String> CYCLE = java.util.List.of("manage", "scan", "news", "pattern", "technical", "risk", "trade");

    /** Runs the step of {@link #CYCLE} named {@code step}. */
    public void step(String step, BacktestCycle cycle) {
        switch (step) {
            case "manage" -> manage(cycle);
            case "scan" -> scan(cycle);
            case "news" -> news(cycle);
            case "pattern" -> patterns(cycle);
            case "technical" -> technicals(cycle);
            case "risk" -> risk(cycle);
            case "trade" -> enter(cycle);
            default -> throw new IllegalArgumentException("no cycle step " + step + "; the steps are " + CYCLE);
        }
    }

    /**
     * The trading bundle's manage step, as live: the order sync first (fills of entries, bracket legs and exits since the
     * last cycle; the end-of-day cancel of resting entries; trailing stops), then marks and the exit planner over the open
     * positions (a position whose bracket legs still work is the broker's to close, but at the end of the day), then the
     * strategy's own exits.
     */
    public void manage(BacktestCycle cycle) {
        BacktestEngine.Run run = cycle.run;
        run.orders.sync(run.clock.minutesToClose(), run.flattenMinutesBeforeClose);
        if (run.book.openCount() == 0) {
            return;
        }
        List<PositionForExit> positions = run.orders.open();
        run.book.mark(run.exitPlanner.marks(positions));
        Set<String> exiting = new HashSet<>(); // closed by the planner: the strategy's own exits skip them
        for (OrderIntent exit : run.exitPlanner.exits(cycle.cycleId(), positions)) {
            exiting.add(exit.symbol());
            run.orders.send(exit);
        }
        List<String> signalled = run.strategy.exits(run.book.openSymbols(), cycle.now());
        if (!signalled.isEmpty()) {
            List<PositionForExit> closing = run.orders.open().stream()
                    .filter(p -> signalled.contains(p.symbol()) && !exiting.contains(p.symbol())).toList();
            for (OrderIntent exit : run.exitPlanner.closing(cycle.cycleId(), closing, "signal_exit")) {
                run.orders.send(exit);
            }
        }
    }

    /** The scanner bundle's step. */
    public void scan(BacktestCycle cycle) {
        cycle.run.strategy.scan(cycle);
    }

    /** The news bundle's step: the strategy's (no news is replayed; the pattern strategy goes on as live without news). */
    public void news(BacktestCycle cycle) {
        cycle.run.strategy.news(cycle);
    }

    /** The pattern bundle's step. */
    public void patterns(BacktestCycle cycle) {
        cycle.run.strategy.patterns(cycle);
    }

    /** The technical bundle's step: leaves the proposals for risk. */
    public void technicals(BacktestCycle cycle) {
        cycle.run.strategy.technicals(cycle);
    }

    /** The risk bundle's step: the live risk manager over the run's portfolio. */
    public void risk(BacktestCycle cycle) {
        if (cycle.request == null || cycle.request.proposals().isEmpty()) {
            return;
        }
        BacktestEngine.Run run = cycle.run;
        run.proposals += cycle.request.proposals().size();
        // the record's portfolio with the entries still working counted as if they fill, as RiskDesk counts them
        cycle.response = run.risk.evaluate(cycle.request, run.book.portfolio(cycle.session()).withWorking(run.orders.workingEntries(run.lastPrice)));
    }

    /** The trading bundle's enter step: each approved decision becomes the order intent the live trading desk makes. */
    public void enter(BacktestCycle cycle) {
        if (cycle.response == null) {
            return;
        }
        BacktestEngine.Run run = cycle.run;
        for (RiskDecision d : cycle.response.decisions()) {
            if (d.tradeable()) {
                run.approved++;
                // the intent the live trading desk makes of an approved decision (TradeDesk.entries)
                run.orders.send(OrderIntent.entry(cycle.cycleId(), d, run.exit));
            }
        }
        // a trailing exit mode: the entries that filled get their trailing stop now, not at the next sync (as live)
        run.orders.protect();
    }
}
