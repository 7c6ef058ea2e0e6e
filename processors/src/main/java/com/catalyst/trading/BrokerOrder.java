package com.catalyst.trading;

import java.math.BigDecimal;
import java.time.Instant;

/** The broker's view of an order: its id, status (Alpaca's vocabulary) and what has filled. */
public record BrokerOrder(String brokerOrderId, String clientOrderId, String symbol, String side, int quantity,
                          String status, int filledQuantity, BigDecimal filledAveragePrice, BigDecimal commission,
                          Instant submittedAt, Instant filledAt, String rejectReason) {

    public boolean filled() {
        return "filled".equals(status);
    }
}
