package com.catalyst.trading;

import java.math.BigDecimal;

/**
 * An order as sent to a broker. {@code clientOrderId} is deterministic (cycle and decision), so a retry or a restart
 * sends the same id and the broker rejects the second copy instead of filling it twice.
 */
public record OrderRequest(String clientOrderId, String symbol, String side, int quantity, String type,
                           BigDecimal limitPrice, BigDecimal stopLossPrice, BigDecimal takeProfitPrice) {

    public OrderRequest {
        if (quantity <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": quantity must be positive, got " + quantity);
        }
        if (!"buy".equals(side) && !"sell".equals(side)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": side must be buy or sell, got " + side);
        }
    }
}
