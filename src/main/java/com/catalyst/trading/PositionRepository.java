package com.catalyst.trading;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The owner of {@code positions} for the trading routes (issue 14: a repository per aggregate): what the exit planner,
 * the positions API, a trader's close and flatten read, the marks, and a fill's opening or closing of a position, as
 * the route's first look at a broker's answer records them. The routes call it as the bean {@code positionRepository}.
 * <p>
 * A position's exits that ended unfilled ({@code rejected_exits}) are counted by one rule wherever they are read: the
 * position's own exits ({@code CAT-EXIT-…}, no leg) that were rejected, canceled or expired; their count picks the next
 * exit's client order id.
 */
@Repository("positionRepository")
public class PositionRepository {

    /** How many of a position's own exits ended unfilled, for {@code p}: one rule for every reader. */
    static final String REJECTED_EXITS = "(select count(*) from orders o where o.position_id = p.position_id"
            + " and o.client_order_id like 'CAT-EXIT-%' and o.leg is null and o.status in ('rejected', 'canceled', 'expired'))";

    /** The open positions as the exit planner reads them; broker_exits: a bracket leg still works the stop and target. */
    static final String OPEN_FOR_EXITS = "select p.position_id, p.symbol, p.side, p.quantity, p.entry_price, p.stop_loss, p.take_profit,"
            + " exists (select 1 from orders l where l.position_id = p.position_id and l.leg in ('stop_loss', 'take_profit')"
            + " and l.status in ('new', 'accepted', 'partially_filled')) as broker_exits, " + REJECTED_EXITS + " as rejected_exits"
            + " from v_positions_current p order by p.position_id";
    static final String MARK = "update positions set unrealized_pnl = ? where position_id = ? and status = 'open'";
    static final String OPEN_POSITIONS = "select p.position_id, s.symbol, p.side, p.quantity, p.entry_price, p.stop_loss, p.take_profit,"
            + " p.status, p.opened_at, p.closed_at, p.exit_price, p.realized_pnl, p.unrealized_pnl, p.close_reason, p.cycle_id, "
            + REJECTED_EXITS + " as rejected_exits from positions p join securities s using (security_id) where p.status = 'open'"
            + " order by p.opened_at";
    /** A trader's close and flatten close whatever the broker holds: broker_exits does not matter to them. */
    static final String TO_CLOSE = "select p.position_id, p.symbol, p.side, p.quantity, p.entry_price, p.stop_loss, p.take_profit,"
            + " false as broker_exits, " + REJECTED_EXITS + " as rejected_exits from v_positions_current p";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public PositionRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The open positions with {@code broker_exits} and {@code rejected_exits}: the exit planner's rows. */
    public List<PositionForExit> openForExits() {
        return jdbc.sql(OPEN_FOR_EXITS).query(PositionRepository::openPosition).list();
    }

    /** Each open position's unrealized P&L, in one batch. */
    public void mark(List<PositionMark> marks) {
        if (!marks.isEmpty()) {
            batch.batchUpdate(MARK, marks.stream().map(m -> new Object[] {m.unrealizedPnl(), m.positionId()}).toList());
        }
    }

    private static PositionForExit openPosition(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new PositionForExit(row.getInt("position_id"), row.getString("symbol"), PositionSide.of(row.getString("side")),
                row.getInt("quantity"), row.getBigDecimal("entry_price"), row.getBigDecimal("stop_loss"), row.getBigDecimal("take_profit"),
                row.getBoolean("broker_exits"), row.getInt("rejected_exits"));
    }

    /** An entry's fill opens the symbol's position (none is opened while one is open: the unique open position a symbol). */
    public void openFromFill(OrderFill fill) {
        OrderIntent intent = fill.intent();
        opened(intent.cycleId(), intent.symbol(), fill.positionSide(), fill.fill(), intent.stopLoss(), intent.takeProfit(),
                intent.riskAmount(), intent.patternType());
    }

    /** An exit's fill closes its position with the exit's reason. */
    public void closeFromFill(OrderFill fill) {
        if (fill.intent().positionId() != null) {
            closed(fill.intent().positionId(), fill.fill(), fill.intent().closeReason());
        }
    }

    /** The open positions for the positions API, oldest first. */
    public List<Map<String, Object>> open() {
        return jdbc.sql(OPEN_POSITIONS).query().listOfRows();
    }

    /** The open position of {@code symbol} (none or one), as a trader's close reads it. */
    public List<PositionForExit> openOf(String symbol) {
        return jdbc.sql(TO_CLOSE + " where p.symbol = :symbol").param("symbol", symbol).query(PositionRepository::openPosition).list();
    }

    /** Every open position, as flatten reads them. */
    public List<PositionForExit> openToClose() {
        return jdbc.sql(TO_CLOSE + " order by p.position_id").query(PositionRepository::openPosition).list();
    }

    // ---- the order sync's and reconciliation's statements

    /** An entry's fill opens the symbol's position ({@code side} long or short), unless one is open. */
    public void opened(Object cycleId, String symbol, PositionSide side, BrokerOrder.Fill fill, Object stop, Object target, Object risk, Object pattern) {
        jdbc.sql("insert into positions (cycle_id, security_id, side, quantity, entry_price, stop_loss, take_profit, risk_amount, status,"
                + " opened_at, pattern_type) values (?, get_or_create_security(?), ?, ?, ?, ?, ?, ?, 'open', ?, ?)"
                + " on conflict (security_id) where status = 'open' do nothing")
                .params(cycleId, symbol, side.id(), fill.quantity(), fill.price(), stop, target, risk, java.sql.Timestamp.from(fill.at()), pattern).update();
    }

    /** A later entry fill grows the open position; the entry price becomes the average, rounded to 4 places. */
    public void grew(int positionId, BrokerOrder.Fill fill) {
        jdbc.sql("update positions set entry_price = round((entry_price * quantity + ? * ?) / (quantity + ?), 4), quantity = quantity + ?"
                + " where position_id = ? and status = 'open'")
                .params(fill.price(), fill.quantity(), fill.quantity(), fill.quantity(), positionId).update();
    }

    /**
     * An exit's fill of fewer shares than are held shrinks the open position and realizes its part, (price − entry) ×
     * shares − commission (a short: entry − price); answers false, changing nothing, when the fill takes the rest.
     */
    public boolean reduced(int positionId, BrokerOrder.Fill fill) {
        return jdbc.sql("update positions set quantity = quantity - ?, realized_pnl = coalesce(realized_pnl, 0)"
                + " + round((case when side = 'short' then -1 else 1 end) * (cast(? as numeric) - entry_price) * ? - cast(? as numeric), 2)"
                + " where position_id = ? and status = 'open' and quantity > ?")
                .params(fill.quantity(), fill.price(), fill.quantity(), fill.commission(), positionId, fill.quantity()).update() > 0;
    }

    /** The fill that takes the rest closes the position at its price and time with {@code reason}, realizing the rest. */
    public void closed(int positionId, BrokerOrder.Fill fill, String reason) {
        jdbc.sql("update positions set status = 'closed', exit_price = ?, closed_at = ?, close_reason = ?, unrealized_pnl = 0,"
                + " realized_pnl = coalesce(realized_pnl, 0) + round((case when side = 'short' then -1 else 1 end)"
                + " * (cast(? as numeric) - entry_price) * quantity - cast(? as numeric), 2),"
                + " pnl_percent = round((case when side = 'short' then -1 else 1 end) * (cast(? as numeric) / entry_price - 1) * 100, 4)"
                + " where position_id = ? and status = 'open'")
                .params(fill.price(), java.sql.Timestamp.from(fill.at()), reason, fill.price(), fill.commission(), fill.price(), positionId).update();
    }

    /** The open positions as reconciliation compares them with the broker's. */
    public List<RecordedPosition> openForReconciliation() {
        return jdbc.sql("select position_id, symbol, side, quantity, unrealized_pnl from v_positions_current")
                .query((rs, i) -> new RecordedPosition(rs.getInt("position_id"), rs.getString("symbol"), PositionSide.of(rs.getString("side")),
                        rs.getInt("quantity"), rs.getBigDecimal("unrealized_pnl"))).list();
    }

    /**
     * A position the broker no longer holds, closed at its last mark: the mark is the best figure of what it realized and
     * it reaches today's realized P&L (the kill switch reads it) rather than vanish.
     */
    public void closedNotHeld(int positionId, java.time.Instant at) {
        jdbc.sql("update positions set status = 'closed', closed_at = ?, close_reason = 'reconciled: not held at broker',"
                + " realized_pnl = coalesce(realized_pnl, 0) + unrealized_pnl,"
                + " exit_price = round(entry_price + (case when side = 'short' then -1 else 1 end) * unrealized_pnl / quantity, 4),"
                + " pnl_percent = round(unrealized_pnl / (entry_price * quantity) * 100, 4), unrealized_pnl = 0 where position_id = ?")
                .params(java.sql.Timestamp.from(at), positionId).update();
    }

    /** The broker holds a different size: the position takes the broker's quantity and average entry. */
    public void resized(int positionId, int quantity, java.math.BigDecimal averageEntry) {
        jdbc.sql("update positions set quantity = ?, entry_price = ? where position_id = ?").params(quantity, averageEntry, positionId).update();
    }

    /** A position the broker holds and the record did not: recorded, pattern {@code reconciled}. */
    public void openedFromBroker(String symbol, PositionSide side, int quantity, java.math.BigDecimal averageEntry) {
        jdbc.sql("insert into positions (security_id, side, quantity, entry_price, status, opened_at, pattern_type)"
                + " values (get_or_create_security(?), ?, ?, ?, 'open', now(), 'reconciled')").params(symbol, side.id(), quantity, averageEntry).update();
    }

    // ---- the market stream's read

    static final String OPEN_SYMBOLS = "select s.symbol from positions p join securities s using (security_id) where p.status = 'open'";

    /** The symbols of the open positions: the market stream subscribes them before any candidate. */
    public List<String> openSymbols() {
        return jdbc.sql(OPEN_SYMBOLS).query(String.class).list();
    }
}
