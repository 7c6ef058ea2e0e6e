package com.catalyst.trading;

import java.math.BigDecimal;

/**
 * An order reconciliation settles: left {@code pending_submit} or {@code unknown}, or filled on record without its fill
 * and position (the process died between the two writes).
 */
public record UnsettledOrder(String clientOrderId, String symbol, OrderSide side, int quantity, String cycleId, Integer positionId,
                             BigDecimal stopPrice, BigDecimal takeProfitPrice, OrderStatus status) {

    /**
     * The intent it stands for, entries and exits alike, with the stop and target they carried: exits are
     * {@code CAT-EXIT-<position>} whichever their side; a cycle's or a trader's sell that is no exit opens a short.
     */
    public OrderIntent intent() {
        boolean entry = OrderIntent.opensPosition(clientOrderId, side);
        return new OrderIntent(entry ? "entry" : "exit", cycleId, clientOrderId, symbol, side, quantity, null, stopPrice, takeProfitPrice,
                null, null, positionId, entry ? null : "reconciled");
    }
}
