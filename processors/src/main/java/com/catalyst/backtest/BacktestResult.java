package com.catalyst.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.catalyst.reporting.ClosedTrade;
import com.catalyst.reporting.OpenPosition;
import com.catalyst.reporting.PerformanceCalculator;
import com.catalyst.reporting.PerformanceReport;

/**
 * What a run did: its round trips and equity samples, the counts of the pipeline's steps, the account at the end and
 * how long the replay took (without loading the data).
 */
public record BacktestResult(List<BacktestTrade> trades, List<EquitySample> equity, List<OpenPosition> openAtEnd,
                             long bars, int sessions, int cycles, int proposals, int approved, int orders, int rejectedOrders,
                             BigDecimal startingCash, BigDecimal finalEquity, LocalDate from, LocalDate to, long elapsedNanos,
                             List<Held> heldAtEnd) {

    /**
     * A position the run still held at its end, as the record's open {@code positions} row shows it: an exit that could
     * not finish before the close (the paper broker's partial fills) leaves one, as it would live.
     */
    public record Held(String symbol, String side, int quantity, java.time.Instant entryTime, BigDecimal entryPrice) {
    }

    public double barsPerSecond() {
        return elapsedNanos == 0 ? 0 : bars * 1e9 / elapsedNanos;
    }

    /** The reporting bundle's figures over the run's trades (the same calculator as the daily report). */
    public PerformanceReport performance(int maxListed) {
        return new PerformanceCalculator(startingCash).calculate("backtest", from, to, closedTrades(trades), openAtEnd, maxListed);
    }

    public static List<ClosedTrade> closedTrades(List<BacktestTrade> trades) {
        return trades.stream().map(t -> new ClosedTrade(t.tradeNo(), t.symbol(), t.pattern() == null ? "none" : t.pattern(), t.side(),
                t.quantity(), t.entryPrice(), t.exitPrice(), t.realizedPnl(), t.entryTime(), t.exitTime(), t.exitReason())).toList();
    }
}
