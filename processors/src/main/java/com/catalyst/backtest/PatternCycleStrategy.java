package com.catalyst.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.catalyst.market.Bar;
import com.catalyst.pattern.PatternStage;
import com.catalyst.scanner.MarketScanner;
import com.catalyst.technical.TechnicalStage;
import com.catalyst.workflow.CycleFunnel;
import com.catalyst.workflow.CycleState;
import com.catalyst.workflow.TradingMode;

/**
 * The default strategy: the live cycle's decisions every {@code cycleMinutes} session minutes, through the processors
 * the bundles' routes call (scanner, pattern stage, technical stage) and the workflow's funnel between them. News is
 * not replayed: the funnel goes on as it does live when the news step times out ({@link CycleFunnel#newsMissing}).
 */
final class PatternCycleStrategy implements BacktestStrategy {

    private final MarketScanner scanner;
    private final PatternStage patterns;
    private final TechnicalStage technicals;
    private final CycleFunnel funnel;
    private final TradingMode mode;
    private final int cycleMinutes;

    PatternCycleStrategy(MarketScanner scanner, PatternStage patterns, TechnicalStage technicals, CycleFunnel funnel, TradingMode mode,
                         int cycleMinutes) {
        this.scanner = scanner;
        this.patterns = patterns;
        this.technicals = technicals;
        this.funnel = funnel;
        this.mode = mode;
        this.cycleMinutes = cycleMinutes;
    }

    @Override
    public void onSession(LocalDate session) {
        // the stages keep their own per-session state, keyed by the session date
    }

    @Override
    public void onBar(String symbol, Bar bar) {
        // the stages read the bars up to the clock from the market port, as live
    }

    @Override
    public boolean cycleDue(long minuteOfSession) {
        return minuteOfSession % cycleMinutes == 0;
    }

    @Override
    public List<String> exits(Set<String> held, Instant now) {
        return List.of(); // stop, target and the close are the exit planner's, as live
    }

    @Override
    public void scan(BacktestCycle cycle) {
        CycleState state = new CycleState(cycle.cycleId(), mode, cycle.session(), cycle.now(), cycle.run.clock.minutesToClose(), cycle.now());
        cycle.state = state;
        funnel.afterScan(state, scanner.scan(funnel.scanRequest(state)));
    }

    @Override
    public void news(BacktestCycle cycle) {
        funnel.newsMissing(cycle.state);
    }

    @Override
    public void patterns(BacktestCycle cycle) {
        CycleState state = cycle.state;
        if (!state.afterNews.isEmpty()) {
            funnel.afterPattern(state, patterns.analyze(funnel.patternRequest(state)));
        }
    }

    @Override
    public void technicals(BacktestCycle cycle) {
        CycleState state = cycle.state;
        if (!state.afterPattern.isEmpty()) {
            funnel.afterTechnical(state, technicals.analyze(funnel.technicalRequest(state)));
        }
        // the workflow's pick between technical and risk, as the live cycle's risk step starts
        cycle.request = state.picks.isEmpty() ? null : funnel.riskRequest(state);
    }
}
