package com.catalyst.reporting;

import java.math.BigDecimal;
import java.time.Instant;

/** A position that was closed: what the performance figures are computed from. */
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
        Instant closedAt) {

    public boolean isWin() {
        return realizedPnl.signum() > 0;
    }

    public boolean isLoss() {
        return realizedPnl.signum() < 0;
    }
}
