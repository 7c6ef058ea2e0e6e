package com.catalyst.trading;

/**
 * The first fill of an order's answer with the intent it fills: what the order path records as a fill and how it opens
 * the position (an entry: long for a buy, short for a sell) or closes it (an exit, with the reason it was sent for).
 * The order sync records any later fills ({@link OrderSyncDesk}).
 */
public record OrderFill(OrderIntent intent, BrokerOrder.Fill fill) {

    /** The side of the position an entry's fill opens. */
    public PositionSide positionSide() {
        return PositionSide.openedBy(intent.side());
    }
}
