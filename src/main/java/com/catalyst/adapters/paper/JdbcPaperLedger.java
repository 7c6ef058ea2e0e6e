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

import com.catalyst.trading.BracketLeg;
import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerOrder.Fill;
import com.catalyst.trading.BrokerPort.BrokerPosition;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import com.catalyst.trading.WireId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The paper broker's book in PostgreSQL ({@code paper_broker_orders}, {@code _fills}, {@code _positions},
 * {@code _account}; V4, V5, V12), and the one owner of those tables: one transaction per change, so orders, fills,
 * positions and cash never disagree after a crash. The paper broker ({@code AdapterConfiguration.brokerPort}) is its only
 * caller. A bean in every process, the Alpaca broker's too: it holds nothing and reads nothing until the paper broker's
 * first use, so where the paper broker is not built it stays unused.
 */
@Repository("paperLedger")
public class JdbcPaperLedger implements PaperLedger {

    private static final String ACCOUNT = "paper";

    static final String FILLS = "select * from paper_broker_fills order by filled_at, fill_id";
    static final String ORDERS = "select * from paper_broker_orders order by recorded_seq";
    static final String POSITIONS = "select symbol, quantity, avg_entry_price from paper_broker_positions order by symbol";
    static final String CASH = "select cash from paper_broker_account where account_id = :account";
    /** A known order takes its new quantity, status, fill figures and (a trailing stop) stop and mark; the rest stays as first written. */
    static final String UPSERT_ORDER = "insert into paper_broker_orders (broker_order_id, client_order_id, symbol, side, quantity, status,"
            + " filled_qty, filled_avg_price, commission, submitted_at, filled_at, reject_reason, order_type, limit_price, stop_price,"
            + " parent_client_order_id, leg, expires_at, trail_percent, trail_price, hwm, hwm_at)"
            + " values (:broker_order_id, :client_order_id, :symbol, :side, :quantity, :status, :filled_qty, :filled_avg_price, :commission,"
            + " :submitted_at, :filled_at, :reject_reason, :order_type, :limit_price, :stop_price, :parent_client_order_id, :leg, :expires_at,"
            + " :trail_percent, :trail_price, :hwm, :hwm_at)"
            + " on conflict (client_order_id) do update set quantity = excluded.quantity, status = excluded.status,"
            + " filled_qty = excluded.filled_qty, filled_avg_price = excluded.filled_avg_price, commission = excluded.commission,"
            + " filled_at = excluded.filled_at, reject_reason = excluded.reject_reason,"
            // a trailing stop's stop follows its mark
            + " stop_price = excluded.stop_price, hwm = excluded.hwm, hwm_at = excluded.hwm_at";
    static final String INSERT_FILL = "insert into paper_broker_fills (fill_id, client_order_id, quantity, price, commission, filled_at)"
            + " values (:fill_id, :client_order_id, :quantity, :price, :commission, :filled_at) on conflict (fill_id) do nothing";
    static final String DELETE_POSITION = "delete from paper_broker_positions where symbol = :symbol";
    static final String UPSERT_POSITION = "insert into paper_broker_positions (symbol, quantity, avg_entry_price)"
            + " values (:symbol, :quantity, :avg_entry_price) on conflict (symbol)"
            + " do update set quantity = excluded.quantity, avg_entry_price = excluded.avg_entry_price";
    static final String UPSERT_CASH = "insert into paper_broker_account (account_id, cash) values (:account, :cash) on conflict (account_id)"
            + " do update set cash = excluded.cash, updated_at = now()";

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public JdbcPaperLedger(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Book load() {
        Map<String, List<Fill>> fills = new HashMap<>();
        jdbc.sql(FILLS).query(rs -> {
            fills.computeIfAbsent(rs.getString("client_order_id"), k -> new ArrayList<>()).add(new Fill(rs.getString("fill_id"),
                    rs.getInt("quantity"), rs.getBigDecimal("price"), rs.getBigDecimal("commission"), instant(rs.getTimestamp("filled_at"))));
        });
        List<BrokerOrder> orders = jdbc.sql(ORDERS)
                .query((rs, n) -> order(rs, fills.getOrDefault(rs.getString("client_order_id"), List.of()))).list();
        List<BrokerPosition> positions = jdbc.sql(POSITIONS)
                .query((rs, n) -> new BrokerPosition(rs.getString("symbol"), rs.getInt("quantity"), rs.getBigDecimal("avg_entry_price"))).list();
        List<BigDecimal> cash = jdbc.sql(CASH).param("account", ACCOUNT).query(BigDecimal.class).list();
        return new Book(orders, positions, cash.isEmpty() ? null : cash.get(0));
    }

    @Override
    public void write(List<BrokerOrder> orders, Map<String, BrokerPosition> positionsAfter, BigDecimal cashAfter) {
        transaction.executeWithoutResult(status -> {
            for (BrokerOrder o : orders) {
                BrokerOrder.Trailing t = o.trailing();
                jdbc.sql(UPSERT_ORDER)
                        .param("broker_order_id", o.brokerOrderId())
                        .param("client_order_id", o.clientOrderId())
                        .param("symbol", o.symbol())
                        .param("side", o.side().id())
                        .param("quantity", o.quantity())
                        .param("status", o.status())
                        .param("filled_qty", o.filledQuantity())
                        .param("filled_avg_price", o.filledAveragePrice())
                        .param("commission", o.commission())
                        .param("submitted_at", timestamp(o.submittedAt()))
                        .param("filled_at", timestamp(o.filledAt()))
                        .param("reject_reason", o.rejectReason())
                        .param("order_type", o.orderType().id())
                        .param("limit_price", o.limitPrice())
                        .param("stop_price", o.stopPrice())
                        .param("parent_client_order_id", o.parentClientOrderId())
                        .param("leg", WireId.idOf(o.leg()))
                        .param("expires_at", timestamp(o.expiresAt()))
                        .param("trail_percent", t == null ? null : t.trail().percent())
                        .param("trail_price", t == null ? null : t.trail().price())
                        .param("hwm", t == null ? null : t.highWaterMark())
                        .param("hwm_at", t == null ? null : timestamp(t.markedAt()))
                        .update();
                for (Fill f : o.fills()) {
                    jdbc.sql(INSERT_FILL)
                            .param("fill_id", f.fillId())
                            .param("client_order_id", o.clientOrderId())
                            .param("quantity", f.quantity())
                            .param("price", f.price())
                            .param("commission", f.commission())
                            .param("filled_at", timestamp(f.at()))
                            .update();
                }
            }
            positionsAfter.forEach((symbol, position) -> {
                if (position == null) {
                    jdbc.sql(DELETE_POSITION).param("symbol", symbol).update();
                } else {
                    jdbc.sql(UPSERT_POSITION).param("symbol", symbol).param("quantity", position.quantity())
                            .param("avg_entry_price", position.averageEntryPrice()).update();
                }
            });
            jdbc.sql(UPSERT_CASH).param("account", ACCOUNT).param("cash", cashAfter).update();
        });
    }

    private static BrokerOrder order(ResultSet rs, List<Fill> fills) throws SQLException {
        return new BrokerOrder(rs.getString("broker_order_id"), rs.getString("client_order_id"), rs.getString("symbol"), OrderSide.of(rs.getString("side")),
                rs.getInt("quantity"), rs.getString("status"), rs.getInt("filled_qty"), rs.getBigDecimal("filled_avg_price"),
                rs.getBigDecimal("commission"), instant(rs.getTimestamp("submitted_at")), instant(rs.getTimestamp("filled_at")),
                rs.getString("reject_reason"), OrderType.of(rs.getString("order_type")), rs.getBigDecimal("limit_price"), rs.getBigDecimal("stop_price"),
                rs.getString("parent_client_order_id"), leg(rs.getString("leg")), instant(rs.getTimestamp("expires_at")), fills, List.of(),
                trailing(rs));
    }

    private static BracketLeg leg(String stored) {
        return stored == null ? null : BracketLeg.of(stored);
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
