package com.catalyst.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The performance of a period (a day is a period of one date, a cycle the trades it opened). Money is BigDecimal,
 * ratios are double; a ratio that is not defined for the data (Sharpe over fewer than 2 days, profit factor without a
 * losing trade) is null. Definitions: docs/reporting.md.
 */
public record PerformanceReport(
        String scope,
        LocalDate from,
        LocalDate to,
        int tradesClosed,
        int wins,
        int losses,
        BigDecimal realizedPnl,
        BigDecimal unrealizedPnl,
        double winRate,
        BigDecimal averageWin,
        BigDecimal averageLoss,
        Double profitFactor,
        BigDecimal expectancy,
        BigDecimal maxDrawdown,
        int tradingDays,
        Double sharpe,
        Double sortino,
        int openPositions,
        BigDecimal exposure,
        List<Breakdown> bySymbol,
        List<Breakdown> byPattern,
        List<EquityPoint> equityCurve,
        List<ClosedTrade> trades) {
}
