package com.catalyst.reporting;

import java.math.BigDecimal;

/**
 * A session day's figures as the record holds them when a cycle ends (ReportRepository.dayFigures): the trades the
 * day's cycles opened and closed, wins and losses, realized P&L of those closed, the unrealized P&L, gross exposure and
 * count of every open position, the commissions of the day's orders and the number of its cycles.
 */
public record DayFigures(long tradesOpened, long tradesClosed, long wins, long losses, BigDecimal realizedPnl, BigDecimal unrealizedPnl,
                         BigDecimal grossExposure, long openPositions, BigDecimal commissions, long cycles) {
}
