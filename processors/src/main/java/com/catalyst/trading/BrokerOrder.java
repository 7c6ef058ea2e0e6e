package com.catalyst.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The broker's view of an order: its id, status (Alpaca's vocabulary) and what has filled. A working order also carries
 * its type and prices; a bracket entry its two legs ({@code leg} stop_loss or take_profit, {@code parentClientOrderId}
 * the entry); {@code fills} lists each execution when the broker reports them (the paper broker does). A trailing stop
 * carries its {@code trailing} state (the trail, the high-water mark) and its current stop as {@code stopPrice}.
 */
public record BrokerOrder(String brokerOrderId, String clientOrderId, String symbol, OrderSide side, int quantity,
                          String status, int filledQuantity, BigDecimal filledAveragePrice, BigDecimal commission,
                          Instant submittedAt, Instant filledAt, String rejectReason,
                          OrderType orderType, BigDecimal limitPrice, BigDecimal stopPrice, String parentClientOrderId, BracketLeg leg,
                          Instant expiresAt, List<Fill> fills, List<BrokerOrder> legs, Trailing trailing) {

    /** Statuses after which the broker does nothing more with the order (Alpaca's vocabulary). */
    public static final Set<String> FINAL = Set.of("filled", "canceled", "expired", "rejected", "replaced", "done_for_day");

    public BrokerOrder {
        orderType = orderType == null ? OrderType.MARKET : orderType;
        fills = fills == null ? List.of() : List.copyOf(fills);
        legs = legs == null ? List.of() : List.copyOf(legs);
    }

    /** Any order but a trailing stop. */
    public BrokerOrder(String brokerOrderId, String clientOrderId, String symbol, OrderSide side, int quantity,
                       String status, int filledQuantity, BigDecimal filledAveragePrice, BigDecimal commission,
                       Instant submittedAt, Instant filledAt, String rejectReason,
                       OrderType orderType, BigDecimal limitPrice, BigDecimal stopPrice, String parentClientOrderId, BracketLeg leg,
                       Instant expiresAt, List<Fill> fills, List<BrokerOrder> legs) {
        this(brokerOrderId, clientOrderId, symbol, side, quantity, status, filledQuantity, filledAveragePrice, commission, submittedAt,
                filledAt, rejectReason, orderType, limitPrice, stopPrice, parentClientOrderId, leg, expiresAt, fills, legs, null);
    }

    /** A market order's answer, as a broker that fills at once gives it. */
    public BrokerOrder(String brokerOrderId, String clientOrderId, String symbol, OrderSide side, int quantity,
                       String status, int filledQuantity, BigDecimal filledAveragePrice, BigDecimal commission,
                       Instant submittedAt, Instant filledAt, String rejectReason) {
        this(brokerOrderId, clientOrderId, symbol, side, quantity, status, filledQuantity, filledAveragePrice, commission, submittedAt,
                filledAt, rejectReason, OrderType.MARKET, null, null, null, null, null, List.of(), List.of());
    }

    /** The side of a bracket leg of {@code entry}: as the broker says, else the other side of its entry (a long's legs sell, a short's buy). */
    public static OrderSide legSide(BrokerOrder entry, BrokerOrder leg) {
        if (leg.side() != null) {
            return leg.side();
        }
        return PositionSide.openedBy(entry.side()).exitOrderSide();
    }

    public boolean filled() {
        return "filled".equals(status);
    }

    public boolean open() {
        return !FINAL.contains(status);
    }

    public BrokerOrder withStatus(String newStatus, String reason) {
        return new BrokerOrder(brokerOrderId, clientOrderId, symbol, side, quantity, newStatus, filledQuantity, filledAveragePrice,
                commission, submittedAt, filledAt, reason != null ? reason : rejectReason, orderType, limitPrice, stopPrice,
                parentClientOrderId, leg, expiresAt, fills, legs, trailing);
    }

    public BrokerOrder withQuantity(int newQuantity) {
        return new BrokerOrder(brokerOrderId, clientOrderId, symbol, side, newQuantity, status, filledQuantity, filledAveragePrice,
                commission, submittedAt, filledAt, rejectReason, orderType, limitPrice, stopPrice, parentClientOrderId, leg, expiresAt,
                fills, legs, trailing);
    }

    public BrokerOrder withLegs(List<BrokerOrder> newLegs) {
        return new BrokerOrder(brokerOrderId, clientOrderId, symbol, side, quantity, status, filledQuantity, filledAveragePrice,
                commission, submittedAt, filledAt, rejectReason, orderType, limitPrice, stopPrice, parentClientOrderId, leg, expiresAt,
                fills, newLegs, trailing);
    }

    /** A trailing stop after its high-water mark moved: the new mark and the stop that follows it. */
    public BrokerOrder withTrailing(Trailing newTrailing, BigDecimal newStop) {
        return new BrokerOrder(brokerOrderId, clientOrderId, symbol, side, quantity, status, filledQuantity, filledAveragePrice,
                commission, submittedAt, filledAt, rejectReason, orderType, limitPrice, newStop, parentClientOrderId, leg, expiresAt,
                fills, legs, newTrailing);
    }

    /** The order after one more execution: quantity, average price and commission accumulate; filled when complete. */
    public BrokerOrder withFill(Fill fill) {
        int total = filledQuantity + fill.quantity();
        BigDecimal before = filledAveragePrice == null ? BigDecimal.ZERO : filledAveragePrice.multiply(BigDecimal.valueOf(filledQuantity));
        BigDecimal average = before.add(fill.price().multiply(BigDecimal.valueOf(fill.quantity())))
                .divide(BigDecimal.valueOf(total), 4, java.math.RoundingMode.HALF_UP);
        List<Fill> all = new java.util.ArrayList<>(fills);
        all.add(fill);
        return new BrokerOrder(brokerOrderId, clientOrderId, symbol, side, quantity, total >= quantity ? "filled" : "partially_filled",
                total, average, commission.add(fill.commission()), submittedAt, fill.at(), rejectReason, orderType, limitPrice, stopPrice,
                parentClientOrderId, leg, expiresAt, all, legs, trailing);
    }

    /**
     * A trailing stop's state: its trail, its mark as Alpaca's {@code hwm} is (a sell's high-water mark, the highest price
     * seen since it started working; a buy's low-water mark, the lowest) and the end of the last bar folded into the mark
     * ({@code markedAt}; null when the broker does not say).
     */
    public record Trailing(Trail trail, BigDecimal highWaterMark, Instant markedAt) {
    }

    /** One execution: its broker id (unique, what makes recording it idempotent), size, price and commission. */
    public record Fill(String fillId, int quantity, BigDecimal price, BigDecimal commission, Instant at) {
    }
}
