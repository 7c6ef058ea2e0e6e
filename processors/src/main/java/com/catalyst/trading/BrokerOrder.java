package com.catalyst.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/** The broker's view of an order: its id, status (Alpaca's vocabulary) and what has filled. */
public record BrokerOrder(String brokerOrderId, String clientOrderId, String symbol, String side, int quantity,
                          String status, int filledQuantity, BigDecimal filledAveragePrice, BigDecimal commission,
                          Instant submittedAt, Instant filledAt, String rejectReason) {

    /** Statuses after which the broker does nothing more with the order (Alpaca's vocabulary). */
    public static final Set<String> FINAL = Set.of("filled", "canceled", "expired", "rejected", "replaced", "done_for_day");

    public boolean filled() {
        return "filled".equals(status);
    }
}
