package com.catalyst.trading;

/**
 * An entry that is done, has a trailing exit and whose trailing stop is due: never placed, or on record but never seen
 * by the broker ({@code stopStatus} pending_submit, unknown, or canceled or refused before sending).
 *
 * @param filledQty  what the entry filled: the stop's quantity (a short's is capped by what the broker holds short)
 * @param stopStatus the trailing stop's status on record, or null when it was never recorded
 */
public record DueTrailingStop(String entryClientOrderId, String symbol, OrderSide entrySide, int filledQty, Trail trail,
                              String stopStatus) {

    /** The stop's side: a long's sells, a short's buys to cover. */
    public OrderSide stopSide() {
        return PositionSide.openedBy(entrySide).exitOrderSide();
    }

    /**
     * What a trailing stop of {@code filled} shares may be placed for, given what the broker holds of the symbol
     * ({@code brokerHeld}: positive long, negative short): a long's stop sells what the entry filled; a short's cover
     * buys at most what the broker still holds short, and nothing (0) while it holds no short, as a buy beyond the
     * short would open a long. One rule for the order sync and a backtest.
     */
    public static int placeable(OrderSide stopSide, int filled, int brokerHeld) {
        return stopSide == OrderSide.BUY ? Math.min(filled, Math.max(-brokerHeld, 0)) : filled;
    }

    public String stopClientOrderId() {
        return OrderIntent.trailingStopClientOrderId(entryClientOrderId);
    }
}
