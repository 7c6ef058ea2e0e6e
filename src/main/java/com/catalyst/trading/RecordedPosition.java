package com.catalyst.trading;

import java.math.BigDecimal;

/** An open position as reconciliation compares it with the broker's: the record keeps a short's quantity positive. */
public record RecordedPosition(int positionId, String symbol, PositionSide side, int quantity, BigDecimal unrealizedPnl) {

    /** The quantity as the broker writes it: negative for a short. */
    public int signedQuantity() {
        return side.sign() * quantity;
    }
}
