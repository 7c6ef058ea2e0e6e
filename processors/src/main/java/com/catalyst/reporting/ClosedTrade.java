package com.catalyst.reporting;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A position that was closed: what the performance figures are computed from. {@code exitReason} is the position's
 * close reason (stop_loss, take_profit, trailing_stop, end_of_day, …), null where none was recorded.
 */
public record ClosedTrade(
        long positionId,
        String symbol,
        String pattern,
        String side,
        int quantity,
        BigDecimal entryPrice,
        BigDecimal exitPrice,
        BigDecimal realizedPnl,
        Instant openedAt,
        Instant closedAt,
        String exitReason) {

    /** Without a recorded exit reason. */
    public ClosedTrade(long positionId, String symbol, String pattern, String side, int quantity, BigDecimal entryPrice,
                       BigDecimal exitPrice, BigDecimal realizedPnl, Instant openedAt, Instant closedAt) {
        this(positionId, symbol, pattern, side, quantity, entryPrice, exitPrice, realizedPnl, openedAt, closedAt, null);
    }

    public boolean isWin() {
        return realizedPnl.signum() > 0;
    }

    public boolean isLoss() {
        return realizedPnl.signum() < 0;
    }
}
