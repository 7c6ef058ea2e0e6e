package com.catalyst.trading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Decides which open positions to close this cycle: the price crossed the stop or the target, or the session is about
 * to close (intraday: nothing is held overnight unless configured). Works on the rows of {@code v_positions_current};
 * a row whose {@code broker_exits} is true has its stop and target held at the broker as bracket legs, so only the
 * end of day closes it here. A row with a {@code high_water_mark} and a trail ({@code trail_percent} or
 * {@code trail_price}) is watched for its trailing stop (mark less the trail) as well: a backtest, where the planner
 * holds every exit. The fixed stop stays the floor: the trailing stop counts only where it is above it. A short
 * ({@code side} short) is the mirror image: its stop is above, its target below, and its exit buys to cover; its
 * trailing stop is its {@code low_water_mark} plus the trail, which counts only where it is below the fixed stop (the
 * ceiling). Live, the broker holds the trailing stop (the row has no mark): the planner watches the target and the
 * fixed stop of either side.
 */
public final class ExitPlanner {

    private final ToDoubleFunction<String> lastPrice;
    private final java.util.function.LongSupplier minutesToClose;
    private final long flattenMinutesBeforeClose;

    public ExitPlanner(ToDoubleFunction<String> lastPrice, java.util.function.LongSupplier minutesToClose, long flattenMinutesBeforeClose) {
        this.lastPrice = lastPrice;
        this.minutesToClose = minutesToClose;
        this.flattenMinutesBeforeClose = flattenMinutesBeforeClose;
    }

    /** A row's side: {@code short} for a short position (its exit buys to cover), else long. */
    static boolean shortRow(Map<String, Object> row) {
        return "short".equals(row.get("side"));
    }

    /** The side of the order that exits the row's position: a long sells, a short buys to cover. */
    static String exitSide(Map<String, Object> row) {
        return shortRow(row) ? "buy" : "sell";
    }

    /** Marks each open position to the last price (a short gains as the price falls): the unrealized P&L rows for the record. */
    public List<Map<String, Object>> marks(List<Map<String, Object>> openPositions) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : openPositions) {
            double price = lastPrice.applyAsDouble((String) row.get("symbol"));
            if (Double.isFinite(price)) {
                BigDecimal entry = (BigDecimal) row.get("entry_price");
                int quantity = ((Number) row.get("quantity")).intValue();
                BigDecimal move = BigDecimal.valueOf(price).subtract(entry);
                BigDecimal pnl = (shortRow(row) ? move.negate() : move).multiply(BigDecimal.valueOf(quantity))
                        .setScale(2, java.math.RoundingMode.HALF_UP);
                rows.add(Map.of("position_id", row.get("position_id"), "unrealized_pnl", pnl));
            }
        }
        return rows;
    }

    /** Closes every given position now, whatever its stop or target: a trader's close or flatten ({@code reason}). */
    public List<OrderIntent> closing(String cycleId, List<Map<String, Object>> openPositions, String reason) {
        List<OrderIntent> exits = new ArrayList<>();
        for (Map<String, Object> row : openPositions) {
            String symbol = (String) row.get("symbol");
            int positionId = ((Number) row.get("position_id")).intValue();
            double price = lastPrice.applyAsDouble(symbol);
            exits.add(new OrderIntent("exit", cycleId, exitClientOrderId(row, positionId), symbol, exitSide(row),
                    ((Number) row.get("quantity")).intValue(), Double.isFinite(price) ? BigDecimal.valueOf(price) : null, null, null, null,
                    null, positionId, reason));
        }
        return exits;
    }

    /** The row's {@code rejected_exits} (the position's exits that ended unfilled) picks the attempt's id; absent is 0. */
    static String exitClientOrderId(Map<String, Object> row, int positionId) {
        Object failed = row.get("rejected_exits");
        return OrderIntent.exitClientOrderId(positionId, failed == null ? 0 : ((Number) failed).intValue());
    }

    /**
     * The row's trailing stop, or null when it has no mark or no trail: a long's high-water mark less its trail, a
     * short's low-water mark plus it.
     */
    static BigDecimal trailingStop(Map<String, Object> row) {
        boolean isShort = shortRow(row);
        BigDecimal mark = (BigDecimal) row.get(isShort ? "low_water_mark" : "high_water_mark");
        BigDecimal percent = (BigDecimal) row.get("trail_percent");
        BigDecimal price = (BigDecimal) row.get("trail_price");
        if (mark == null || (percent == null && price == null)) {
            return null;
        }
        Trail trail = new Trail(percent, price);
        return isShort ? trail.stopAbove(mark) : trail.stopBelow(mark);
    }

    public List<OrderIntent> exits(String cycleId, List<Map<String, Object>> openPositions) {
        long minutesLeft = minutesToClose.getAsLong();
        List<OrderIntent> exits = new ArrayList<>();
        for (Map<String, Object> row : openPositions) {
            String symbol = (String) row.get("symbol");
            int positionId = ((Number) row.get("position_id")).intValue();
            int quantity = ((Number) row.get("quantity")).intValue();
            double price = lastPrice.applyAsDouble(symbol);
            BigDecimal stop = (BigDecimal) row.get("stop_loss");
            BigDecimal target = (BigDecimal) row.get("take_profit");
            BigDecimal trailing = trailingStop(row);
            String reason = null;
            // the broker holds this position's stop and target as bracket legs: only the end of day is ours to act on
            boolean brokerExits = Boolean.TRUE.equals(row.get("broker_exits"));
            boolean isShort = shortRow(row);
            if (minutesLeft <= flattenMinutesBeforeClose) {
                reason = "end_of_day";
            } else if (brokerExits) {
                reason = null;
            } else if (isShort) {
                // the mirror image: the trailing stop above the low-water mark, under the fixed stop (the ceiling), the target below
                if (Double.isFinite(price) && trailing != null && (stop == null || trailing.compareTo(stop) < 0)
                        && price >= trailing.doubleValue()) {
                    reason = "trailing_stop";
                } else if (Double.isFinite(price) && stop != null && price >= stop.doubleValue()) {
                    reason = "stop_loss";
                } else if (Double.isFinite(price) && target != null && price <= target.doubleValue()) {
                    reason = "take_profit";
                }
            } else if (Double.isFinite(price) && trailing != null && (stop == null || trailing.compareTo(stop) > 0)
                    && price <= trailing.doubleValue()) {
                reason = "trailing_stop";
            } else if (Double.isFinite(price) && stop != null && price <= stop.doubleValue()) {
                reason = "stop_loss";
            } else if (Double.isFinite(price) && target != null && price >= target.doubleValue()) {
                reason = "take_profit";
            }
            if (reason != null) {
                exits.add(new OrderIntent("exit", cycleId, exitClientOrderId(row, positionId), symbol, exitSide(row), quantity,
                        Double.isFinite(price) ? BigDecimal.valueOf(price) : null, null, null, null, null, positionId, reason));
            }
        }
        return exits;
    }
}
