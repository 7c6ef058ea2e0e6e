package com.catalyst.trading;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An order's side as {@code orders.side} stores it and Alpaca writes it: buy or sell. Which of them opens a position
 * and which closes it depends on the position's side ({@link PositionSide}): a long buys to open, a short sells.
 */
public enum OrderSide implements WireId {
    BUY("buy"),
    SELL("sell");

    private final String id;

    OrderSide(String id) {
        this.id = id;
    }

    /** The stored and wire value, {@code buy} or {@code sell}; anything else is refused. */
    @JsonCreator
    public static OrderSide of(String id) {
        return WireId.parse(OrderSide.class, id, "order side");
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The other side: what closes what this side opened. */
    public OrderSide opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** The wire value, so that a message or a client order id reads as it did when the side was a string. */
    @Override
    public String toString() {
        return id;
    }
}
