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

    /** The broker's answer onto the order's row (TradeDesk.transitionRow: status, quantity, fill, ids, reason). */
    public void answered(Map<String, Object> row) {
        jdbc.sql(ANSWER).params(row).update();
    }

    /** The event of an answer that changed the order. */
    public void answerEvent(Map<String, Object> row) {
        jdbc.sql(ANSWER_EVENT).params(row).update();
    }

    /** The fill of an answer (TradeDesk.fillRow), once under its broker fill id. */
    public void fill(Map<String, Object> fill) {
        jdbc.sql(INSERT_FILL).params(fill).update();
    }

    /** Names the symbol's open position on the order whose fill opened it. */
    public void linkOpenPosition(Map<String, Object> fill) {
        jdbc.sql(LINK_OPEN_POSITION).params(fill).update();
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
}
