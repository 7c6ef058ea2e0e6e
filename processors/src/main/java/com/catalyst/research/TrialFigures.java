package com.catalyst.research;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.catalyst.backtest.BacktestResult;
import com.catalyst.backtest.BacktestTrade;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.reporting.PerformanceCalculator;
import com.catalyst.reporting.PerformanceReport;

/**
 * A trial's figures over a set of its sessions (the whole period, a fold's in-sample or out-of-sample window). The
 * trade figures are the reporting bundle's ({@link PerformanceCalculator} over the trades closed in those sessions, on
 * the account's equity when the first of them opened); {@code netPnl} is the account's change over the sessions
 * (commissions included); {@code calmar} is the annualized return (252 sessions a year) over the maximum drawdown.
 */
public record TrialFigures(int sessions, int trades, int wins, double winRate, BigDecimal netPnl, BigDecimal realizedPnl,
                           double returnPct, Double sharpe, Double sortino, Double profitFactor, BigDecimal maxDrawdown, Double calmar) {

    static final double SESSIONS_PER_YEAR = 252.0;

    public Double objective(Objective objective) {
        return switch (objective) {
            case SHARPE -> sharpe;
            case SORTINO -> sortino;
            case PROFIT_FACTOR -> profitFactor;
            case NET_PNL -> netPnl.doubleValue();
            case CALMAR -> calmar;
        };
    }

    /**
     * The figures of {@code result} over the sessions whose indices (into {@code sessionDates}, the run's sessions in
     * order, one equity sample each) are {@code selected}, in ascending order.
     */
    public static TrialFigures of(BacktestResult result, List<LocalDate> sessionDates, int[] selected) {
        if (selected.length == 0) {
            throw new IllegalArgumentException("no session selected");
        }
        BigDecimal startEquity = equityBefore(result, selected[0]);
        BigDecimal net = BigDecimal.ZERO;
        Set<LocalDate> dates = new java.util.HashSet<>();
        for (int i : selected) {
            net = net.add(result.equity().get(i).equity().subtract(equityBefore(result, i)));
            dates.add(sessionDates.get(i));
        }
        List<BacktestTrade> trades = new ArrayList<>();
        for (BacktestTrade t : result.trades()) {
            if (dates.contains(t.exitTime().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate())) {
                trades.add(t);
            }
        }
        PerformanceReport report = new PerformanceCalculator(startEquity.signum() > 0 ? startEquity : result.startingCash())
                .calculate("sweep-trial", sessionDates.get(selected[0]), sessionDates.get(selected[selected.length - 1]),
                        BacktestResult.closedTrades(trades), List.of(), 1);
        double returnPct = net.divide(startEquity, MathContext.DECIMAL64).doubleValue() * 100;
        Double calmar = report.maxDrawdown().signum() == 0 ? null
                : net.doubleValue() * SESSIONS_PER_YEAR / selected.length / report.maxDrawdown().abs().doubleValue();
        return new TrialFigures(selected.length, report.tradesClosed(), report.wins(), report.winRate(), net, report.realizedPnl(),
                returnPct, report.sharpe(), report.sortino(), report.profitFactor(), report.maxDrawdown(), calmar);
    }

    /** The account at the close before session {@code index}: the starting cash before the first. */
    static BigDecimal equityBefore(BacktestResult result, int index) {
        return index == 0 ? result.startingCash() : result.equity().get(index - 1).equity();
    }

    /** Each session's return, equity over the previous close (the starting cash before the first), less one. */
    public static double[] sessionReturns(BacktestResult result) {
        double[] r = new double[result.equity().size()];
        for (int i = 0; i < r.length; i++) {
            BigDecimal before = equityBefore(result, i);
            r[i] = before.signum() == 0 ? 0 : result.equity().get(i).equity().divide(before, MathContext.DECIMAL64).doubleValue() - 1;
        }
        return r;
    }
}
