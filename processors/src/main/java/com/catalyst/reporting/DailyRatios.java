package com.catalyst.reporting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sharpe and Sortino ratios from daily returns, annualized by √252. A day's return is the realized P&L of the trades
 * closed that day (exchange time) divided by the account's starting capital; only days with a closed trade count.
 * With fewer than 2 such days, or no spread in the returns, the ratio is not defined and is null.
 */
public final class DailyRatios {

    static final double TRADING_DAYS_PER_YEAR = 252.0;

    private final double[] returns;

    public DailyRatios(List<ClosedTrade> trades, BigDecimal capital, ZoneId exchangeZone) {
        Map<LocalDate, BigDecimal> pnlByDay = new TreeMap<>();
        for (ClosedTrade trade : trades) {
            pnlByDay.merge(trade.closedAt().atZone(exchangeZone).toLocalDate(), trade.realizedPnl(), BigDecimal::add);
        }
        // ratios are doubles: the money stays exact until it becomes a fraction of capital
        this.returns = pnlByDay.values().stream()
                .mapToDouble(pnl -> pnl.divide(capital, MathContext.DECIMAL64).doubleValue())
                .toArray();
    }

    public int days() {
        return returns.length;
    }

    /** Mean daily return over its sample standard deviation (n − 1), times √252. */
    public Double sharpe() {
        if (returns.length < 2) {
            return null;
        }
        double mean = mean();
        double sumSquares = 0;
        for (double r : returns) {
            sumSquares += (r - mean) * (r - mean);
        }
        double deviation = Math.sqrt(sumSquares / (returns.length - 1));
        return deviation == 0 ? null : mean / deviation * Math.sqrt(TRADING_DAYS_PER_YEAR);
    }

    /** Mean daily return over the downside deviation (root mean square of min(r, 0) over all n days), times √252. */
    public Double sortino() {
        if (returns.length < 2) {
            return null;
        }
        double sumSquares = 0;
        for (double r : returns) {
            sumSquares += Math.min(r, 0) * Math.min(r, 0);
        }
        double downside = Math.sqrt(sumSquares / returns.length);
        return downside == 0 ? null : mean() / downside * Math.sqrt(TRADING_DAYS_PER_YEAR);
    }

    private double mean() {
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        return sum / returns.length;
    }
}
