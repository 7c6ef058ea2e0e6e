package com.catalyst.broker;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerPort.BrokerPosition;
import com.catalyst.trading.PaperLedger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The paper broker's book in PostgreSQL ({@code paper_broker_orders}, {@code _positions}, {@code _account}; V4):
 * one transaction per answer, so the order, the position and the cash never disagree after a crash.
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
        List<BrokerOrder> orders = jdbc.query("select * from paper_broker_orders order by recorded_seq", (rs, n) -> order(rs));
        List<BrokerPosition> positions = jdbc.query("select symbol, quantity, avg_entry_price from paper_broker_positions order by symbol",
                (rs, n) -> new BrokerPosition(rs.getString("symbol"), rs.getInt("quantity"), rs.getBigDecimal("avg_entry_price")));
        List<BigDecimal> cash = jdbc.queryForList("select cash from paper_broker_account where account_id = ?", BigDecimal.class, ACCOUNT);
        return new Book(orders, positions, cash.isEmpty() ? null : cash.get(0));
    }

    @Override
    public void record(BrokerOrder o, String symbol, BrokerPosition positionAfter, BigDecimal cashAfter) {
        transaction.executeWithoutResult(status -> {
            jdbc.update("insert into paper_broker_orders (broker_order_id, client_order_id, symbol, side, quantity, status, filled_qty,"
                    + " filled_avg_price, commission, submitted_at, filled_at, reject_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    o.brokerOrderId(), o.clientOrderId(), o.symbol(), o.side(), o.quantity(), o.status(), o.filledQuantity(),
                    o.filledAveragePrice(), o.commission(), timestamp(o.submittedAt()), timestamp(o.filledAt()), o.rejectReason());
            if (positionAfter == null) {
                jdbc.update("delete from paper_broker_positions where symbol = ?", symbol);
            } else {
                jdbc.update("insert into paper_broker_positions (symbol, quantity, avg_entry_price) values (?, ?, ?) on conflict (symbol)"
                        + " do update set quantity = excluded.quantity, avg_entry_price = excluded.avg_entry_price",
                        symbol, positionAfter.quantity(), positionAfter.averageEntryPrice());
            }
            jdbc.update("insert into paper_broker_account (account_id, cash) values (?, ?) on conflict (account_id)"
                    + " do update set cash = excluded.cash, updated_at = now()", ACCOUNT, cashAfter);
        });
    }

    private static BrokerOrder order(ResultSet rs) throws SQLException {
        return new BrokerOrder(rs.getString("broker_order_id"), rs.getString("client_order_id"), rs.getString("symbol"), rs.getString("side"),
                rs.getInt("quantity"), rs.getString("status"), rs.getInt("filled_qty"), rs.getBigDecimal("filled_avg_price"),
                rs.getBigDecimal("commission"), instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("filled_at")),
                rs.getString("reject_reason"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
