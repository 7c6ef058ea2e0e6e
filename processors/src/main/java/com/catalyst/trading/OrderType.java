package com.catalyst.trading;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An order's type as {@code orders.order_type} stores it and Alpaca writes it: market, limit (a limit price), stop (a
 * stop price, the trigger) or trailing_stop (a trail). Alpaca may report stop_limit for an order placed elsewhere;
 * this system sends none (OrderRequest refuses it).
 */
public enum OrderType implements WireId {
    MARKET("market"),
    LIMIT("limit"),
    STOP("stop"),
    STOP_LIMIT("stop_limit"),
    TRAILING_STOP("trailing_stop");

    private final String id;

    OrderType(String id) {
        this.id = id;
    }

    /** The stored and wire value, lower case with an underscore; anything else is refused. */
    @JsonCreator
    public static OrderType of(String id) {
        return WireId.parse(OrderType.class, id, "order type");
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The wire value, so that a message reads as it did when the type was a string. */
    @Override
    public String toString() {
        return id;
    }
}
