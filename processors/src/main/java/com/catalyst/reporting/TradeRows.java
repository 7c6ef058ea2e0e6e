package com.catalyst.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Turns database rows (column name → value, as JDBC returns them) into closed trades and open positions. */
public final class TradeRows {

    private TradeRows() {
    }

    public static List<ClosedTrade> closedTrades(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> new ClosedTrade(
                ((Number) row.get("position_id")).longValue(),
                (String) row.get("symbol"),
                (String) row.get("pattern_type"),
                (String) row.get("side"),
                ((Number) row.get("quantity")).intValue(),
                money(row.get("entry_price")),
                money(row.get("exit_price")),
                money(row.get("realized_pnl")),
                instant(row.get("opened_at")),
                instant(row.get("closed_at")),
                (String) row.get("close_reason"))).toList();
    }

    public static List<OpenPosition> openPositions(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> new OpenPosition(
                (String) row.get("symbol"),
                (String) row.get("pattern_type"),
                ((Number) row.get("quantity")).intValue(),
                money(row.get("entry_price")),
                money(row.get("unrealized_pnl")))).toList();
    }

    private static BigDecimal money(Object value) {
        // a missing exit price or P&L reads as zero rather than failing the whole report
        return value == null ? BigDecimal.ZERO : (BigDecimal) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }
}
