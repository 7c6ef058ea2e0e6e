package com.catalyst.trading;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The broker's answer to an order as its row records it, checked against the state machine: the order path's step
 * after the broker call ({@link TradeDesk#answer}).
 *
 * @param from     the status on record before the answer
 * @param status   the status recorded now ({@code from} itself when the answer changes nothing, as for an order kept
 *                 back by the breaker again)
 * @param quantity what the broker took: an exit cut to the shares still held records the cut quantity
 * @param changed  whether an {@code order_events} row is due: the status moved, or a partial fill grew
 */
public record OrderAnswer(String clientOrderId, OrderStatus from, OrderStatus status, int quantity, String brokerOrderId, int filledQty,
                          BigDecimal filledAvgPrice, Instant submittedAt, Instant filledAt, String rejectReason, boolean changed) {
}
