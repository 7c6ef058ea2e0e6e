package com.catalyst.backtest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One round trip of a run: the entry and the exit fills with the bar each happened on ({@code entryBar}, {@code exitBar}:
 * the symbol's bar number in the run, from 0) and the realized P&L as the trading bundle records it for a live position:
 * (exit − entry) × quantity − the exit's commission, rounded to the cent; for a short ({@code side} short),
 * (entry − exit) × quantity − the commission.
 */
public record BacktestTrade(int tradeNo, String symbol, String pattern, int quantity,
                            Instant entryTime, long entryBar, BigDecimal entryPrice,
                            Instant exitTime, long exitBar, BigDecimal exitPrice, String exitReason,
                            BigDecimal stopPrice, BigDecimal targetPrice, BigDecimal commission, BigDecimal realizedPnl, String side) {

    public BacktestTrade {
        side = side == null ? "long" : side;
    }

    /** A long round trip. */
    public BacktestTrade(int tradeNo, String symbol, String pattern, int quantity, Instant entryTime, long entryBar, BigDecimal entryPrice,
                         Instant exitTime, long exitBar, BigDecimal exitPrice, String exitReason, BigDecimal stopPrice,
                         BigDecimal targetPrice, BigDecimal commission, BigDecimal realizedPnl) {
        this(tradeNo, symbol, pattern, quantity, entryTime, entryBar, entryPrice, exitTime, exitBar, exitPrice, exitReason, stopPrice,
                targetPrice, commission, realizedPnl, "long");
    }
}
