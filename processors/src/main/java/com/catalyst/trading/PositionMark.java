package com.catalyst.trading;

import java.math.BigDecimal;

/** An open position marked to the last price: its unrealized P&L, as the record and a backtest's book keep it. */
public record PositionMark(int positionId, BigDecimal unrealizedPnl) {
}
