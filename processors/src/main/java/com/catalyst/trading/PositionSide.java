package com.catalyst.trading;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A position's side as {@code positions.side} and {@code risk_decisions.side} store it: a long is opened by a buy and
 * closed by a sell, a short the other way round (its exit buys to cover).
 */
public enum PositionSide implements WireId {
    LONG("long", OrderSide.BUY),
    SHORT("short", OrderSide.SELL);

    private final String id;
    private final OrderSide entryOrderSide;

    PositionSide(String id, OrderSide entryOrderSide) {
        this.id = id;
        this.entryOrderSide = entryOrderSide;
    }

    /** The stored and wire value, {@code long} or {@code short}; anything else is refused. */
    @JsonCreator
    public static PositionSide of(String id) {
        return WireId.parse(PositionSide.class, id, "position side");
    }

    /** The side of the position an entry order of {@code orderSide} opens: a sell opens a short, a buy a long. */
    public static PositionSide openedBy(OrderSide orderSide) {
        return orderSide == OrderSide.SELL ? SHORT : LONG;
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The order side that opens it: buy for a long, sell for a short. */
    public OrderSide entryOrderSide() {
        return entryOrderSide;
    }

    /** The order side that closes it: sell for a long, buy to cover a short. */
    public OrderSide exitOrderSide() {
        return entryOrderSide.opposite();
    }

    /** +1 for a long, −1 for a short: the sign of a price move's effect on the P&L. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }

    /** The stored value, so that a message reads as it did when the side was a string. */
    @Override
    public String toString() {
        return id;
    }
}
