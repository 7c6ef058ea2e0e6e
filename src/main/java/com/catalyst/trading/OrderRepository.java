package com.catalyst.trading;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The owner of {@code orders}, {@code order_events} and {@code fills} for the order path's route (issue 14: a
 * repository per aggregate): an intent recorded {@code pending_submit} before the broker is called, the broker's answer
 * with its event, a fill, and what the orders API and a trader's repeated request read. The routes call it as the bean
 * {@code orderRepository}; each method is one statement in its own transaction, as the route's steps were, so the
 * order path stays crash-only: whatever a kill -9 interrupts, the next attempt finds the row and asks the broker.
 */
@Repository("orderRepository")
public class OrderRepository {

    static final String INSERT = "insert into orders (order_id, client_order_id, cycle_id, decision_id, position_id, security_id, side,"
            + " order_type, order_class, quantity, limit_price, stop_price, take_profit_price, trail_percent, trail_price, close_reason,"
            + " status, metadata) values (:order_id, :client_order_id, :cycle_id, (select d.decision_id from risk_decisions d"
            + " where d.cycle_id = :cycle_id and d.side = :decision_side and d.security_id = get_or_create_security(:symbol)), :position_id,"
            + " get_or_create_security(:symbol), :side, :order_type, :order_class, :quantity, :limit_price, :stop_price, :take_profit_price,"
            + " :trail_percent, :trail_price, :close_reason, 'pending_submit', case when cast(:request as text) is null then null"
            + " else jsonb_build_object('idempotency_key', cast(:idempotency_key as text), 'request', cast(:request as text)) end)"
            + " on conflict (client_order_id) do nothing";
    static final String STATUS = "select status from orders where client_order_id = :client_order_id";
    static final String PENDING_EVENT = "insert into order_events (client_order_id, to_status) values (:client_order_id, 'pending_submit')";
    static final String ANSWER = "update orders set status = :status, quantity = :quantity, broker_order_id = :broker_order_id,"
            + " filled_qty = :filled_qty, filled_avg_price = :filled_avg_price, submitted_at = :submitted_at, filled_at = :filled_at,"
            + " reject_reason = :reject_reason where client_order_id = :client_order_id";
    static final String ANSWER_EVENT = "insert into order_events (client_order_id, from_status, to_status, filled_qty, filled_avg_price, reason)"
            + " values (:client_order_id, :from_status, :status, :filled_qty, :filled_avg_price, :reject_reason)";
    static final String INSERT_FILL = "insert into fills (order_id, broker_fill_id, quantity, price, commission, filled_at)"
            + " select order_id, :broker_fill_id, :quantity, :price, :commission, :filled_at from orders where client_order_id = :client_order_id"
            + " on conflict (broker_fill_id) do nothing";
    static final String LINK_OPEN_POSITION = "update orders set position_id = (select position_id from positions"
            + " where security_id = get_or_create_security(:symbol) and status = 'open') where client_order_id = :client_order_id";
    static final String LATEST = "select o.client_order_id, s.symbol, o.side, o.order_type, o.order_class, o.quantity, o.status, o.filled_qty,"
            + " o.filled_avg_price, o.limit_price, o.stop_price, o.take_profit_price, o.parent_client_order_id, o.leg, o.position_id,"
            + " o.reject_reason, o.created_at, o.filled_at, o.cycle_id from orders o join securities s using (security_id)"
            + " order by o.created_at desc, o.client_order_id limit :limit";
    static final String STORED_REQUEST = "select client_order_id, metadata->>'request' as request from orders where client_order_id = :id";
    static final String TRADER_ORDER = "select o.client_order_id, s.symbol, o.side, o.order_type, o.order_class, o.quantity, o.status,"
            + " o.filled_qty, o.filled_avg_price, o.stop_price, o.take_profit_price, o.reject_reason, o.created_at, o.filled_at"
            + " from orders o join securities s using (security_id) where o.client_order_id = :id";

    private final JdbcClient jdbc;

    public OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the intent {@code pending_submit} (once: a second attempt at the same id inserts nothing); answers the rows inserted. */
    public int insert(OrderIntent intent) {
        return jdbc.sql(INSERT).params(intent.sqlRow()).update();
    }

    /** The order's status on record, or null: where the state machine checks the broker's answer from. */
    public String status(String clientOrderId) {
        return jdbc.sql(STATUS).param("client_order_id", clientOrderId).query(String.class).optional().orElse(null);
    }

    /** The event of an order just recorded: nothing to pending_submit. */
    public void pendingSubmitted(String clientOrderId) {
        jdbc.sql(PENDING_EVENT).param("client_order_id", clientOrderId).update();
    }

    /** The broker's answer onto the order's row (TradeDesk.answer: status, quantity, fill, ids, reason). */
    public void answered(OrderAnswer answer) {
        jdbc.sql(ANSWER).param("status", answer.status().id()).param("quantity", answer.quantity())
                .param("broker_order_id", answer.brokerOrderId()).param("filled_qty", answer.filledQty())
                .param("filled_avg_price", answer.filledAvgPrice()).param("submitted_at", timestamp(answer.submittedAt()))
                .param("filled_at", timestamp(answer.filledAt())).param("reject_reason", answer.rejectReason())
                .param("client_order_id", answer.clientOrderId()).update();
    }

    /** The event of an answer that changed the order. */
    public void answerEvent(OrderAnswer answer) {
        jdbc.sql(ANSWER_EVENT).param("client_order_id", answer.clientOrderId()).param("from_status", answer.from().id())
                .param("status", answer.status().id()).param("filled_qty", answer.filledQty())
                .param("filled_avg_price", answer.filledAvgPrice()).param("reject_reason", answer.rejectReason()).update();
    }

    /** The fill of an answer (TradeDesk.firstFill), once under its broker fill id. */
    public void fill(OrderFill fill) {
        BrokerOrder.Fill f = fill.fill();
        jdbc.sql(INSERT_FILL).param("broker_fill_id", f.fillId()).param("quantity", f.quantity()).param("price", f.price())
                .param("commission", f.commission()).param("filled_at", timestamp(f.at()))
                .param("client_order_id", fill.intent().clientOrderId()).update();
    }

    /** Names the symbol's open position on the order whose fill opened it. */
    public void linkOpenPosition(OrderFill fill) {
        jdbc.sql(LINK_OPEN_POSITION).param("symbol", fill.intent().symbol()).param("client_order_id", fill.intent().clientOrderId()).update();
    }

    /** The newest orders first, for the orders API. */
    public List<Map<String, Object>> latest(int limit) {
        return jdbc.sql(LATEST).param("limit", limit).query().listOfRows();
    }

    /** The order under a trader's idempotency key and the request stored with it ({@code client_order_id}, {@code request}), or null. */
    public Map<String, Object> storedRequest(String clientOrderId) {
        return jdbc.sql(STORED_REQUEST).param("id", clientOrderId).query().listOfRows().stream().findFirst().orElse(null);
    }

    /** A trader's order as the order API answers it, or null. */
    public Map<String, Object> traderOrder(String clientOrderId) {
        return jdbc.sql(TRADER_ORDER).param("id", clientOrderId).query().listOfRows().stream().findFirst().orElse(null);
    }

    // ---- the order sync's and reconciliation's statements (OrderSyncDesk, ReconciliationDesk, TradeDesk's reopen)

    /** Entries and exits the broker may still change, whose fills are missing, or whose bracket legs are unsettled; and the trailing stops placed after an entry filled. */
    static final String ACTIVE = "select o.client_order_id from orders o where o.broker_order_id is not null"
            + " and (o.parent_client_order_id is null or (o.leg = 'trailing_stop' and o.order_class = 'simple'))"
            + " and (o.status in ('new', 'accepted', 'partially_filled')"
            + " or o.filled_qty > (select coalesce(sum(f.quantity), 0) from fills f where f.order_id = o.order_id)"
            + " or (o.order_class = 'bracket' and o.filled_qty > 0 and o.status in ('filled', 'canceled', 'expired')"
            + " and ((select count(*) from orders l where l.parent_client_order_id = o.client_order_id) < 2"
            + " or exists (select 1 from orders l where l.parent_client_order_id = o.client_order_id and l.status in ('new', 'accepted', 'partially_filled')))))"
            + " order by o.created_at";

    /**
     * Entries done (filled, or ended after a partial fill) with a trailing exit whose position is open and has no trailing
     * stop working or on its way, and no exit of its own on its way (that exit canceled the stop: it is not placed again);
     * a long's entry buys and its exits sell, a short's entry sells and its exits buy.
     */
    static final String UNPROTECTED = "select e.client_order_id, s.symbol, e.side, e.filled_qty, e.trail_percent, e.trail_price,"
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

    /** One order as the order sync moves it, locked for its transaction, with what its fills recorded so far. */
    static final String LOCKED_ROW = "select o.order_id, o.client_order_id, s.symbol, o.side, o.status, o.quantity, o.filled_qty, o.position_id,"
            + " o.cycle_id, o.stop_price, o.take_profit_price, o.leg, o.close_reason, o.parent_client_order_id, d.risk_amount,"
            + " case when o.cycle_id is null then 'manual' end as pattern_type,"
            + " (select coalesce(sum(f.quantity), 0) from fills f where f.order_id = o.order_id) as recorded_qty,"
            + " (select coalesce(sum(f.quantity * f.price), 0) from fills f where f.order_id = o.order_id) as recorded_notional"
            + " from orders o join securities s using (security_id) left join risk_decisions d on d.decision_id = o.decision_id"
            + " where o.client_order_id = ? for update of o";

    static final String RESTING = "select client_order_id, side from orders where parent_client_order_id is null and leg is null"
            + " and broker_order_id is not null and status in ('new', 'accepted', 'partially_filled')";

    static final String UNSETTLED = "select o.client_order_id, s.symbol, o.side, o.quantity, o.cycle_id, o.position_id, o.stop_price,"
            + " o.take_profit_price, o.status from orders o join securities s using (security_id)"
            + " where (o.status in ('pending_submit', 'unknown')"
            // filled on record but the process died before its fill and position were written
            + " or (o.status = 'filled' and not exists (select 1 from fills f where f.order_id = o.order_id)))"
            + " and o.created_at < now() - make_interval(secs => ?) order by o.created_at";

    static final String CANCEL_VIEW = "select o.client_order_id, s.symbol, o.side, o.order_type, o.order_class, o.quantity, o.status, o.filled_qty,"
            + " o.filled_avg_price, o.limit_price, o.stop_price, o.take_profit_price, o.parent_client_order_id, o.leg, o.reject_reason,"
            + " o.created_at, o.filled_at, o.cancelled_at from orders o join securities s using (security_id) where o.client_order_id = ?";

    private static java.sql.Timestamp timestamp(java.time.Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    private void event(String clientOrderId, String from, String to, String reason) {
        jdbc.sql("insert into order_events (client_order_id, from_status, to_status, reason) values (?, ?, ?, ?)")
                .params(clientOrderId, from, to, reason).update();
    }

    /** The orders the order sync looks up at the broker, oldest first. */
    public List<String> active() {
        return jdbc.sql(ACTIVE).query(String.class).list();
    }

    /**
     * The entries resting at the broker, as the end-of-day cancel reads them: their client order ids. Exits are left
     * out by the one rule that tells them from entries (OrderIntent.opensPosition).
     */
    public List<String> restingEntries() {
        return jdbc.sql(RESTING).query((rs, i) -> OrderIntent.opensPosition(rs.getString("client_order_id"), OrderSide.of(rs.getString("side")))
                ? rs.getString("client_order_id") : null).list().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The entries done with a trailing exit whose trailing stop is due (placed, or sent again), with the stop's status if any. */
    public List<DueTrailingStop> unprotected() {
        return jdbc.sql(UNPROTECTED).query((rs, i) -> new DueTrailingStop(rs.getString("client_order_id"), rs.getString("symbol"),
                OrderSide.of(rs.getString("side")), rs.getInt("filled_qty"), new Trail(rs.getBigDecimal("trail_percent"), rs.getBigDecimal("trail_price")),
                rs.getString("stop_status"))).list();
    }

    /**
     * Records a trailing stop {@code pending_submit} (with its event) before it is sent: the entry's cycle, position and
     * trail, on the other side; answers false when a pass placed it meanwhile.
     */
    public boolean trailingStopRecorded(String clientOrderId, OrderSide side, int quantity, String entryClientOrderId) {
        int inserted = jdbc.sql("insert into orders (order_id, client_order_id, cycle_id, position_id, security_id, side, order_type,"
                + " order_class, quantity, trail_percent, trail_price, status, parent_client_order_id, leg)"
                + " select ?, ?, e.cycle_id, e.position_id, e.security_id, ?, 'trailing_stop', 'simple', ?, e.trail_percent,"
                + " e.trail_price, 'pending_submit', e.client_order_id, 'trailing_stop' from orders e where e.client_order_id = ?"
                + " on conflict (client_order_id) do nothing")
                .params(java.util.UUID.nameUUIDFromBytes(clientOrderId.getBytes()), clientOrderId, side.id(), quantity, entryClientOrderId).update();
        if (inserted > 0) {
            event(clientOrderId, null, "pending_submit", "trailing stop of " + entryClientOrderId);
        }
        return inserted > 0;
    }

    /** A recorded order the broker never saw goes back to {@code pending_submit} for {@code quantity}, with its event. */
    public void sentAgain(String clientOrderId, int quantity, String before) {
        jdbc.sql("update orders set status = 'pending_submit', quantity = ?, reject_reason = null, cancelled_at = null where client_order_id = ?")
                .params(quantity, clientOrderId).update();
        event(clientOrderId, before, "pending_submit", "sent again: the broker never saw it");
    }

    /**
     * Reopens a recorded order the broker never saw (canceled by reconciliation, or kept back by the breaker): back to
     * {@code pending_submit} with {@code quantity}; answers whether it was such an order.
     */
    public boolean reopenedNeverSent(String clientOrderId, int quantity) {
        String before = jdbc.sql("update orders o set status = 'pending_submit', quantity = ?, reject_reason = null, cancelled_at = null"
                + " from (select client_order_id, status from orders where client_order_id = ?) was where o.client_order_id = was.client_order_id"
                + " and o.broker_order_id is null and (o.status = 'canceled' or (o.status = 'rejected' and o.reject_reason like 'not sent:%'))"
                + " returning was.status").params(quantity, clientOrderId).query(String.class).optional().orElse(null);
        if (before == null) {
            return false;
        }
        event(clientOrderId, before, "pending_submit", "sent again: the broker never saw it");
        return true;
    }

    /** The broker's first answer to an order sent by the order sync ({@code from} pending_submit or unknown), with its event. */
    public void firstAnswer(String clientOrderId, String from, String to, String brokerOrderId, java.time.Instant submittedAt, String reason) {
        jdbc.sql("update orders set status = ?, broker_order_id = coalesce(?, broker_order_id), submitted_at = coalesce(?, submitted_at),"
                + " reject_reason = ? where client_order_id = ? and status in ('pending_submit', 'unknown')")
                .params(to, brokerOrderId, timestamp(submittedAt), reason, clientOrderId).update();
        event(clientOrderId, from, to, reason);
    }

    /** Whether the record has the order. */
    public boolean exists(String clientOrderId) {
        return clientOrderId != null && !jdbc.sql("select 1 from orders where client_order_id = ?").param(clientOrderId).query().listOfRows().isEmpty();
    }

    /** The order as a trader's cancel answers it. */
    public Map<String, Object> view(String clientOrderId) {
        return jdbc.sql(CANCEL_VIEW).param(clientOrderId).query().singleRow();
    }

    /** A bracket's leg as its own row (status new, with its event) the first time the order sync sees it; {@code side} as the broker gives it. */
    public void legSeen(BrokerOrder parent, BrokerOrder leg, OrderSide side) {
        int inserted = jdbc.sql("insert into orders (order_id, client_order_id, cycle_id, position_id, security_id, side, order_type, order_class,"
                + " quantity, limit_price, stop_price, status, broker_order_id, submitted_at, parent_client_order_id, leg)"
                + " select ?, ?, p.cycle_id, p.position_id, p.security_id, ?, ?, 'bracket', ?, ?, ?, 'new', ?, ?, p.client_order_id, ?"
                + " from orders p where p.client_order_id = ? on conflict (client_order_id) do nothing")
                .params(java.util.UUID.nameUUIDFromBytes(leg.clientOrderId().getBytes()), leg.clientOrderId(), side.id(), leg.orderType().id(), leg.quantity(),
                        leg.limitPrice(), leg.stopPrice(), leg.brokerOrderId(), timestamp(leg.submittedAt()), WireId.idOf(leg.leg()), parent.clientOrderId())
                .update();
        if (inserted > 0) {
            event(leg.clientOrderId(), null, "new", leg.leg() + " leg of " + parent.clientOrderId());
        }
    }

    /** The order's row, locked for the caller's transaction; empty when the record lacks it. */
    public java.util.Optional<OrderOnRecord> locked(String clientOrderId) {
        return jdbc.sql(LOCKED_ROW).param(clientOrderId).query((rs, i) -> new OrderOnRecord(rs.getObject("order_id"),
                rs.getString("client_order_id"), rs.getString("symbol"), OrderSide.of(rs.getString("side")), OrderStatus.of(rs.getString("status")),
                rs.getInt("quantity"), rs.getInt("filled_qty"), (Integer) rs.getObject("position_id", Integer.class), rs.getString("cycle_id"),
                rs.getBigDecimal("stop_price"), rs.getBigDecimal("take_profit_price"), rs.getString("leg"), rs.getString("close_reason"),
                rs.getString("parent_client_order_id"), rs.getBigDecimal("risk_amount"), rs.getString("pattern_type"),
                rs.getInt("recorded_qty"), rs.getBigDecimal("recorded_notional"))).optional();
    }

    /** A fill of the order, once under its broker fill id; answers whether it was new. */
    public boolean fillRecorded(Object orderId, BrokerOrder.Fill fill) {
        return jdbc.sql("insert into fills (order_id, broker_fill_id, quantity, price, commission, filled_at) values (?, ?, ?, ?, ?, ?)"
                + " on conflict (broker_fill_id) do nothing")
                .params(orderId, fill.fillId(), fill.quantity(), fill.price(), fill.commission(), timestamp(fill.at())).update() > 0;
    }

    /** Where a trailing stop stands: its stop and its mark, written when they moved. */
    public void trailMoved(String clientOrderId, java.math.BigDecimal stop, java.math.BigDecimal mark) {
        jdbc.sql("update orders set stop_price = ?, hwm = ? where client_order_id = ? and (stop_price is distinct from ? or hwm is distinct from ?)")
                .params(stop, mark, clientOrderId, stop, mark).update();
    }

    /** The broker's view of an order onto its row (status, quantity, fills, reason), with its event. */
    public void followed(BrokerOrder order, String from, String to) {
        jdbc.sql("update orders set status = ?, quantity = ?, filled_qty = ?, filled_avg_price = ?, filled_at = ?, reject_reason = ?,"
                + " cancelled_at = case when ? in ('canceled', 'expired') then coalesce(cancelled_at, now()) else cancelled_at end"
                + " where client_order_id = ?")
                .params(to, order.quantity(), order.filledQuantity(), order.filledAveragePrice(), timestamp(order.filledAt()), order.rejectReason(),
                        to, order.clientOrderId()).update();
        jdbc.sql("insert into order_events (client_order_id, from_status, to_status, filled_qty, filled_avg_price, reason) values (?, ?, ?, ?, ?, ?)")
                .params(order.clientOrderId(), from, to, order.filledQuantity(), order.filledAveragePrice(), order.rejectReason()).update();
    }

    /** Names the symbol's open position on the order; answers it. */
    public Integer linkedToOpenPosition(String symbol, String clientOrderId) {
        jdbc.sql("update orders set position_id = (select position_id from positions where security_id = get_or_create_security(?)"
                + " and status = 'open') where client_order_id = ?").params(symbol, clientOrderId).update();
        return positionOf(clientOrderId);
    }

    /** The position the order names, or null. */
    public Integer positionOf(String clientOrderId) {
        return jdbc.sql("select position_id from orders where client_order_id = ?").param(clientOrderId).query(Integer.class).optional().orElse(null);
    }

    /** Names {@code positionId} on the order. */
    public void linkPosition(String clientOrderId, Integer positionId) {
        jdbc.sql("update orders set position_id = ? where client_order_id = ?").params(positionId, clientOrderId).update();
    }

    /** Orders left pending_submit or unknown (or filled without their fill) for longer than {@code olderThan}: reconciliation's. */
    public List<UnsettledOrder> unsettled(java.time.Duration olderThan) {
        return jdbc.sql(UNSETTLED).param((double) olderThan.toSeconds()).query((rs, i) -> new UnsettledOrder(rs.getString("client_order_id"),
                rs.getString("symbol"), OrderSide.of(rs.getString("side")), rs.getInt("quantity"), rs.getString("cycle_id"),
                rs.getObject("position_id", Integer.class), rs.getBigDecimal("stop_price"), rs.getBigDecimal("take_profit_price"),
                OrderStatus.of(rs.getString("status")))).list();
    }

    /** An order that never reached the broker before a restart: canceled with {@code why} (never resent), with its event. */
    public void canceledNeverSent(String clientOrderId, String from, String why) {
        jdbc.sql("update orders set status = 'canceled', cancelled_at = now(), reject_reason = ? where client_order_id = ?"
                + " and status in ('pending_submit', 'unknown')").params(why, clientOrderId).update();
        event(clientOrderId, from, "canceled", why);
    }

    // ---- the notifications' read

    static final String ORDER_AND_POSITION = "select o.side, o.leg, p.close_reason, p.realized_pnl, p.status"
            + " from orders o left join positions p on p.position_id = o.position_id where o.client_order_id = :client_order_id";

    /** The order {@code clientOrderId} with its position's state, as a fill's notification tells which fill it was; none when unknown. */
    public java.util.Optional<OrderAndPosition> orderAndPosition(String clientOrderId) {
        return jdbc.sql(ORDER_AND_POSITION).param("client_order_id", clientOrderId).query((rs, i) -> new OrderAndPosition(rs.getString("side"),
                rs.getString("leg"), rs.getString("close_reason"), rs.getBigDecimal("realized_pnl"), rs.getString("status"))).optional();
    }
}
