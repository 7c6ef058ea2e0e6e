package com.catalyst.trading;

import java.math.BigDecimal;

/** What became of one intent: the order's final status, what filled at what price, and the reason if it did not. */
public record OrderOutcome(String kind, String clientOrderId, String symbol, OrderSide side, int quantity, String status,
                           int filledQuantity, BigDecimal filledAveragePrice, String reason) {
}
