package com.catalyst.trading;

import java.math.BigDecimal;

/**
 * An order as sent to a broker. {@code clientOrderId} is deterministic (cycle and decision), so a retry or a restart
 * sends the same id and the broker rejects the second copy instead of filling it twice. {@code type} is market, limit
 * ({@code limitPrice}), stop ({@code stopPrice}, the trigger) or trailing_stop ({@code trail}: a sell's stop follows the
 * high-water mark from below, a buy's the low-water mark from above); with both {@code stopLossPrice} and
 * {@code takeProfitPrice} it is a bracket entry whose two exit legs the broker holds once it fills. Time in force: day.
 */
public record OrderRequest(String clientOrderId, String symbol, OrderSide side, int quantity, OrderType type,
                           BigDecimal limitPrice, BigDecimal stopLossPrice, BigDecimal takeProfitPrice, BigDecimal stopPrice,
                           Trail trail) {

    public OrderRequest {
        if (quantity <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": quantity must be positive, got " + quantity);
        }
        if (side == null) {
            throw new IllegalArgumentException("order " + clientOrderId + ": side must be buy or sell, got " + side);
        }
        type = type == null ? OrderType.MARKET : type;
        if (type == OrderType.LIMIT && (limitPrice == null || limitPrice.signum() <= 0)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a limit order needs a positive limit price, got " + limitPrice);
        }
        if (type == OrderType.STOP && (stopPrice == null || stopPrice.signum() <= 0)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a stop order needs a positive stop price, got " + stopPrice);
        }
        if (type == OrderType.TRAILING_STOP && trail == null) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a trailing stop order needs a trail (percent or price)");
        }
        if (type == OrderType.TRAILING_STOP && (stopLossPrice != null || takeProfitPrice != null)) {
            // Alpaca takes a trailing stop as a single order only, never as or with a bracket's leg
            throw new IllegalArgumentException("order " + clientOrderId + ": a trailing stop order cannot carry bracket legs");
        }
        if (type == OrderType.STOP_LIMIT) {
            // a type Alpaca may report of an order placed elsewhere; none is sent from here
            throw new IllegalArgumentException("order " + clientOrderId + ": type must be market, limit, stop or trailing_stop, got " + type);
        }
    }

    /** A market, limit or stop order (no trail). */
    public OrderRequest(String clientOrderId, String symbol, OrderSide side, int quantity, OrderType type,
                        BigDecimal limitPrice, BigDecimal stopLossPrice, BigDecimal takeProfitPrice, BigDecimal stopPrice) {
        this(clientOrderId, symbol, side, quantity, type, limitPrice, stopLossPrice, takeProfitPrice, stopPrice, null);
    }

    /**
     * A trailing stop on {@code side}: a sell trails the high-water mark from below (a long's exit), a buy the low-water
     * mark from above (a short's cover).
     */
    public static OrderRequest trailingStop(String clientOrderId, String symbol, OrderSide side, int quantity, Trail trail) {
        return new OrderRequest(clientOrderId, symbol, side, quantity, OrderType.TRAILING_STOP, null, null, null, null, trail);
    }

    /** A market or limit order (no stop trigger). */
    public OrderRequest(String clientOrderId, String symbol, OrderSide side, int quantity, OrderType type,
                        BigDecimal limitPrice, BigDecimal stopLossPrice, BigDecimal takeProfitPrice) {
        this(clientOrderId, symbol, side, quantity, type, limitPrice, stopLossPrice, takeProfitPrice, null, null);
    }

    /** The same order for {@code newQuantity} shares (an exit cut to what the broker still holds). */
    public OrderRequest withQuantity(int newQuantity) {
        return new OrderRequest(clientOrderId, symbol, side, newQuantity, type, limitPrice, stopLossPrice, takeProfitPrice, stopPrice, trail);
    }

    public boolean bracket() {
        return stopLossPrice != null && takeProfitPrice != null;
    }
}
