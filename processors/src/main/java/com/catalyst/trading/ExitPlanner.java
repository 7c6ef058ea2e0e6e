package com.catalyst.trading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import com.catalyst.market.Prices;

/**
 * Decides which open positions to close this cycle: the price crossed the stop or the target, or the session is about
 * to close (intraday: nothing is held overnight unless configured). A position whose {@link PositionForExit#brokerExits()}
 * is true has its stop and target held at the broker as bracket legs, so only the end of day closes it here. A short
 * is the mirror image: its stop is above, its target below, and its exit buys to cover. A trailing stop is always the
 * broker's order (live and in a backtest, placed once the entry is done), so the planner watches the target and the
 * fixed stop of either side. The same planner runs live and in a backtest, on {@link PositionForExit}s from the record or
 * the book.
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

    /** Marks each open position to the last price (a short gains as the price falls): the unrealized P&L for the record. */
    public List<PositionMark> marks(List<PositionForExit> openPositions) {
        List<PositionMark> marks = new ArrayList<>(openPositions.size());
        for (PositionForExit position : openPositions) {
            double price = lastPrice.applyAsDouble(position.symbol());
            if (Double.isFinite(price)) {
                BigDecimal move = Prices.decimal(price).subtract(position.entryPrice());
                BigDecimal pnl = (position.isShort() ? move.negate() : move).multiply(BigDecimal.valueOf(position.quantity()))
                        .setScale(2, RoundingMode.HALF_UP);
                marks.add(new PositionMark(position.positionId(), pnl));
            }
        }
        return marks;
    }

    /** Closes every given position now, whatever its stop or target: a trader's close or flatten ({@code reason}). */
    public List<OrderIntent> closing(String cycleId, List<PositionForExit> openPositions, String reason) {
        List<OrderIntent> exits = new ArrayList<>(openPositions.size());
        for (PositionForExit position : openPositions) {
            exits.add(exit(cycleId, position, lastPrice.applyAsDouble(position.symbol()), reason));
        }
        return exits;
    }

    public List<OrderIntent> exits(String cycleId, List<PositionForExit> openPositions) {
        boolean endOfDay = minutesToClose.getAsLong() <= flattenMinutesBeforeClose;
        List<OrderIntent> exits = new ArrayList<>();
        for (PositionForExit position : openPositions) {
            double price = lastPrice.applyAsDouble(position.symbol());
            String reason = endOfDay ? "end_of_day" : position.brokerExits() ? null : crossed(position, price);
            if (reason != null) {
                exits.add(exit(cycleId, position, price, reason));
            }
        }
        return exits;
    }

    /** stop_loss or take_profit when the price reached the level (a short's stop above, its target below), else null. */
    private static String crossed(PositionForExit position, double price) {
        if (!Double.isFinite(price)) {
            return null;
        }
        BigDecimal stop = position.stopLoss();
        BigDecimal target = position.takeProfit();
        int sign = position.side().sign(); // a long loses as the price falls, a short as it rises
        if (stop != null && sign * Double.compare(price, stop.doubleValue()) <= 0) {
            return "stop_loss";
        }
        if (target != null && sign * Double.compare(price, target.doubleValue()) >= 0) {
            return "take_profit";
        }
        return null;
    }

    private static OrderIntent exit(String cycleId, PositionForExit position, double price, String reason) {
        return new OrderIntent("exit", cycleId, position.exitClientOrderId(), position.symbol(), position.side().exitOrderSide(),
                position.quantity(), Double.isFinite(price) ? Prices.decimal(price) : null, null, null, null, null,
                position.positionId(), reason);
    }
}
