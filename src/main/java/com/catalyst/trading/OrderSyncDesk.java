package com.catalyst.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.catalyst.routing.ErrorBodies.NotFoundException;
import com.catalyst.trading.BrokerOrder.Fill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows orders after submission: each cycle (before exits are planned) and in reconciliation, every order the broker
 * may still be working, or whose fills the record lacks, is looked up by client order id and moved through the state
 * machine. Each new fill is inserted once (unique broker fill id) and moves the position: an entry's fill opens or
 * grows it, a sell's fill (an exit or a bracket leg) shrinks or closes it with the realized P&L. A bracket's legs become
 * orders rows naming their entry and which leg they are. One transaction per order; every transition is an
 * {@code order_events} row. The record is written through its owners, {@link OrderRepository} and {@link PositionRepository}.
 */
@Component("orderSyncDesk")
public class OrderSyncDesk {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSyncDesk.class);

    private final OrderRepository orders;
    private final PositionRepository positions;
    private final BrokerPort broker;
    private final TransactionTemplate transaction;

    private final com.catalyst.metrics.TradingMetrics metrics;
    private final com.catalyst.market.clock.TradingClock clock;
    private final long flattenMinutesBeforeClose;
    private final org.apache.camel.ProducerTemplate producer;
    // position changes of the current pass, published on Redis once their transaction committed
    private final List<String> published = new java.util.ArrayList<>();
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    private com.catalyst.notify.Notifications notifications = com.catalyst.notify.Notifications.NONE;

    public OrderSyncDesk(OrderRepository orders, PositionRepository positions, BrokerPort broker, PlatformTransactionManager transactions,
                         com.catalyst.metrics.TradingMetrics metrics, org.apache.camel.ProducerTemplate producer,
                         com.catalyst.market.clock.TradingClock clock, com.catalyst.config.CatalystProperties props) {
        this.clock = clock;
        this.flattenMinutesBeforeClose = props.trading().flattenMinutesBeforeClose();
        this.metrics = metrics;
        this.producer = producer;
        this.orders = orders;
        this.positions = positions;
        this.broker = broker;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * One pass over the active orders; answers how many orders changed. In the end-of-day window (the exits' flatten
     * window) entries still resting are canceled first, a long's buy and a short's sell alike: one filling after the
     * flatten would be held overnight. Exits ({@code CAT-EXIT-…}), bracket legs and trailing stops are left working.
     */
    public synchronized int sync() {
        int changed = 0;
        if (clock.minutesToClose() <= flattenMinutesBeforeClose) {
            for (String entry : orders.restingEntries()) {
                broker.cancel(entry).ifPresent(o -> LOG.info("Entry {} canceled at the end of the day: {} of {} filled", entry,
                        o.filledQuantity(), o.quantity()));
            }
        }
        for (String clientOrderId : orders.active()) {
            Optional<BrokerOrder> atBroker = broker.findByClientOrderId(clientOrderId);
            if (atBroker.isPresent()) {
                changed += follow(atBroker.get());
            }
        }
        return changed + protect();
    }

    /**
     * Places the trailing stop of each entry that is done and has a trailing exit (catalyst.trading.exit.mode): a
     * {@code trailing_stop} sell for the filled quantity of a long, a buy for what the broker holds short of a short's
     * (never more than the entry sold: a buy beyond the short would open a long; none while the broker reports no short),
     * client order id {@code <entry>-TS}. Alpaca takes no trailing leg in a bracket, so the stop follows the fill, here:
     * after the trade update of the fill, each cycle, and at reconciliation. Crash-only as the order path: the row is recorded (pending_submit) before the broker is called,
     * and a row already there is looked up at the broker first, so a restart never places the stop twice. A stop the
     * broker refused is left refused (the exit planner's fixed stop and target then watch the position); one that never
     * reached the broker is sent again. Answers how many stops were placed or settled.
     */
    public synchronized int protect() {
        int placed = 0;
        for (DueTrailingStop due : orders.unprotected()) {
            String entryId = due.entryClientOrderId();
            String id = due.stopClientOrderId();
            int quantity = due.filledQty();
            String symbol = due.symbol();
            OrderSide side = due.stopSide();
            Trail trail = due.trail();
            String before = due.stopStatus();
            // a row already on record may have reached the broker before a crash: ask before sending
            Optional<BrokerOrder> known = before == null ? Optional.empty() : broker.findByClientOrderId(id);
            if (known.isEmpty() && side == OrderSide.BUY) {
                // a short's cover takes only what the broker still holds short
                quantity = DueTrailingStop.placeable(side, quantity, broker.held(symbol));
                if (quantity <= 0) {
                    LOG.info("Trailing stop {} of {} not placed: the broker holds no {} short; the order sync and reconciliation"
                            + " settle the position", id, entryId, symbol);
                    continue;
                }
            }
            if (before == null) {
                if (!orders.trailingStopRecorded(id, side, quantity, entryId)) {
                    continue; // placed meanwhile by another pass
                }
            } else if (!"pending_submit".equals(before) && !"unknown".equals(before)) {
                orders.sentAgain(id, quantity, before);
            }
            String from = "unknown".equals(before) ? "unknown" : "pending_submit";
            BrokerOrder answer;
            try {
                answer = known.isPresent() ? known.get()
                        : broker.submit(OrderRequest.trailingStop(id, symbol, side, quantity, trail));
            } catch (BrokerPort.DuplicateClientOrderIdException duplicate) {
                answer = broker.findByClientOrderId(id).orElseThrow(() -> new IllegalStateException("broker rejected " + id
                        + " as a duplicate but cannot find it"));
            } catch (BrokerUnavailableException | UnreadableBrokerAnswerException e) {
                // it may have reached the broker: unknown, looked up by the next pass or by reconciliation
                record(id, from, "unknown", null, null, "unsettled: " + e.getMessage());
                LOG.warn("Trailing stop {} of {}: {}", id, entryId, e.getMessage());
                continue;
            }
            record(id, from, answer.status(), answer.brokerOrderId(), answer.submittedAt(), answer.rejectReason());
            apply(answer);
            if ("rejected".equals(answer.status())) {
                LOG.warn("Trailing stop {} of {} refused by the broker ({}); the exit planner watches the fixed stop and the target",
                        id, entryId, answer.rejectReason());
            }
            LOG.info("Trailing stop {} ({}) for {} {} ({}): {}{}", id, side, quantity, symbol, trail.percent() != null
                    ? trail.percent().stripTrailingZeros().toPlainString() + " %" : "$" + trail.price().toPlainString(), answer.status(),
                    answer.stopPrice() == null ? "" : ", stop " + answer.stopPrice());
            placed++;
        }
        return placed;
    }

    /**
     * {@link #protect()} as a route step after entries: it leaves the message as it is, and a failure is logged, not
     * thrown, as the entries are placed either way and the next sync places their stops.
     */
    public void protectNow() {
        try {
            protect();
        } catch (RuntimeException e) {
            LOG.warn("Trailing stops not placed after the entries ({}); the next order sync places them", e.getMessage());
        }
    }

    /** The broker's first answer to a trailing stop: its id and status, through the state machine from {@code from}. */
    private void record(String clientOrderId, String from, String status, String brokerOrderId, Instant submittedAt, String reason) {
        OrderStatus to = OrderStatus.of(from).to(OrderStatus.of(status), clientOrderId);
        orders.firstAnswer(clientOrderId, from, to.id(), brokerOrderId, submittedAt, reason);
    }

    /** Cancels a working order at the broker and records the answer: the order row as it then stands. */
    public synchronized Map<String, Object> cancel(String clientOrderId) {
        if (!orders.exists(clientOrderId)) {
            throw new NotFoundException("no order with client_order_id " + clientOrderId);
        }
        Optional<BrokerOrder> answer = broker.cancel(clientOrderId);
        if (answer.isEmpty()) {
            throw new NotFoundException("order " + clientOrderId + " never reached the broker; reconciliation settles it");
        }
        BrokerOrder order = answer.get();
        if (order.parentClientOrderId() != null) {
            broker.findByClientOrderId(order.parentClientOrderId()).ifPresent(this::follow);
        } else {
            follow(order);
        }
        return orders.view(clientOrderId);
    }

    /** Records an order and, for a bracket entry, its legs after it (the entry opens the position the legs close). */
    private int follow(BrokerOrder order) {
        int changed = apply(order);
        for (BrokerOrder leg : order.legs()) {
            ensureLegRow(order, leg);
            changed += apply(leg);
        }
        return changed;
    }

    private void ensureLegRow(BrokerOrder parent, BrokerOrder leg) {
        // a leg is on the other side of its entry: a long's legs sell, a short's buy
        orders.legSeen(parent, leg, BrokerOrder.legSide(parent, leg));
    }

    /** One order's broker state into the record, in one transaction: status step, new fills, the position they move. */
    private int apply(BrokerOrder order) {
        published.clear();
        Integer result = transaction.execute(status -> {
            OrderOnRecord row = orders.locked(order.clientOrderId()).orElse(null);
            if (row == null) {
                return 0;
            }
            OrderStatus from = row.status();
            OrderStatus to = OrderStatus.of(order.status());
            if (!from.canBecome(to)) {
                LOG.error("Order {}: the broker says {} but the record says {}; left for a human to look at", order.clientOrderId(),
                        to.id(), from.id());
                return 0;
            }
            Integer positionId = row.positionId();
            for (Fill fill : newFills(order, row.recordedQty(), row.recordedNotional())) {
                if (orders.fillRecorded(row.orderId(), fill)) {
                    positionId = move(row, positionId, order, fill);
                    // a fill made on arrival was counted with the order's first answer (TradingMetrics.orderEnded)
                    if (!fill.at().equals(order.submittedAt())) {
                        metrics.laterFill(row.opens() ? "entry" : "exit", order.side().id(), fill.quantity());
                    }
                }
            }
            if (order.trailing() != null) {
                // a trailing stop's stop follows its mark: the record shows where it stands
                orders.trailMoved(order.clientOrderId(), order.stopPrice(), order.trailing().highWaterMark());
            }
            // a bracket leg's quantity follows what its entry bought
            boolean changed = from != to || row.filledQty() != order.filledQuantity() || row.quantity() != order.quantity();
            if (changed) {
                orders.followed(order, from.id(), to.id());
                LOG.info("Order {} {} → {} ({} of {} filled{})", order.clientOrderId(), from.id(), to.id(), order.filledQuantity(),
                        order.quantity(), order.filledAveragePrice() == null ? "" : " at " + order.filledAveragePrice());
            }
            return changed ? 1 : 0;
        });
        for (String message : published) {
            producer.sendBodyAndHeaders("direct:redis-publish", null, Map.of("CamelRedis.Channel", "catalyst:positions",
                    "CamelRedis.Message", message));
            notifications.position(message);
        }
        return result == null ? 0 : result;
    }

    private void publish(String event, BrokerOrder order, Fill fill) {
        published.add(String.format(java.util.Locale.ROOT,
                "{\"event\":\"%s\",\"symbol\":\"%s\",\"side\":\"%s\",\"quantity\":%d,\"price\":%s,\"client_order_id\":\"%s\"}",
                event, order.symbol(), order.side().id(), fill.quantity(), fill.price().toPlainString(), order.clientOrderId()));
    }

    /**
     * The executions the record lacks: the broker's own list when it gives one, else one fill for the filled quantity
     * the record has not seen, priced so that the average comes out right.
     */
    static List<Fill> newFills(BrokerOrder order, int recordedQty, BigDecimal recordedNotional) {
        if (!order.fills().isEmpty()) {
            return order.fills();
        }
        int missing = order.filledQuantity() - recordedQty;
        if (missing <= 0 || order.filledAveragePrice() == null) {
            return List.of();
        }
        BigDecimal price = order.filledAveragePrice().multiply(BigDecimal.valueOf(order.filledQuantity())).subtract(recordedNotional)
                .divide(BigDecimal.valueOf(missing), 4, RoundingMode.HALF_UP);
        return List.of(new Fill(order.brokerOrderId() + "-q" + order.filledQuantity(), missing, price, BigDecimal.ZERO,
                order.filledAt() != null ? order.filledAt() : Instant.now()));
    }

    /**
     * An entry's fill opens or grows the order's position (long for a buy, short for a sell); an exit's shrinks or
     * closes it. Answers the position the order names after the fill (an opening fill links it).
     */
    private Integer move(OrderOnRecord row, Integer positionId, BrokerOrder order, Fill fill) {
        if (row.opens()) {
            if (positionId == null) {
                positions.opened(row.cycleId(), row.symbol(), PositionSide.openedBy(order.side()), fill, row.stopPrice(),
                        row.takeProfitPrice(), row.riskAmount(), row.patternType());
                publish("position_opened", order, fill);
                return orders.linkedToOpenPosition(row.symbol(), order.clientOrderId());
            }
            publish("position_changed", order, fill);
            positions.grew(positionId, fill);
            return positionId;
        }
        if (positionId == null && row.parentClientOrderId() != null) {
            positionId = orders.positionOf(row.parentClientOrderId());
            orders.linkPosition(order.clientOrderId(), positionId);
        }
        if (positionId == null) {
            LOG.warn("Sell fill {} of {} names no position; reconciliation matches positions with the broker", fill.fillId(),
                    order.clientOrderId());
            return null;
        }
        // a short gains what the price fell: (entry - price) a share
        boolean reduced = positions.reduced(positionId, fill);
        publish(reduced ? "position_changed" : "position_closed", order, fill);
        if (!reduced) {
            // a leg closes with its name; an exit with the reason it was sent for (an order from before V15 has none)
            positions.closed(positionId, fill, row.closingReason());
        }
        return positionId;
    }
}
