package com.catalyst.trading;

import java.math.BigDecimal;

/**
 * An order as sent to a broker. {@code clientOrderId} is deterministic (cycle and decision), so a retry or a restart
 * sends the same id and the broker rejects the second copy instead of filling it twice. {@code type} is market, limit
 * ({@code limitPrice}) or stop ({@code stopPrice}, the trigger); with both {@code stopLossPrice} and
 * {@code takeProfitPrice} it is a bracket entry whose two exit legs the broker holds once it fills. Time in force: day.
 */
public record OrderRequest(String clientOrderId, String symbol, String side, int quantity, String type,
                           BigDecimal limitPrice, BigDecimal stopLossPrice, BigDecimal takeProfitPrice, BigDecimal stopPrice) {

    public OrderRequest {
        if (quantity <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": quantity must be positive, got " + quantity);
        }
        if (!"buy".equals(side) && !"sell".equals(side)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": side must be buy or sell, got " + side);
        }
        type = type == null ? "market" : type;
        if ("limit".equals(type) && (limitPrice == null || limitPrice.signum() <= 0)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a limit order needs a positive limit price, got " + limitPrice);
        }
        if ("stop".equals(type) && (stopPrice == null || stopPrice.signum() <= 0)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a stop order needs a positive stop price, got " + stopPrice);
        }
        if (!"market".equals(type) && !"limit".equals(type) && !"stop".equals(type)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": type must be market, limit or stop, got " + type);
        }
    }

    /** A market or limit order (no stop trigger). */
    public OrderRequest(String clientOrderId, String symbol, String side, int quantity, String type,
                        BigDecimal limitPrice, BigDecimal stopLossPrice, BigDecimal takeProfitPrice) {
        this(clientOrderId, symbol, side, quantity, type, limitPrice, stopLossPrice, takeProfitPrice, null);
    }

    public boolean bracket() {
        return stopLossPrice != null && takeProfitPrice != null;
    }
}
