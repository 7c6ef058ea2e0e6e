package com.catalyst.trading;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One of a bracket entry's two exits as the broker holds them, and as {@code orders.leg} stores them: stop_loss, a stop
 * order at the bracket's stop, and take_profit, a limit order at its target. ({@code orders.leg} also names a trailing
 * stop placed after an entry filled, {@code trailing_stop}: no bracket leg, so not one of these.)
 */
public enum BracketLeg implements WireId {
    STOP_LOSS("stop_loss", OrderType.STOP),
    TAKE_PROFIT("take_profit", OrderType.LIMIT);

    private final String id;
    private final OrderType orderType;

    BracketLeg(String id, OrderType orderType) {
        this.id = id;
        this.orderType = orderType;
    }

    /** The stored and wire value, {@code stop_loss} or {@code take_profit}; anything else is refused. */
    @JsonCreator
    public static BracketLeg of(String id) {
        return WireId.parse(BracketLeg.class, id, "bracket leg");
    }

    @JsonValue
    @Override
    public String id() {
        return id;
    }

    /** The order that works it: a stop for the stop loss, a limit for the take profit. */
    public OrderType orderType() {
        return orderType;
    }

    /** The wire value, so that a message or a close reason reads as it did when the leg was a string. */
    @Override
    public String toString() {
        return id;
    }
}
