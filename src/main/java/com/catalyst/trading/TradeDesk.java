package com.catalyst.trading;

import java.math.BigDecimal;
import java.util.List;

import com.catalyst.risk.RiskDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The trading bundle's side of the order path: decisions become intents with deterministic client order ids;
 * an intent already on record is looked up at the broker, never sent blindly twice; the broker's answers become rows.
 */
@Component("tradeDesk")
public class TradeDesk {

    private static final Logger LOG = LoggerFactory.getLogger(TradeDesk.class);

    private final OrderSender sender;
    private final ExitSettings exits;
    // rows reopened by send(): their step is checked from pending_submit, not from the canceled they were
    private final java.util.Set<String> reopened = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Reopens a recorded order the broker never saw (canceled by reconciliation, or kept back by the breaker). */
    @FunctionalInterface
    public interface NeverSent {
        /** Whether the row was such an order and is pending_submit again, with {@code quantity}. */
        boolean reopen(String clientOrderId, int quantity);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public TradeDesk(BrokerPort broker, OrderRepository orders, ExitSettings exits) {
        this(broker, orders::reopenedNeverSent, exits);
    }

    public TradeDesk(BrokerPort broker, NeverSent neverSent) {
        this(broker, neverSent, ExitSettings.BRACKET);
    }

    public TradeDesk(BrokerPort broker, NeverSent neverSent, ExitSettings exits) {
        this.exits = exits;
        this.sender = new OrderSender(broker, (clientOrderId, quantity) -> {
            boolean again = neverSent.reopen(clientOrderId, quantity);
            if (again) {
                reopened.add(clientOrderId);
            }
            return again;
        });
    }

    /** Each approved decision as its entry (OrderIntent.entry: a long buys, a short sells to open; the trail in a trailing mode). */
    public List<OrderIntent> entries(TradeRequest request) {
        return request.decisions().stream().filter(RiskDecision::tradeable).map(d -> OrderIntent.entry(request.cycleId(), d, exits)).toList();
    }

    /** Why a short entry is not sent: the broker will not lend the symbol (not shortable, or hard to borrow). */
    static String notLendable(BrokerPort.Borrow borrow) {
        return OrderSender.notLendable(borrow);
    }

    /**
     * Sends the intent ({@link OrderSender}), or, when its row was already on record ({@code insertedRows} 0) (a retry or
     * a restart), asks the broker first and sends only if the broker never saw it.
     */
    public BrokerOrder send(OrderIntent intent, int insertedRows) {
        return sender.send(intent, insertedRows == 0);
    }

    /** Why an exit was not sent: after the cancels the broker held nothing to exit (a canceled leg had filled first). */
    public static final String NOTHING_HELD = OrderSender.NOTHING_HELD;

    /** An order the circuit breaker kept from the broker: recorded as not sent, with why. */
    public BrokerOrder notSent(OrderIntent intent, String reason) {
        LOG.warn("Order {} not sent: {}", intent.clientOrderId(), reason);
        return new BrokerOrder(null, intent.clientOrderId(), intent.symbol(), intent.side(), intent.quantity(), "rejected", 0, null,
                BigDecimal.ZERO, null, null, "not sent: " + reason);
    }

    /**
     * An order whose broker call failed after the adapter's retries, or whose lookup answer could not be read: it may or
     * may not have reached the broker, so it is recorded {@code unknown} and reconciliation looks it up by its client
     * order id (it is never sent blindly again).
     */
    public BrokerOrder unsettled(OrderIntent intent, Exception failure) {
        String reason = "unsettled: " + failure.getMessage();
        LOG.warn("Order {} {}", intent.clientOrderId(), reason);
        return new BrokerOrder(null, intent.clientOrderId(), intent.symbol(), intent.side(), intent.quantity(), "unknown", 0, null,
                BigDecimal.ZERO, null, null, reason);
    }

    /**
     * The broker's answer as the order's row records it, checked against the state machine from {@code previousStatus}
     * (an illegal step throws and nothing is recorded).
     */
    public OrderAnswer answer(OrderIntent intent, BrokerOrder order, String previousStatus) {
        OrderStatus from = reopened.remove(intent.clientOrderId()) ? OrderStatus.PENDING_SUBMIT
                : OrderStatus.of(previousStatus == null ? "pending_submit" : previousStatus);
        // kept back again (the breaker is open) while its row is already final: nothing happened at the broker
        boolean keptBackAgain = from.terminal() && order.brokerOrderId() == null && order.rejectReason() != null
                && order.rejectReason().startsWith("not sent:");
        OrderStatus to = keptBackAgain ? from : from.to(OrderStatus.of(order.status()), intent.clientOrderId());
        // what the broker took: an exit cut to the shares still held records the cut quantity;
        // a partial fill that grew is news even though the status stays partially_filled
        return new OrderAnswer(intent.clientOrderId(), from, to, order.quantity() > 0 ? order.quantity() : intent.quantity(),
                order.brokerOrderId(), order.filledQuantity(), order.filledAveragePrice(), order.submittedAt(), order.filledAt(),
                order.rejectReason(), from != to || to == OrderStatus.PARTIALLY_FILLED);
    }

    /** The answer's first execution, under the broker's fill id, with the intent it fills. */
    public OrderFill firstFill(OrderIntent intent, BrokerOrder order) {
        BrokerOrder.Fill first = order.fills().isEmpty()
                ? new BrokerOrder.Fill(order.brokerOrderId() + "-1", order.filledQuantity(), order.filledAveragePrice(), order.commission(),
                        order.filledAt())
                : order.fills().get(0);
        return new OrderFill(intent, first);
    }

    public OrderOutcome outcome(OrderIntent intent, BrokerOrder order) {
        return new OrderOutcome(intent.kind(), intent.clientOrderId(), intent.symbol(), intent.side(), intent.quantity(), order.status(),
                order.filledQuantity(), order.filledAveragePrice(), order.rejectReason() != null ? order.rejectReason() : intent.closeReason());
    }

    /** The position update published on Redis for whoever listens (the gateway, a dashboard). */
    public String positionUpdate(OrderIntent intent, BrokerOrder order) {
        return String.format(java.util.Locale.ROOT,
                "{\"event\":\"%s\",\"symbol\":\"%s\",\"side\":\"%s\",\"quantity\":%d,\"price\":%s,\"client_order_id\":\"%s\"}",
                "entry".equals(intent.kind()) ? "position_opened" : "position_closed", intent.symbol(), intent.side().id(),
                order.filledQuantity(), order.filledAveragePrice(), intent.clientOrderId());
    }
}
