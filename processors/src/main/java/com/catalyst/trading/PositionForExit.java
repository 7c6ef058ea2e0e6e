package com.catalyst.trading;

import java.math.BigDecimal;

/**
 * An open position as the exit planner, a trader's close and flatten read it: from {@code v_positions_current} live,
 * from the book in a backtest.
 *
 * @param brokerExits   a bracket leg at the broker still works the stop and target: only the end of day is the planner's
 * @param rejectedExits how many of the position's own exits ended unfilled (rejected, canceled, expired): it picks the
 *                      next exit's client order id ({@link OrderIntent#exitClientOrderId(int, int)})
 */
public record PositionForExit(int positionId, String symbol, PositionSide side, int quantity, BigDecimal entryPrice,
                           BigDecimal stopLoss, BigDecimal takeProfit, boolean brokerExits, int rejectedExits) {

    public PositionForExit {
        if (side == null) {
            throw new IllegalArgumentException("position " + positionId + " has no side");
        }
    }

    public boolean isShort() {
        return side == PositionSide.SHORT;
    }

    /** The same position as the order record sees it: whether the broker holds its exits, how many of its exits failed. */
    public PositionForExit withExits(boolean brokerExits, int rejectedExits) {
        return new PositionForExit(positionId, symbol, side, quantity, entryPrice, stopLoss, takeProfit, brokerExits, rejectedExits);
    }

    /** The client order id of this position's next exit attempt. */
    public String exitClientOrderId() {
        return OrderIntent.exitClientOrderId(positionId, rejectedExits);
    }
}
