package com.catalyst.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.catalyst.routing.ErrorBodies.NotFoundException;
import com.catalyst.trading.BrokerOrder.Fill;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follows orders after submission: each cycle (before exits are planned) and in reconciliation, every order the broker
 * may still be working, or whose fills the record lacks, is looked up by client order id and moved through the state
 * machine. Each new fill is inserted once (unique broker fill id) and moves the position: an entry's fill opens or
 * grows it, a sell's fill (an exit or a bracket leg) shrinks or closes it with the realized P&L. A bracket's legs become
 * orders rows naming their entry and which leg they are. One transaction per order; every transition is an
 * {@code order_events} row.
 */
@Component("orderSyncDesk")
public class OrderSyncDesk {

    private static final Logger LOG = LoggerFactory.getLogger(OrderSyncDesk.class);

    // entries (and exits) the broker may still change, whose fills are missing, or whose bracket legs are unsettled
    private static final String ACTIVE = "select o.client_order_id from orders o where o.broker_order_id is not null"
            // entries and exits; and the trailing stops placed after an entry filled, which the broker holds as orders of their own
            + " and (o.parent_client_order_id is null or (o.leg = 'trailing_stop' and o.order_class = 'simple'))"
            + " and (o.status in ('new', 'accepted', 'partially_filled')"
            + " or o.filled_qty > (select coalesce(sum(f.quantity), 0) from fills f where f.order_id = o.order_id)"
            + " or (o.order_class = 'bracket' and o.filled_qty > 0 and o.status in ('filled', 'canceled', 'expired')"
            + " and ((select count(*) from orders l where l.parent_client_order_id = o.client_order_id) < 2"
            + " or exists (select 1 from orders l where l.parent_client_order_id = o.client_order_id and l.status in ('new', 'accepted', 'partially_filled')))))"
            + " order by o.created_at";

    // entries done (filled, or ended after a partial fill) with a trailing exit whose position is open and has no trailing stop
    // working or on its way, and no exit of its own on its way (that exit canceled the stop: it is not placed again); a long's
    // entry buys and its exits sell, a short's entry sells and its exits buy
    private static final String UNPROTECTED = "select e.client_order_id, s.symbol, e.side, e.filled_qty, e.trail_percent, e.trail_price,"
            + " t.status as stop_status from orders e join securities s using (security_id)"
            + " join positions p on p.position_id = e.position_id and p.status = 'open'"
            + " left join orders t on t.client_order_id = e.client_order_id || '" + OrderIntent.TRAILING_STOP_SUFFIX + "'"
            + " where e.parent_client_order_id is null and (e.trail_percent is not null or e.trail_price is not null)"
            + " and e.filled_qty > 0 and e.status in ('filled', 'canceled', 'expired')"
            + " and (t.client_order_id is null or t.status in ('pending_submit', 'unknown') or (t.broker_order_id is null"
            + " and (t.status = 'canceled' or (t.status = 'rejected' and t.reject_reason like 'not sent:%'))))"
            + " and not exists (select 1 from orders x where x.position_id = e.position_id and x.side <> e.side and x.leg is null"
            + " and x.status in ('pending_submit', 'new', 'accepted', 'partially_filled', 'unknown'))"
            + " order by e.created_at";

    private static final String ROW = "select o.order_id, o.client_order_id, s.symbol, o.side, o.status, o.quantity, o.filled_qty, o.position_id,"
            + " o.cycle_id, o.stop_price, o.take_profit_price, o.leg, o.close_reason, o.parent_client_order_id, d.risk_amount, case when o.cycle_id is null then 'manual' end as pattern_type,"
            + " (select coalesce(sum(f.quantity), 0) from fills f where f.order_id = o.order_id) as recorded_qty,"
            + " (select coalesce(sum(f.quantity * f.price), 0) from fills f where f.order_id = o.order_id) as recorded_notional"
            + " from orders o join securities s using (security_id) left join risk_decisions d on d.decision_id = o.decision_id"
            + " where o.client_order_id = ?";

    private final JdbcTemplate jdbc;
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

    public OrderSyncDesk(JdbcTemplate jdbc, BrokerPort broker, PlatformTransactionManager transactions,
                         com.catalyst.metrics.TradingMetrics metrics, org.apache.camel.ProducerTemplate producer,
                         com.catalyst.market.clock.TradingClock clock, com.catalyst.config.CatalystProperties props) {
        this.clock = clock;
        this.flattenMinutesBeforeClose = props.trading().flattenMinutesBeforeClose();
        this.metrics = metrics;
        this.producer = producer;
        this.jdbc = jdbc;
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
            for (Map<String, Object> working : jdbc.queryForList("select client_order_id, side from orders where parent_client_order_id is null"
                    + " and leg is null and broker_order_id is not null and status in ('new', 'accepted', 'partially_filled')")) {
                String entry = (String) working.get("client_order_id");
                // entries only, told from exits by the one rule (OrderIntent.opensPosition)
                if (OrderIntent.opensPosition(entry, (String) working.get("side"))) {
                    broker.cancel(entry).ifPresent(o -> LOG.info("Entry {} canceled at the end of the day: {} of {} filled", entry,
                            o.filledQuantity(), o.quantity()));
                }
            }
        }
        for (String clientOrderId : jdbc.queryForList(ACTIVE, String.class)) {
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
        for (Map<String, Object> entry : jdbc.queryForList(UNPROTECTED)) {
            String entryId = (String) entry.get("client_order_id");
            String id = OrderIntent.trailingStopClientOrderId(entryId);
            int quantity = ((Number) entry.get("filled_qty")).intValue();
            String symbol = (String) entry.get("symbol");
            // a long's stop sells, a short's buys to cover
            String side = "sell".equals(entry.get("side")) ? "buy" : "sell";
            Trail trail = new Trail((BigDecimal) entry.get("trail_percent"),
                    (BigDecimal) entry.get("trail_price"));
            String before = (String) entry.get("stop_status");
            // a row already on record may have reached the broker before a crash: ask before sending
            Optional<BrokerOrder> known = before == null ? Optional.empty() : broker.findByClientOrderId(id);
            if (known.isEmpty() && "buy".equals(side)) {
                // a short's cover takes only what the broker still holds short
                int heldShort = Math.max(-broker.held(symbol), 0);
                if (heldShort <= 0) {
                    LOG.info("Trailing stop {} of {} not placed: the broker holds no {} short; the order sync and reconciliation"
                            + " settle the position", id, entryId, symbol);
                    continue;
                }
                quantity = Math.min(quantity, heldShort);
            }
            if (before == null) {
                int inserted = jdbc.update("insert into orders (order_id, client_order_id, cycle_id, position_id, security_id, side, order_type,"
                        + " order_class, quantity, trail_percent, trail_price, status, parent_client_order_id, leg)"
                        + " select ?, ?, e.cycle_id, e.position_id, e.security_id, ?, 'trailing_stop', 'simple', ?, e.trail_percent,"
                        + " e.trail_price, 'pending_submit', e.client_order_id, 'trailing_stop' from orders e where e.client_order_id = ?"
                        + " on conflict (client_order_id) do nothing", UUID.nameUUIDFromBytes(id.getBytes()), id, side, quantity, entryId);
                if (inserted == 0) {
                    continue; // placed meanwhile by another pass
                }
                jdbc.update("insert into order_events (client_order_id, to_status, reason) values (?, 'pending_submit', ?)", id,
                        "trailing stop of " + entryId);
            } else if (!"pending_submit".equals(before) && !"unknown".equals(before)) {
                jdbc.update("update orders set status = 'pending_submit', quantity = ?, reject_reason = null, cancelled_at = null"
                        + " where client_order_id = ?", quantity, id);
                jdbc.update("insert into order_events (client_order_id, from_status, to_status, reason) values (?, ?, 'pending_submit', ?)",
                        id, before, "sent again: the broker never saw it");
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
        jdbc.update("update orders set status = ?, broker_order_id = coalesce(?, broker_order_id), submitted_at = coalesce(?, submitted_at),"
                + " reject_reason = ? where client_order_id = ? and status in ('pending_submit', 'unknown')", to.id(), brokerOrderId,
                timestamp(submittedAt), reason, clientOrderId);
        jdbc.update("insert into order_events (client_order_id, from_status, to_status, reason) values (?, ?, ?, ?)",
                clientOrderId, from, to.id(), reason);
    }

    /** Cancels a working order at the broker and records the answer: the order row as it then stands. */
    public synchronized Map<String, Object> cancel(String clientOrderId) {
        if (clientOrderId == null || jdbc.queryForList("select 1 from orders where client_order_id = ?", clientOrderId).isEmpty()) {
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
        return jdbc.queryForMap("select o.client_order_id, s.symbol, o.side, o.order_type, o.order_class, o.quantity, o.status, o.filled_qty,"
                + " o.filled_avg_price, o.limit_price, o.stop_price, o.take_profit_price, o.parent_client_order_id, o.leg, o.reject_reason,"
                + " o.created_at, o.filled_at, o.cancelled_at from orders o join securities s using (security_id) where o.client_order_id = ?",
                clientOrderId);
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
        int inserted = jdbc.update("insert into orders (order_id, client_order_id, cycle_id, position_id, security_id, side, order_type, order_class,"
                + " quantity, limit_price, stop_price, status, broker_order_id, submitted_at, parent_client_order_id, leg)"
                + " select ?, ?, p.cycle_id, p.position_id, p.security_id, ?, ?, 'bracket', ?, ?, ?, 'new', ?, ?, p.client_order_id, ?"
                + " from orders p where p.client_order_id = ? on conflict (client_order_id) do nothing",
                // a leg is on the other side of its entry: a long's legs sell, a short's buy
                UUID.nameUUIDFromBytes(leg.clientOrderId().getBytes()), leg.clientOrderId(), legSide(parent, leg), leg.orderType(), leg.quantity(), leg.limitPrice(),
                leg.stopPrice(), leg.brokerOrderId(), timestamp(leg.submittedAt()), leg.leg(), parent.clientOrderId());
        if (inserted > 0) {
            jdbc.update("insert into order_events (client_order_id, to_status, reason) values (?, 'new', ?)", leg.clientOrderId(),
                    leg.leg() + " leg of " + parent.clientOrderId());
        }
    }

    /** The side of a bracket leg: as the broker says, else the other side of its entry. */
    static String legSide(BrokerOrder parent, BrokerOrder leg) {
        if (leg.side() != null) {
            return leg.side();
        }
        return "sell".equals(parent.side()) ? "buy" : "sell";
    }

    /** One order's broker state into the record, in one transaction: status step, new fills, the position they move. */
    private int apply(BrokerOrder order) {
        published.clear();
        Integer result = transaction.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList(ROW + " for update of o", order.clientOrderId());
            if (rows.isEmpty()) {
                return 0;
            }
            Map<String, Object> row = rows.get(0);
            OrderStatus from = OrderStatus.of((String) row.get("status"));
            OrderStatus to = OrderStatus.of(order.status());
            if (!from.canBecome(to)) {
                LOG.error("Order {}: the broker says {} but the record says {}; left for a human to look at", order.clientOrderId(),
                        to.id(), from.id());
                return 0;
            }
            int recordedQty = ((Number) row.get("recorded_qty")).intValue();
            for (Fill fill : newFills(order, recordedQty, (BigDecimal) row.get("recorded_notional"))) {
                int inserted = jdbc.update("insert into fills (order_id, broker_fill_id, quantity, price, commission, filled_at)"
                        + " values (?, ?, ?, ?, ?, ?) on conflict (broker_fill_id) do nothing", row.get("order_id"), fill.fillId(),
                        fill.quantity(), fill.price(), fill.commission(), timestamp(fill.at()));
                if (inserted > 0) {
                    move(row, order, fill);
                    // a fill made on arrival was counted with the order's first answer (TradingMetrics.orderEnded)
                    if (!fill.at().equals(order.submittedAt())) {
                        metrics.laterFill(opens(row, order) ? "entry" : "exit", order.side(), fill.quantity());
                    }
                }
            }
            if (order.trailing() != null) {
                // a trailing stop's stop follows its mark: the record shows where it stands
                jdbc.update("update orders set stop_price = ?, hwm = ? where client_order_id = ? and (stop_price is distinct from ?"
                        + " or hwm is distinct from ?)", order.stopPrice(), order.trailing().highWaterMark(), order.clientOrderId(),
                        order.stopPrice(), order.trailing().highWaterMark());
            }
            int previousFilled = ((Number) row.get("filled_qty")).intValue();
            // a bracket leg's quantity follows what its entry bought
            boolean changed = from != to || previousFilled != order.filledQuantity() || ((Number) row.get("quantity")).intValue() != order.quantity();
            if (changed) {
                jdbc.update("update orders set status = ?, quantity = ?, filled_qty = ?, filled_avg_price = ?, filled_at = ?, reject_reason = ?,"
                        + " cancelled_at = case when ? in ('canceled', 'expired') then coalesce(cancelled_at, now()) else cancelled_at end"
                        + " where client_order_id = ?", to.id(), order.quantity(), order.filledQuantity(), order.filledAveragePrice(),
                        timestamp(order.filledAt()), order.rejectReason(), to.id(), order.clientOrderId());
                jdbc.update("insert into order_events (client_order_id, from_status, to_status, filled_qty, filled_avg_price, reason)"
                        + " values (?, ?, ?, ?, ?, ?)", order.clientOrderId(), from.id(), to.id(), order.filledQuantity(),
                        order.filledAveragePrice(), order.rejectReason());
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
                event, order.symbol(), order.side(), fill.quantity(), fill.price().toPlainString(), order.clientOrderId()));
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
     * Whether the order opens (or grows) a position rather than exiting one: an entry, a buy for a long or a sell for a
     * short (OrderIntent.opensPosition). Bracket legs, trailing stops and exits ({@code CAT-EXIT-…}) exit, whichever their side.
     */
    static boolean opens(Map<String, Object> row, BrokerOrder order) {
        return row.get("leg") == null && OrderIntent.opensPosition(order.clientOrderId(), order.side());
    }

    /** An entry's fill opens or grows the order's position (long for a buy, short for a sell); an exit's shrinks or closes it. */
    private void move(Map<String, Object> row, BrokerOrder order, Fill fill) {
        Integer positionId = row.get("position_id") == null ? null : ((Number) row.get("position_id")).intValue();
        if (opens(row, order)) {
            if (positionId == null) {
                jdbc.update("insert into positions (cycle_id, security_id, side, quantity, entry_price, stop_loss, take_profit, risk_amount, status,"
                        + " opened_at, pattern_type) values (?, get_or_create_security(?), ?, ?, ?, ?, ?, ?, 'open', ?, ?)"
                        + " on conflict (security_id) where status = 'open' do nothing", row.get("cycle_id"), row.get("symbol"),
                        "sell".equals(order.side()) ? "short" : "long", fill.quantity(),
                        fill.price(), row.get("stop_price"), row.get("take_profit_price"), row.get("risk_amount"), timestamp(fill.at()),
                        row.get("pattern_type"));
                jdbc.update("update orders set position_id = (select position_id from positions where security_id = get_or_create_security(?)"
                        + " and status = 'open') where client_order_id = ?", row.get("symbol"), order.clientOrderId());
                row.put("position_id", jdbc.queryForObject("select position_id from orders where client_order_id = ?", Integer.class,
                        order.clientOrderId()));
                publish("position_opened", order, fill);
            } else {
                publish("position_changed", order, fill);
                jdbc.update("update positions set entry_price = round((entry_price * quantity + ? * ?) / (quantity + ?), 4),"
                        + " quantity = quantity + ? where position_id = ? and status = 'open'", fill.price(), fill.quantity(), fill.quantity(),
                        fill.quantity(), positionId);
            }
            return;
        }
        if (positionId == null && row.get("parent_client_order_id") != null) {
            positionId = jdbc.queryForObject("select position_id from orders where client_order_id = ?", Integer.class,
                    row.get("parent_client_order_id"));
            jdbc.update("update orders set position_id = ? where client_order_id = ?", positionId, order.clientOrderId());
            row.put("position_id", positionId);
        }
        if (positionId == null) {
            LOG.warn("Sell fill {} of {} names no position; reconciliation matches positions with the broker", fill.fillId(),
                    order.clientOrderId());
            return;
        }
        // a short gains what the price fell: (entry - price) a share
        int reduced = jdbc.update("update positions set quantity = quantity - ?, realized_pnl = coalesce(realized_pnl, 0)"
                + " + round((case when side = 'short' then -1 else 1 end) * (cast(? as numeric) - entry_price) * ? - cast(? as numeric), 2)"
                + " where position_id = ? and status = 'open' and quantity > ?",
                fill.quantity(), fill.price(), fill.quantity(), fill.commission(), positionId, fill.quantity());
        publish(reduced == 0 ? "position_closed" : "position_changed", order, fill);
        if (reduced == 0) {
            // a leg closes with its name; an exit with the reason it was sent for (an order from before V15 has none)
            String reason = row.get("leg") != null ? (String) row.get("leg")
                    : row.get("close_reason") != null ? (String) row.get("close_reason") : "exit";
            jdbc.update("update positions set status = 'closed', exit_price = ?, closed_at = ?, close_reason = ?, unrealized_pnl = 0,"
                    + " realized_pnl = coalesce(realized_pnl, 0) + round((case when side = 'short' then -1 else 1 end)"
                    + " * (cast(? as numeric) - entry_price) * quantity - cast(? as numeric), 2),"
                    + " pnl_percent = round((case when side = 'short' then -1 else 1 end) * (cast(? as numeric) / entry_price - 1) * 100, 4)"
                    + " where position_id = ? and status = 'open'",
                    fill.price(), timestamp(fill.at()), reason, fill.price(), fill.commission(), fill.price(), positionId);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
