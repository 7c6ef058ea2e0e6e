package com.catalyst.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The equity curve of closed trades in order of close: it starts at 0 and adds each trade's realized P&L. The
 * drawdown at a point is the best level reached so far (0 included) minus the level there; the maximum drawdown is
 * the largest of those, in money.
 */
public final class EquityCurve {

    private final List<EquityPoint> points;
    private final BigDecimal maxDrawdown;

    /** @param tradesInCloseOrder closed trades already sorted by close time (then position id) */
    public EquityCurve(List<ClosedTrade> tradesInCloseOrder) {
        List<EquityPoint> built = new ArrayList<>(tradesInCloseOrder.size());
        BigDecimal equity = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        BigDecimal worst = BigDecimal.ZERO;
        for (ClosedTrade trade : tradesInCloseOrder) {
            equity = equity.add(trade.realizedPnl());
            peak = peak.max(equity);
            BigDecimal drawdown = peak.subtract(equity);
            worst = worst.max(drawdown);
            built.add(new EquityPoint(trade.closedAt(), trade.symbol(), trade.realizedPnl(), equity, drawdown));
        }
        this.points = List.copyOf(built);
        this.maxDrawdown = worst;
    }

    public List<EquityPoint> points() {
        return points;
    }

    public BigDecimal maxDrawdown() {
        return maxDrawdown;
    }
}
