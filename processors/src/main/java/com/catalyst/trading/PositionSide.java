package com.catalyst.trading;

/**
 * A position's side as {@code positions.side} stores it: a long is opened by a buy and closed by a sell, a short the
 * other way round (its exit buys to cover).
 */
public enum PositionSide {
    LONG("long", "buy", "sell"),
    SHORT("short", "sell", "buy");

    private final String id;
    private final String entryOrderSide;
    private final String exitOrderSide;

    PositionSide(String id, String entryOrderSide, String exitOrderSide) {
        this.id = id;
        this.entryOrderSide = entryOrderSide;
        this.exitOrderSide = exitOrderSide;
    }

    /** The stored value; anything but {@code short} is a long, as the record's default ({@code positions.side} defaults to long). */
    public static PositionSide of(String id) {
        return "short".equals(id) ? SHORT : LONG;
    }

    /** The side of the entry order that opens such a position. */
    public static PositionSide openedBy(String orderSide) {
        return "sell".equals(orderSide) ? SHORT : LONG;
    }

    public String id() {
        return id;
    }

    /** The order side that opens it: buy for a long, sell for a short. */
    public String entryOrderSide() {
        return entryOrderSide;
    }

    /** The order side that closes it: sell for a long, buy to cover a short. */
    public String exitOrderSide() {
        return exitOrderSide;
    }

    /** +1 for a long, −1 for a short: the sign of a price move's effect on the P&L. */
    public int sign() {
        return this == LONG ? 1 : -1;
    }
}
