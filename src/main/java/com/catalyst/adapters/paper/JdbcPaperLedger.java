package com.catalyst.adapters.paper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerOrder.Fill;
import com.catalyst.trading.BrokerPort.BrokerPosition;
import com.catalyst.adapters.paper.PaperLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The paper broker's book in PostgreSQL ({@code paper_broker_orders}, {@code _fills}, {@code _positions},
 * {@code _account}; V4, V5, V12): one transaction per change, so orders, fills, positions and cash never disagree after a crash.
 */
public class JdbcPaperLedger implements PaperLedger {

    private static final String ACCOUNT = "paper";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public JdbcPaperLedger(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    @Override
    public Book load() {
        Map<String, List<Fill>> fills = new HashMap<>();
        jdbc.query("select * from paper_broker_fills order by filled_at, fill_id", rs -> {
            fills.computeIfAbsent(rs.getString("client_order_id"), k -> new ArrayList<>()).add(new Fill(rs.getString("fill_id"),
                    rs.getInt("quantity"), rs.getBigDecimal("price"), rs.getBigDecimal("commission"), instant(rs.getTimestamp("filled_at"))));
        });
        List<BrokerOrder> orders = jdbc.query("select * from paper_broker_orders order by recorded_seq",
                (rs, n) -> order(rs, fills.getOrDefault(rs.getString("client_order_id"), List.of())));
        List<BrokerPosition> positions = jdbc.query("select symbol, quantity, avg_entry_price from paper_broker_positions order by symbol",
                (rs, n) -> new BrokerPosition(rs.getString("symbol"), rs.getInt("quantity"), rs.getBigDecimal("avg_entry_price")));
        List<BigDecimal> cash = jdbc.queryForList("select cash from paper_broker_account where account_id = ?", BigDecimal.class, ACCOUNT);
        return new Book(orders, positions, cash.isEmpty() ? null : cash.get(0));
    }

    @Override
    public void write(List<BrokerOrder> orders, Map<String, BrokerPosition> positionsAfter, BigDecimal cashAfter) {
        transaction.executeWithoutResult(status -> {
            for (BrokerOrder o : orders) {
                BrokerOrder.Trailing t = o.trailing();
                jdbc.update("insert into paper_broker_orders (broker_order_id, client_order_id, symbol, side, quantity, status, filled_qty,"
                        + " filled_avg_price, commission, submitted_at, filled_at, reject_reason, order_type, limit_price, stop_price,"
                        + " parent_client_order_id, leg, expires_at, trail_percent, trail_price, hwm, hwm_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict (client_order_id) do update set quantity = excluded.quantity, status = excluded.status,"
                        + " filled_qty = excluded.filled_qty, filled_avg_price = excluded.filled_avg_price, commission = excluded.commission,"
                        + " filled_at = excluded.filled_at, reject_reason = excluded.reject_reason,"
                        // a trailing stop's stop follows its mark
                        + " stop_price = excluded.stop_price, hwm = excluded.hwm, hwm_at = excluded.hwm_at",
                        o.brokerOrderId(), o.clientOrderId(), o.symbol(), o.side(), o.quantity(), o.status(), o.filledQuantity(),
                        o.filledAveragePrice(), o.commission(), timestamp(o.submittedAt()), timestamp(o.filledAt()), o.rejectReason(),
                        o.orderType(), o.limitPrice(), o.stopPrice(), o.parentClientOrderId(), o.leg(), timestamp(o.expiresAt()),
                        t == null ? null : t.trail().percent(), t == null ? null : t.trail().price(), t == null ? null : t.highWaterMark(),
                        t == null ? null : timestamp(t.markedAt()));
                for (Fill f : o.fills()) {
                    jdbc.update("insert into paper_broker_fills (fill_id, client_order_id, quantity, price, commission, filled_at)"
                            + " values (?, ?, ?, ?, ?, ?) on conflict (fill_id) do nothing", f.fillId(), o.clientOrderId(), f.quantity(),
                            f.price(), f.commission(), timestamp(f.at()));
                }
            }
            positionsAfter.forEach((symbol, position) -> {
                if (position == null) {
                    jdbc.update("delete from paper_broker_positions where symbol = ?", symbol);
                } else {
                    jdbc.update("insert into paper_broker_positions (symbol, quantity, avg_entry_price) values (?, ?, ?) on conflict (symbol)"
                            + " do update set quantity = excluded.quantity, avg_entry_price = excluded.avg_entry_price",
                            symbol, position.quantity(), position.averageEntryPrice());
                }
            });
            jdbc.update("insert into paper_broker_account (account_id, cash) values (?, ?) on conflict (account_id)"
                    + " do update set cash = excluded.cash, updated_at = now()", ACCOUNT, cashAfter);
        });
    }

    private static BrokerOrder order(ResultSet rs, List<Fill> fills) throws SQLException {
        return new BrokerOrder(rs.getString("broker_order_id"), rs.getString("client_order_id"), rs.getString("symbol"), rs.getString("side"),
                rs.getInt("quantity"), rs.getString("status"), rs.getInt("filled_qty"), rs.getBigDecimal("filled_avg_price"),
                rs.getBigDecimal("commission"), instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("filled_at")),
                rs.getString("reject_reason"), rs.getString("order_type"), rs.getBigDecimal("limit_price"), rs.getBigDecimal("stop_price"),
                rs.getString("parent_client_order_id"), rs.getString("leg"), instant(rs.getTimestamp("expires_at")), fills, List.of(),
                trailing(rs));
    }

    private static BrokerOrder.Trailing trailing(ResultSet rs) throws SQLException {
        BigDecimal percent = rs.getBigDecimal("trail_percent");
        BigDecimal price = rs.getBigDecimal("trail_price");
        if (percent == null && price == null) {
            return null;
        }
        return new BrokerOrder.Trailing(new com.catalyst.trading.Trail(percent, price), rs.getBigDecimal("hwm"), instant(rs.getTimestamp("hwm_at")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
